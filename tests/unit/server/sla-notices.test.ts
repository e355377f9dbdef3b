import { describe, expect, it } from 'vitest';
import { SLA_ACTOR_ID } from '@shared/domain/system-actors';
import { buildNotification, buildSlaActivity, describeThreshold } from '@server/sla/notices';
import { buildTicket } from '../../helpers/factories';

const threshold = (kind: 'warn50' | 'breach' | 'escalate2', target: 'response' | 'resolution') => ({ key: `${target}.${kind}` as const, kind, target, atMs: 0, escalationLevel: 0 as const });

describe('SLA notices', () => {
  it('name the ticket in the body and carry the due time as data on the site’s clock, for the app to word', () => {
    const ticket = buildTicket({ title: 'Boiler pressure keeps dropping' });
    const note = buildNotification(ticket, threshold('breach', 'resolution'), 'user-eng1', '2026-12-05T13:30:00.000Z', 'Europe/Berlin');
    expect(note.body).toBe('Boiler pressure keeps dropping');
    expect(note.due).toEqual({ target: 'resolution', at: ticket.sla.resolutionDueAt, timeZone: 'Europe/Berlin' });
    expect(note.title).toBe(`${ticket.number}: resolution overdue (SLA breached)`);
    expect(buildNotification(ticket, threshold('warn50', 'response'), 'user-eng1', '2026-12-05T13:30:00.000Z', 'Europe/Berlin').due?.at).toBe(ticket.sla.responseDueAt);
  });

  it('say a level-2 escalation in words, not a duration format of their own', () => {
    expect(describeThreshold({ kind: 'escalate2', target: 'response' })).toBe('response overdue for a day (escalated to level 2)');
  });

  it('are written by the SLA monitor, an actor the app names', () => {
    expect(buildSlaActivity(buildTicket(), threshold('breach', 'response'), [], '2026-12-05T13:30:00.000Z').actorId).toBe(SLA_ACTOR_ID);
  });
});
