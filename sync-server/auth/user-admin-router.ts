import { Router } from 'express';
import { ulid } from 'ulid';
import { type User, UserSchema } from '@shared/schemas/user';
import { type NewUserInput, NewUserInputSchema, type PasswordReset, PasswordResetSchema } from '@shared/sync/user-admin-protocol';
import type { AppDeps } from '../app-deps';
import { AppError, badRequest, forbidden, notFound } from '../errors';
import { principalOf, requireAuth } from '../middlewares/require-auth';
import { parseIdParam, validate } from '../middlewares/validate';
import { parseStoredDoc } from '../replication/visibility';
import { writeAudited } from '../services/admin-write';
import { credentialId, setPassword } from './credentials';
import { RefreshTokens } from './refresh-tokens';

/**
 * `/api/admin/users`: an admin adds a user with a first password, or sets a new password (admins
 * only). Passwords live in the private auth store, so these two cannot be a synced write; the
 * directory data itself (name, role, sites, skills, active) is edited like any document and syncs.
 */
export function createUserAdminRouter(deps: AppDeps) {
  const router = Router();
  const tokens = new RefreshTokens(deps.store, deps.clock);
  router.use(requireAuth(deps), (_req, res, next) => {
    next(principalOf(res).role === 'admin' ? undefined : forbidden('only admins manage users'));
  });

  router.post('/', validate('body', NewUserInputSchema), async (_req, res) => {
    const { id = ulid(), password, ...directory } = res.locals.body as NewUserInput;
    await ensureUnused(deps, id, directory.username);
    await ensureSitesExist(deps, directory.siteIds);
    const now = deps.clock.now().toISOString();
    const user = UserSchema.parse({ ...directory, id, type: 'user', active: true, createdAt: now, updatedAt: now, _deleted: false });
    // The directory entry first: a failure after it leaves a user whose password an admin can set,
    // never a password that reserves a username for nobody.
    await writeAudited(deps, 'users', { actorId: principalOf(res).id, after: user, noun: 'User' });
    await setPassword(deps.store, user, password);
    res.status(201).json(user);
  });

  router.put('/:id/password', validate('body', PasswordResetSchema), async (req, res) => {
    const user = await existingUser(deps, parseIdParam(req.params.id));
    await setPassword(deps.store, user, (res.locals.body as PasswordReset).password);
    // Whoever knew the old password may hold a session: every one of them ends now.
    await tokens.revokeEveryFamilyOf(user.id);
    res.json({ id: user.id, username: user.username });
  });

  return router;
}

async function ensureUnused(deps: AppDeps, id: string, username: string): Promise<void> {
  if (await deps.store.get('users', id)) throw new AppError(409, 'conflict', `user ${id} already exists`, 'id');
  const taken = (await deps.store.getPrivate('auth', credentialId(username))) ?? (await deps.store.find('users', { username }, 1))[0];
  if (taken) throw new AppError(409, 'conflict', `the username ${username} is taken`, 'username');
}

async function ensureSitesExist(deps: AppDeps, siteIds: string[]): Promise<void> {
  const found = await deps.store.getMany('sites', siteIds);
  const missing = siteIds.findIndex((id) => !found.get(id) || found.get(id)?.fields._deleted === true);
  if (missing >= 0) throw badRequest(`siteIds[${missing}]: ${siteIds[missing]} names no existing site`, `siteIds[${missing}]`);
}

async function existingUser(deps: AppDeps, id: string): Promise<User> {
  const stored = await deps.store.get('users', id);
  const user = stored && (parseStoredDoc('users', stored.fields, deps.logger) as User | undefined);
  if (!user || user._deleted) throw notFound(`There is no user ${id}`);
  return user;
}
