import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification, Ticket } from '@shared/schemas';
import { SlaChecker } from '@server/sla/checker';
import { startTestServer, type TestServer } from '../helpers/test-server';

/**
 * The demo's tickets come with a history: some are already breached when the server starts. The
 * checker's first run raises their alerts, as it would have when they happened, so a dispatcher
 * signing in to the demo finds them under Alerts rather than an empty list beside a red queue.
 */
describe('the demo data set’s open breaches', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('are raised once by the checker’s first run: each open breached ticket alerts the dispatchers', async () => {
    const tickets = (await server.store.find('tickets', { type: 'ticket' }, 1000)).map((stored) => stored.fields as Ticket);
    const breached = tickets.filter((ticket) => ticket.sla.state === 'breached' && !['resolved', 'closed', 'cancelled'].includes(ticket.status));
    expect(breached.length).toBeGreaterThan(0);

    const checker = new SlaChecker(server, { batch: 500 });
    const first = await checker.runOnce();
    expect(first.notifications).toBeGreaterThan(0);
    expect((await checker.runOnce()).notifications).toBe(0);

    const notifications = (await server.store.find('notifications', { type: 'notification' }, 5000)).map((stored) => stored.fields as Notification);
    const forDispatcher = notifications.filter((note) => note.userId === 'user-dispatch1');
    for (const ticket of breached) {
      expect(forDispatcher.filter((note) => note.subjectId === ticket.id && note.kind === 'sla_breached'), ticket.number).toHaveLength(1);
    }
    // Only the latest of each ticket's past: nothing about tickets already closed.
    const closedIds = new Set(tickets.filter((ticket) => ['resolved', 'closed', 'cancelled'].includes(ticket.status)).map((ticket) => ticket.id));
    expect(notifications.filter((note) => note.subjectId && closedIds.has(note.subjectId))).toEqual([]);
  });
});
