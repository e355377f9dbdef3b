import type { User } from '@shared/schemas/user';

/** What the server does to a typed username before looking it up (LoginBodySchema: trim, lower case). */
export function normalizeUsername(typed: string): string {
  return typed.trim().toLowerCase();
}

/** The typed username is the signed-in user's own: signing in keeps their data on the device. */
export function isSameUsername(typed: string, user: Pick<User, 'username'>): boolean {
  return normalizeUsername(typed) === user.username;
}

/**
 * Someone signs in while a user's data is on this device (their session ended). The same user
 * resumes it; another user replaces it, which deletes the previous user's unsynced changes, so it
 * needs the user's confirmation first whenever there are any.
 */
export type SignInPlan = { kind: 'resume' } | { kind: 'replace' } | { kind: 'confirm-replace'; pending: number };

export function planSignIn(typed: string, current: { user: Pick<User, 'username'>; pending: number } | undefined, replaceConfirmed: boolean): SignInPlan {
  if (!current) return { kind: 'replace' };
  if (isSameUsername(typed, current.user)) return { kind: 'resume' };
  return current.pending > 0 && !replaceConfirmed ? { kind: 'confirm-replace', pending: current.pending } : { kind: 'replace' };
}
