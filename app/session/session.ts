import type { User } from '@shared/schemas/user';
import { databaseNameFor, openDatabase, type AppDatabase } from '../db/database';
import { deleteStoredDatabases } from '../db/stored-databases';
import type { ApiClient } from '../sync/api-client';
import { firstPagesIfFresh } from '../sync/first-pages';
import { SyncEngine } from '../sync/sync-engine';
import { clearAccountLock, isAccountInactive } from './account-lock';
import { firstScreenShown } from './first-screen';
import { cacheProfile, clearCachedProfile, readCachedProfile } from './profile-cache';

/** A signed-in user on this device: their local database and its sync engine. */
export class Session {
  private constructor(
    readonly user: User,
    readonly db: AppDatabase,
    readonly sync: SyncEngine,
  ) {}

  /** Opens the user's local data and starts syncing; works offline (sync waits for a network). */
  static async open(user: User, api: ApiClient): Promise<Session> {
    cacheProfile(user);
    api.setOwner(user.id);
    // User Timing marks: DevTools and the bench split the first screen's time with them.
    const name = databaseNameFor(user.id);
    const firstPages = await firstPagesIfFresh(api, name);
    performance.mark('fs:database-open');
    const db = await openDatabase(name, { validate: import.meta.env.DEV, principal: user });
    performance.mark('fs:database-opened');
    const sync = new SyncEngine(db, api, user.id, firstScreenShown(), firstPages);
    sync.start();
    return new Session(user, db, sync);
  }

  /** Cold start: the cached profile's session, or undefined when none (or an unreadable one) is cached. */
  static async resume(api: ApiClient): Promise<Session | undefined> {
    const profile = readCachedProfile();
    return profile ? Session.open(profile, api) : undefined;
  }

  /** The cached profile, when the server has said that account is deactivated: its data must not open. */
  static lockedProfile(): User | undefined {
    const profile = readCachedProfile();
    return profile && isAccountInactive(profile.id) ? profile : undefined;
  }

  /** Deletes a user's local data without opening it (a locked account's, at a cold start). */
  static async wipeUnopened(user: User): Promise<void> {
    await deleteStoredDatabases(databaseNameFor(user.id));
    forgetUser();
  }

  async pendingCount(): Promise<number> {
    return this.db.outbox.count().exec();
  }

  /** Signs out and wipes this user's local data. The caller has already warned about pending changes. */
  async signOutAndWipe(api: ApiClient): Promise<void> {
    await this.sync.stop();
    try {
      await api.logout();
    } finally {
      // Offline, the server-side session cannot be revoked now; the device's data still goes.
      api.forgetToken();
      await this.wipe();
    }
  }

  /**
   * Deletes this user's local data, without signing out on the server: another user has just
   * signed in (the refresh cookie is theirs now), or the account is deactivated.
   */
  async wipe(): Promise<void> {
    await this.sync.stop();
    await this.db.remove();
    await deleteStoredDatabases(this.db.name);
    forgetUser();
  }

  /** Stops syncing and closes the database, leaving its data: another tab signed this user out and deletes it. */
  async close(): Promise<void> {
    await this.sync.stop();
    await this.db.close();
  }
}

function forgetUser(): void {
  clearCachedProfile();
  clearAccountLock();
}
