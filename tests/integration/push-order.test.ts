import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { filter, firstValueFrom } from 'rxjs';
import type { Attachment, Comment, Ticket } from '@shared/schemas';
import { saveDocument } from '@app/db/writes';
import { saveFaultReport } from '@app/features/assets/report-fault';
import { buildComment } from '@app/features/work-orders/work-order-actions';
import { loginAs } from '../helpers/api-client';
import { TINY_PNG_BASE64 } from '../helpers/factories';
import { SITE_MANAGER_ID, startSiteManagerDevice, type SiteManagerDevice } from '../helpers/site-manager-device';
import { pullAll } from '../helpers/sync-client';

/**
 * Each collection replicates on its own; a photo or comment on a ticket made offline must still
 * reach the server after its ticket, not be refused and retried after a backoff (app/sync/push-order.ts).
 */
let device: SiteManagerDevice;
/** Push requests in the order they were sent and answered, as `sent tickets`, `answered tickets 200`. */
const pushLog: string[] = [];

function recordPushOrder() {
  const send = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const collection = /\/api\/sync\/(\w+)\/push/.exec(String(input instanceof Request ? input.url : input))?.[1];
    if (collection) pushLog.push(`sent ${collection}`);
    const response = await send(input, init);
    if (collection) pushLog.push(`answered ${collection} ${response.status}`);
    return response;
  });
}

beforeAll(async () => {
  recordPushOrder();
  device = await startSiteManagerDevice('push-order-test');
});

afterAll(async () => device?.stop());

describe('pushes follow references across collections', () => {
  it('a fault report’s photo and comment made offline reach the server after their ticket, with no refusal', async () => {
    const { db, replicate, errors } = device;
    const ticket = await device.faultTicket();
    await saveFaultReport(db, ticket, { contentType: 'image/png', size: 68, base64: TINY_PNG_BASE64 }, SITE_MANAGER_ID);
    await saveDocument(db, 'comments', buildComment(ticket.id, 'Isolated at the breaker', { id: SITE_MANAGER_ID }, new Date()));

    // The children's replications start first and are busy before the ticket's even exists.
    const children = replicate(['attachments', 'comments']);
    await Promise.all(children.map((replication) => firstValueFrom(replication.active$.pipe(filter(Boolean)))));
    replicate(['tickets']);

    await vi.waitFor(async () => expect(await db.outbox.count().exec()).toBe(0), { timeout: 20_000, interval: 50 });
    expect(errors).toEqual([]);
    const ticketAnswered = pushLog.indexOf('answered tickets 200');
    expect(ticketAnswered).toBeGreaterThanOrEqual(0);
    expect(pushLog.indexOf('sent attachments')).toBeGreaterThan(ticketAnswered);
    expect(pushLog.indexOf('sent comments')).toBeGreaterThan(ticketAnswered);

    const admin = await loginAs(device.server.url, 'admin');
    const onServer = (await pullAll(admin, 'tickets', 1000)).documents as Ticket[];
    expect(onServer.find((doc) => doc.id === ticket.id)?.number).toMatch(/^TCK-\d{6}$/);
    expect(((await pullAll(admin, 'attachments', 100)).documents as Attachment[]).filter((doc) => doc.ownerId === ticket.id)).toHaveLength(1);
    expect(((await pullAll(admin, 'comments', 1000)).documents as Comment[]).filter((doc) => doc.ticketId === ticket.id)).toHaveLength(1);
  });
});
