import { describe, expect, it } from 'vitest';
import { CurrentPrincipals } from '@server/auth/current-principals';

const user = (siteIds: string[], active = true) => ({
  id: 'u1', type: 'user', username: 'eng9', fullName: 'Eng Nine', email: 'e@x.io', role: 'engineer', siteIds, skills: [], active,
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', _deleted: false,
});

/** A store whose users' feed the test drives, and whose reads it answers when it chooses. */
function fakeStore() {
  const control = { feed: (_rows: unknown[]) => {}, answerRead: (_value: unknown) => {} };
  const store = {
    watch: (_collection: string, listener: (rows: unknown[]) => void) => ((control.feed = listener), { ready: Promise.resolve(), stop: () => {} }),
    find: async () => [{ fields: user(['a']) }],
    get: () => new Promise((resolve) => (control.answerRead = resolve)),
  };
  return { store, control };
}

describe('every user’s current access', () => {
  it('a slow read of the user does not undo a newer change the feed brought meanwhile (a deactivation)', async () => {
    const { store, control } = fakeStore();
    const principals = new CurrentPrincipals(store as never, { warn: () => {} } as never);
    await principals.start();
    // A token issued from site b before the feed brought the move a→b: check() reads the store.
    const tokenB = { id: 'u1', role: 'engineer' as const, siteIds: ['b'] };
    const checking = principals.check(tokenB);
    control.feed([{ seq: '1', stored: { fields: user(['b']) } }]);
    control.feed([{ seq: '2', stored: { fields: user(['b'], false) } }]);
    // The read, sent before the deactivation, answers with the active user at site b.
    control.answerRead({ fields: user(['b']) });
    expect(await checking).toBe(true);
    // The deactivation stands: the next request with that token is refused.
    expect(principals.isCurrent(tokenB)).toBe(false);
  });
});
