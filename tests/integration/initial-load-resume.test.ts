import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RxCollection } from 'rxdb';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { PullResponse } from '@shared/sync/protocol';
import { saveFaultReport } from '@app/features/assets/report-fault';
import { loadInitially } from '@app/sync/initial-load';
import type { ClientCheckpoint } from '@app/sync/replication';
import { SITE_MANAGER_ID, startSiteManagerDevice, type SiteManagerDevice } from '../helpers/site-manager-device';

/**
 * The initial load writes the server's documents without RxDB's replication meta, and RxDB's
 * upstream would push any of them it reads back to the server. Against the real server: a load cut
 * short between a page and its saved progress, or overtaken by a user's write, sends back nothing
 * but the user's own write.
 */
let device: SiteManagerDevice;
/** The ids of every pushed row, by collection. */
const pushed: Record<string, string[]> = {};

function recordPushes() {
  const send = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const collection = /\/api\/sync\/(\w+)\/push/.exec(String(input instanceof Request ? input.url : input))?.[1];
    if (collection && typeof init?.body === 'string') {
      const rows = JSON.parse(init.body) as { newDocumentState: { id: string } }[];
      (pushed[collection] ??= []).push(...rows.map((row) => row.newDocumentState.id));
    }
    return send(input, init);
  });
}

async function replicateUntilInSync(collection: CollectionName): Promise<void> {
  const [replication] = device.replicate([collection]);
  await replication?.awaitInitialReplication();
  await replication?.awaitInSync();
}

/** The app's page fetch, `onPage` running as page `index` is answered. */
function pagesFrom(collection: CollectionName, onPage: (index: number) => Promise<void> = async () => {}) {
  let index = 0;
  return async (checkpoint: ClientCheckpoint | undefined, limit: number) => {
    const page = await device.api.request<PullResponse>(`/api/sync/${collection}/pull?limit=${limit}${checkpoint ? `&checkpoint=${checkpoint.value}` : ''}`);
    await onPage(index++);
    return { documents: page.documents, checkpoint: page.checkpoint ? { value: page.checkpoint } : checkpoint };
  };
}

const identifierOf = (collection: CollectionName) => `fs-sync-v1-${SITE_MANAGER_ID}-${collection}`;

beforeAll(async () => {
  recordPushes();
  device = await startSiteManagerDevice('initial-load-resume-test');
});

afterAll(async () => device?.stop());

describe('a resumed initial load', () => {
  it('sends nothing back when the tab went away after a page was stored and before its progress was', async () => {
    const { db, errors } = device;
    // Every progress save once documents are stored fails, as if the tab closed right there.
    const saveProgress = db.upsertLocal.bind(db);
    const spy = vi.spyOn(db, 'upsertLocal').mockImplementation(async (id: string, data: unknown) => {
      if ((await db.users.count().exec()) > 0) throw new Error('the tab went away');
      return saveProgress(id, data as never) as never;
    });
    await loadInitially(db.users as unknown as RxCollection<AnyDoc>, identifierOf('users'), pagesFrom('users'), 1000);
    spy.mockRestore();
    const loaded = await db.users.count().exec();
    expect(loaded).toBeGreaterThan(0);

    await replicateUntilInSync('users');
    expect(pushed.users).toBeUndefined();
    expect(errors).toEqual([]);
    expect(await db.users.count().exec()).toBe(loaded);
  });

  it('pushes only the user’s own write when it came in the middle of the load', async () => {
    const { db, errors } = device;
    const ticket = await device.faultTicket();
    const reportDuringSecondPage = async (index: number) => {
      if (index === 1) await saveFaultReport(db, ticket, undefined, SITE_MANAGER_ID);
    };
    // Pages of 4 tickets: the report is stored between the first page and the second.
    await loadInitially(db.tickets as unknown as RxCollection<AnyDoc>, identifierOf('tickets'), pagesFrom('tickets', reportDuringSecondPage), 4);
    expect(await db.tickets.count().exec()).toBeGreaterThan(5);

    await replicateUntilInSync('tickets');
    expect(pushed.tickets).toEqual([ticket.id]);
    expect(errors).toEqual([]);
    expect(await db.outbox.count().exec()).toBe(0);
  });
});
