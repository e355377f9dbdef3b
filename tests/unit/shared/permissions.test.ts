import { describe, expect, it } from 'vitest';
import { explainWriteRefusal, WRITE_RULES } from '@shared/domain/permissions';
import { COLLECTION_NAMES } from '@shared/schemas/collections';
import { ROLES } from '@shared/schemas/common';
import { buildActivity, buildAsset, buildComment, buildNotification, buildPrincipal, buildTicket, buildUser, buildWorkOrder } from '../../helpers/factories';

const engineer = buildPrincipal('engineer', { id: 'user-eng1' });
const dispatcher = buildPrincipal('dispatcher', { id: 'user-dispatch1' });
const siteManager = buildPrincipal('site_manager', { id: 'user-site1', siteIds: ['site-a'] });
const admin = buildPrincipal('admin', { id: 'user-admin' });

describe('work orders', () => {
  const before = buildWorkOrder({ assigneeId: engineer.id, status: 'on_site' });

  it('lets the engineer tick a checklist item and log time', () => {
    const after = {
      ...before,
      checklist: before.checklist.map((item, index) => (index === 0 ? { ...item, done: true, doneBy: engineer.id, doneAt: before.updatedAt } : item)),
      timeLogs: [{ id: 'tl-1', kind: 'work' as const, start: before.updatedAt, by: engineer.id }],
    };
    expect(explainWriteRefusal(engineer, 'workOrders', before, after)).toBeNull();
  });

  it('refuses the engineer reassigning the job, naming assigneeId', () => {
    const refusal = explainWriteRefusal(engineer, 'workOrders', before, { ...before, assigneeId: 'user-eng2' });
    expect(refusal).toEqual({ message: expect.stringContaining('assigneeId'), field: 'assigneeId' });
  });

  it('refuses the engineer rescheduling the job, naming scheduledStart', () => {
    const after = { ...before, scheduledStart: '2026-03-03T10:00:00.000Z', checklist: [] };
    const refusal = explainWriteRefusal(engineer, 'workOrders', before, after);
    // checklist is the engineer's to change, so the refusal is about the schedule only.
    expect(refusal?.field).toBe('scheduledStart');
    expect(refusal?.message).toContain('scheduledStart');
  });

  it('lets the dispatcher reassign and reschedule', () => {
    const after = { ...before, assigneeId: 'user-eng2', scheduledStart: '2026-03-03T10:00:00.000Z' };
    expect(explainWriteRefusal(dispatcher, 'workOrders', before, after)).toBeNull();
  });

  it('refuses an engineer creating a work order', () => {
    const refusal = explainWriteRefusal(engineer, 'workOrders', undefined, buildWorkOrder({ assigneeId: engineer.id }));
    expect(refusal?.message).toMatch(/cannot create workOrders/);
  });

  it('refuses a site manager creating a work order', () => {
    const refusal = explainWriteRefusal(siteManager, 'workOrders', undefined, buildWorkOrder());
    expect(refusal?.message).toMatch(/^a site manager cannot create workOrders/);
  });

  it('refuses deleting unless the role may delete', () => {
    const deleted = { ...before, _deleted: true };
    expect(explainWriteRefusal(dispatcher, 'workOrders', before, deleted)?.message).toMatch(/cannot delete workOrders/);
    expect(explainWriteRefusal(engineer, 'workOrders', before, deleted)?.message).toMatch(/cannot delete workOrders/);
    expect(explainWriteRefusal(admin, 'workOrders', before, deleted)).toBeNull();
  });

  it('treats writing over a deleted document as a create', () => {
    const tombstone = { ...before, _deleted: true };
    expect(explainWriteRefusal(engineer, 'workOrders', tombstone, before)?.message).toMatch(/cannot create/);
  });
});

describe('server-owned fields', () => {
  it('ignores changes to number and updatedAt when judging an engineer edit', () => {
    const before = buildWorkOrder({ assigneeId: engineer.id });
    const after = { ...before, number: 'WO-999999', updatedAt: '2030-01-01T00:00:00.000Z', createdAt: '2020-01-01T00:00:00.000Z' };
    expect(explainWriteRefusal(engineer, 'workOrders', before, after)).toBeNull();
  });

  it('ignores a site manager sending a different sla on a ticket they cannot otherwise change', () => {
    const before = buildTicket({ reportedBy: siteManager.id });
    const after = { ...before, sla: { ...before.sla, state: 'breached' as const, escalationLevel: 2 } };
    expect(explainWriteRefusal(siteManager, 'tickets', before, after)).toBeNull();
    expect(explainWriteRefusal(siteManager, 'tickets', before, { ...after, title: 'Changed' })?.field).toBe('title');
  });
});

