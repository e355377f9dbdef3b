import { describe, expect, it } from 'vitest';
import { notificationSubjectPath } from '@app/features/notifications/notification-links';

describe('where an alert leads', () => {
  it('opens a ticket where the role works it from, and a job on its page', () => {
    const breach = { subjectType: 'ticket', subjectId: 'ticket-0042' };
    expect(notificationSubjectPath(breach, 'dispatcher')).toBe('/tickets/ticket-0042');
    expect(notificationSubjectPath(breach, 'engineer')).toBe('/tickets/ticket-0042');
    expect(notificationSubjectPath(breach, 'site_manager')).toBe('/reports/ticket-0042');
    expect(notificationSubjectPath({ subjectType: 'workOrder', subjectId: 'wo 1' }, 'engineer')).toBe('/work-orders/wo%201');
  });

  it('leads nowhere for an alert about nothing the app shows', () => {
    expect(notificationSubjectPath({ subjectType: undefined, subjectId: undefined }, 'admin')).toBeUndefined();
    expect(notificationSubjectPath({ subjectType: 'category', subjectId: 'cat-1' }, 'admin')).toBeUndefined();
  });
});
