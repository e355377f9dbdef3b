import { describe, expect, it } from 'vitest';
import { computeAcl } from '@server/services/acl';
import { visibilityOf } from '@server/replication/visibility';
import { buildTicket, buildWorkOrder, PEOPLE } from '../../helpers/replication-world';
import { readScopeFor } from '@shared/domain/scope';

describe('access metadata', () => {
  it('a reassigned work order remembers its former reader, who then sees a removal', () => {
    const first = computeAcl('workOrders', buildWorkOrder({ id: 'w', assigneeId: PEOPLE.engA.id }));
    const second = computeAcl('workOrders', buildWorkOrder({ id: 'w', assigneeId: PEOPLE.engB.id }), first);
    expect(second).toEqual({ readers: [`user:${PEOPLE.engB.id}`], formerReaders: [`user:${PEOPLE.engA.id}`] });
    expect(visibilityOf(readScopeFor(PEOPLE.engA, 'workOrders'), { acl: second })).toBe('removed');
    expect(visibilityOf(readScopeFor(PEOPLE.engB, 'workOrders'), { acl: second })).toBe('visible');
    expect(visibilityOf(readScopeFor(PEOPLE.dispatcher, 'workOrders'), { acl: second })).toBe('visible');
  });

  it('assigned back, the reader is current again and no longer former', () => {
    const a = computeAcl('workOrders', buildWorkOrder({ id: 'w', assigneeId: PEOPLE.engA.id }));
    const b = computeAcl('workOrders', buildWorkOrder({ id: 'w', assigneeId: PEOPLE.engB.id }), a);
    const back = computeAcl('workOrders', buildWorkOrder({ id: 'w', assigneeId: PEOPLE.engA.id }), b);
    expect(back).toEqual({ readers: [`user:${PEOPLE.engA.id}`], formerReaders: [`user:${PEOPLE.engB.id}`] });
  });

  it('a ticket is readable by its site, its assignee and its reporter; others see nothing', () => {
    const acl = computeAcl('tickets', buildTicket({ id: 't', siteId: 'site-a', assigneeId: PEOPLE.engA.id, reportedBy: PEOPLE.managerA.id }));
    expect(acl.readers).toEqual(['site:site-a', `user:${PEOPLE.engA.id}`, `user:${PEOPLE.managerA.id}`].sort());
    expect(visibilityOf(readScopeFor(PEOPLE.engB, 'tickets'), { acl })).toBe('hidden');
  });
});