describe('tickets', () => {
  it('lets a site manager report a fault as themselves', () => {
    expect(explainWriteRefusal(siteManager, 'tickets', undefined, buildTicket({ reportedBy: siteManager.id }))).toBeNull();
  });

  it('refuses an engineer reporting a ticket in someone else\'s name, naming reportedBy', () => {
    const refusal = explainWriteRefusal(engineer, 'tickets', undefined, buildTicket({ reportedBy: 'user-eng2' }));
    expect(refusal).toEqual({ message: expect.stringContaining('reportedBy'), field: 'reportedBy' });
  });

  it('lets the dispatcher report on someone\'s behalf', () => {
    expect(explainWriteRefusal(dispatcher, 'tickets', undefined, buildTicket({ reportedBy: 'user-site1' }))).toBeNull();
  });

  it('lets an engineer change status and tags but not priority', () => {
    const before = buildTicket({ assigneeId: engineer.id, status: 'assigned' });
    expect(explainWriteRefusal(engineer, 'tickets', before, { ...before, status: 'in_progress', tags: ['parts-needed'] })).toBeNull();
    expect(explainWriteRefusal(engineer, 'tickets', before, { ...before, priority: 'critical' })?.field).toBe('priority');
  });
});

describe('other collections', () => {
  it('lets nobody write activities, not even an admin', () => {
    for (const role of ROLES) {
      const principal = buildPrincipal(role);
      const activity = buildActivity({ actorId: principal.id });
      expect(explainWriteRefusal(principal, 'activities', undefined, activity)?.message).toMatch(/server only/);
      expect(explainWriteRefusal(principal, 'activities', activity, { ...activity, changes: [] })?.message).toMatch(/server only/);
    }
  });

  it('lets a user mark a notification read but not rewrite it', () => {
    const before = buildNotification({ userId: engineer.id });
    expect(explainWriteRefusal(engineer, 'notifications', before, { ...before, readAt: '2026-03-02T10:00:00.000Z' })).toBeNull();
    expect(explainWriteRefusal(engineer, 'notifications', before, { ...before, title: 'Edited' })?.field).toBe('title');
    expect(explainWriteRefusal(admin, 'notifications', undefined, buildNotification())?.message).toMatch(/cannot create notifications/);
  });

  it('keeps comments append-only and signed by their author', () => {
    const comment = buildComment({ authorId: engineer.id });
    expect(explainWriteRefusal(engineer, 'comments', undefined, comment)).toBeNull();
    expect(explainWriteRefusal(engineer, 'comments', undefined, { ...comment, authorId: 'user-eng2' })?.field).toBe('authorId');
    expect(explainWriteRefusal(engineer, 'comments', comment, { ...comment, body: 'Edited' })?.field).toBe('body');
    for (const principal of [admin, engineer]) expect(explainWriteRefusal(principal, 'comments', comment, { ...comment, _deleted: true })?.message).toMatch(/cannot delete comments/);
  });

  it('lets an engineer report an asset down but not rename it', () => {
    const before = buildAsset();
    expect(explainWriteRefusal(engineer, 'assets', before, { ...before, status: 'down' })).toBeNull();
    expect(explainWriteRefusal(engineer, 'assets', before, { ...before, name: 'Renamed' })?.field).toBe('name');
  });

  it('lets no one remove their own access, while another admin can', () => {
    const me = buildUser({ id: admin.id, role: 'admin', active: true });
    expect(explainWriteRefusal(admin, 'users', me, { ...me, role: 'engineer' })?.field).toBe('role');
    expect(explainWriteRefusal(admin, 'users', me, { ...me, active: false })?.field).toBe('active');
    expect(explainWriteRefusal(admin, 'users', me, { ...me, _deleted: true })?.message).toMatch(/own account/);
    expect(explainWriteRefusal(admin, 'users', me, { ...me, fullName: 'Alex A. Admin' })).toBeNull();
    const otherAdmin = buildPrincipal('admin', { id: 'user-admin2' });
    expect(explainWriteRefusal(otherAdmin, 'users', me, { ...me, active: false })).toBeNull();
  });

  it('has a rule for every role and collection', () => {
    for (const role of ROLES) {
      for (const collection of COLLECTION_NAMES) {
        expect(WRITE_RULES[role][collection], `${role} × ${collection}`).toBeDefined();
      }
    }
  });
});
