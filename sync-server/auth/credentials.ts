import type { Store } from '../store/store';
import { hashPassword } from './passwords';

/** A user's credential lives in the private auth database, keyed by username, never replicated. */
export type Credential = { _id: string; _rev?: string; kind: 'credential'; userId: string; username: string; passwordHash: string };

export const credentialId = (username: string) => `cred:${username}`;

export async function setPassword(store: Store, user: { id: string; username: string }, password: string): Promise<void> {
  const existing = await store.getPrivate('auth', credentialId(user.username));
  const credential: Credential = {
    _id: credentialId(user.username),
    ...(existing?._rev ? { _rev: existing._rev } : {}),
    kind: 'credential',
    userId: user.id,
    username: user.username,
    passwordHash: await hashPassword(password),
  };
  await store.putPrivate('auth', credential);
}
