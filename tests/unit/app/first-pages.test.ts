import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { COLLECTION_NAMES } from '@shared/schemas/collections';
import type { ApiClient } from '@app/sync/api-client';
import { firstPagesIfFresh } from '@app/sync/first-pages';
import { createIndexedDb } from '../../helpers/raw-indexed-db';

/** An API that answers every pull with an empty last page and records what was asked. */
function recordingApi() {
  const asked: string[] = [];
  const api = { request: async (url: string) => (asked.push(url), { documents: [], checkpoint: 'cp-1' }) } as unknown as ApiClient;
  return { api, asked };
}

describe("a fresh device's first pages", () => {
  it('are asked for every collection, with its batch size, when no database of this user exists', async () => {
    const { api, asked } = recordingApi();
    // Other users' databases on the same device do not count, even one whose name starts with this one's.
    await createIndexedDb('rxdb-dexie-fs-user-other--0--workOrders');
    await createIndexedDb('rxdb-dexie-fs-user-fresh2--0--workOrders');
    const pages = await firstPagesIfFresh(api, 'fs-user-fresh');
    expect([...(pages?.keys() ?? [])].sort()).toEqual([...COLLECTION_NAMES].sort());
    // The largest collection first: the server answers in the order it is asked.
    expect(asked[0]).toBe('/api/sync/workOrders/pull?limit=1000');
    expect(asked).toContain('/api/sync/attachments/pull?limit=20');
    expect(pages?.get('workOrders')?.limit).toBe(1000);
    expect(await pages?.get('workOrders')?.page).toEqual({ documents: [], checkpoint: { value: 'cp-1' } });
  });

  it('are not asked for when the browser does not list its databases in time', async () => {
    const { api, asked } = recordingApi();
    const databases = vi.spyOn(indexedDB, 'databases').mockReturnValue(new Promise(() => undefined));
    try {
      expect(await firstPagesIfFresh(api, 'fs-user-slow')).toBeUndefined();
      expect(asked).toEqual([]);
    } finally {
      databases.mockRestore();
    }
  });

  it('are not asked for on a device that holds this user’s database (it pulls from its own checkpoints)', async () => {
    const { api, asked } = recordingApi();
    await createIndexedDb('rxdb-dexie-fs-user-known--3--workOrders');
    expect(await firstPagesIfFresh(api, 'fs-user-known')).toBeUndefined();
    expect(asked).toEqual([]);
  });
});
