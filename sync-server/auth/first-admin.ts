import { UserSchema } from '@shared/schemas/user';
import type { AppDeps } from '../app-deps';
import { computeAcl } from '../services/acl';
import { RevisionConflictError } from '../store/store-errors';
import { credentialId, setPassword } from './credentials';

/**
 * A production store starts without the demo accounts (SEED_DEMO=false), so without this nobody
 * could sign in to add the first user. With ADMIN_PASSWORD set, a start creates the admin
 * ADMIN_USERNAME once, when no such account exists; later starts leave it and its password alone
 * (an admin changes passwords on the Users screen). Without it, a store with no admin is reported
 * loudly. Several instances starting together create it once: ids are deterministic and CouchDB
 * lets one write win.
 */
export async function ensureFirstAdmin(deps: AppDeps): Promise<void> {
  const { config, store, logger } = deps;
  if (!config.ADMIN_PASSWORD) {
    const admins = await store.find('users', { role: 'admin', active: true }, 1);
    if (admins.length === 0) logger.warn(`\n${'!'.repeat(72)}\n  No active admin exists and ADMIN_PASSWORD is not set: nobody can add users.\n  Set ADMIN_PASSWORD (and ADMIN_USERNAME, default "admin") and restart once.\n${'!'.repeat(72)}`);
    return;
  }
  const username = config.ADMIN_USERNAME;
  if (await store.getPrivate('auth', credentialId(username))) return;
  const now = deps.clock.now().toISOString();
  const admin = UserSchema.parse({
    id: `user-${username}`, type: 'user', username, fullName: 'Administrator', email: config.ADMIN_EMAIL, role: 'admin',
    siteIds: [], skills: [], active: true, createdAt: now, updatedAt: now, _deleted: false,
  });
  await ignoringRace(() => store.put('users', admin, computeAcl('users', admin)));
  await ignoringRace(() => setPassword(store, admin, config.ADMIN_PASSWORD ?? ''));
  logger.info({ username }, 'created the first admin account from ADMIN_PASSWORD');
}

/** Another instance starting at the same time wrote it first: that is the state we want. */
async function ignoringRace(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof RevisionConflictError)) throw error;
  }
}
