import type { Principal } from '@shared/domain/principal';
import { UserSchema } from '@shared/schemas/user';
import type { Logger } from '../logger';
import type { ChangeRow } from '../store/changes-watcher';
import type { Store } from '../store/store';

/** What an access token's principal must still match: its role, its sites, and the user being active. */
const accessKeyOf = (principal: Pick<Principal, 'role' | 'siteIds'>) => `${principal.role}|${[...principal.siteIds].sort().join(',')}`;

/**
 * Every user's current access, in memory and kept current from the users' changes feed (each
 * server instance keeps its own). An access token carries the role and sites it was issued with;
 * one that no longer matches (a changed role or site list, a deactivated or deleted user) is
 * refused at once, so the device renews it through the refresh cookie — which re-reads the user —
 * instead of reading under the old access for the rest of the token's 15 minutes.
 */
export class CurrentPrincipals {
  private readonly keys = new Map<string, string>();
  private readonly listeners = new Set<(userId: string) => void>();
  private stopWatch?: () => void;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  /** Follows the feed first, then reads every user; changes that arrive meanwhile are applied after the read. */
  async start(): Promise<void> {
    let buffered: ChangeRow[] | undefined = [];
    const watch = this.store.watch('users', (rows) => (buffered ? buffered.push(...rows) : this.apply(rows)));
    this.stopWatch = watch.stop;
    await watch.ready;
    for (const stored of await this.store.find('users', { type: 'user' }, 1_000_000)) this.set(String(stored.fields.id), stored.fields);
    const pending = buffered;
    buffered = undefined;
    this.apply(pending);
  }

  stop(): void {
    this.stopWatch?.();
  }

  /** Whether a token's principal still has the access it was issued with, as far as the feed has told. */
  isCurrent(principal: Principal): boolean {
    return this.keys.get(principal.id) === accessKeyOf(principal);
  }

  /**
   * The same, but a token that does not match is checked against the stored user before it is
   * refused: one issued from a change the feed has not brought yet (a user just added, or given
   * a site a moment ago) is accepted.
   */
  async check(principal: Principal): Promise<boolean> {
    if (this.isCurrent(principal)) return true;
    // Compared, not stored: the feed may bring a newer change (a deactivation) while this read is out.
    const stored = await this.store.get('users', principal.id);
    return stored !== undefined && accessKeyOfStored(stored.fields) === accessKeyOf(principal);
  }

  /** Called with the id of each user whose access may have changed. */
  onChange(listener: (userId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private apply(rows: readonly ChangeRow[]): void {
    for (const row of rows) {
      const id = String(row.stored.fields.id ?? '');
      this.set(id, row.stored.fields);
      for (const listener of this.listeners) listener(id);
    }
  }

  private set(id: string, fields: Record<string, unknown>): void {
    const key = accessKeyOfStored(fields);
    if (key !== undefined) {
      this.keys.set(id, key);
      return;
    }
    if (!fields._deleted && !UserSchema.safeParse(fields).success) this.logger.warn({ userId: id }, 'a stored user is unreadable: its tokens are refused');
    this.keys.delete(id);
  }
}

/** A stored user's access key, or undefined when they have none (deactivated, deleted, unreadable). */
function accessKeyOfStored(fields: Record<string, unknown>): string | undefined {
  const parsed = UserSchema.safeParse(fields);
  return parsed.success && parsed.data.active && !parsed.data._deleted ? accessKeyOf(parsed.data) : undefined;
}
