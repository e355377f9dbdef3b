import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A StorageManager whose answers the test sets; counts persist() calls. */
function fakeStorage({ persisted = false, grant = true } = {}) {
  let isPersisted = persisted;
  const storage = {
    persistCalls: 0,
    persisted: async () => isPersisted,
    persist: async () => {
      storage.persistCalls += 1;
      isPersisted = grant;
      return grant;
    },
    estimate: async () => ({ usage: 4_321_000, quota: 10_000_000_000 }),
  };
  return storage;
}

// The module remembers its request for the page's lifetime: each test gets a fresh copy.
const loadStorage = () => import('@app/pwa/storage');

beforeEach(() => vi.resetModules());
afterEach(() => vi.unstubAllGlobals());

describe('persistent storage', () => {
  it('asks once per page load, however many screens ask', async () => {
    const storage = fakeStorage();
    vi.stubGlobal('navigator', { storage });
    const { ensurePersistentStorage } = await loadStorage();
    expect(await Promise.all([ensurePersistentStorage(), ensurePersistentStorage()])).toEqual([true, true]);
    expect(storage.persistCalls).toBe(1);
  });

  it('does not ask when the data is already persistent', async () => {
    const storage = fakeStorage({ persisted: true });
    vi.stubGlobal('navigator', { storage });
    const { ensurePersistentStorage } = await loadStorage();
    expect(await ensurePersistentStorage()).toBe(true);
    expect(storage.persistCalls).toBe(0);
  });

  it('a refusal is an answer, and an explicit request asks again', async () => {
    const storage = fakeStorage({ grant: false });
    vi.stubGlobal('navigator', { storage });
    const { ensurePersistentStorage, requestPersistentStorageAgain } = await loadStorage();
    expect(await ensurePersistentStorage()).toBe(false);
    expect(await ensurePersistentStorage()).toBe(false);
    expect(await requestPersistentStorageAgain()).toBe(false);
    expect(storage.persistCalls).toBe(2);
  });

  it('reports use and quota', async () => {
    vi.stubGlobal('navigator', { storage: fakeStorage({ persisted: true }) });
    const { readStorageStatus } = await loadStorage();
    expect(await readStorageStatus()).toEqual({ supported: true, persisted: true, usageBytes: 4_321_000, quotaBytes: 10_000_000_000 });
  });

  it('copes with a browser without the Storage API', async () => {
    vi.stubGlobal('navigator', {});
    const { readStorageStatus, ensurePersistentStorage } = await loadStorage();
    expect(await readStorageStatus()).toEqual({ supported: false, persisted: false });
    expect(await ensurePersistentStorage()).toBe(false);
  });

  it('shows megabytes as browsers count them', async () => {
    const { formatMegabytes } = await loadStorage();
    expect(formatMegabytes(4_321_000)).toMatch(/^4[.,]3 MB$/);
    expect(formatMegabytes(10_742_000_000)).toMatch(/^10[,.\s ]?742 MB$/);
  });
});
