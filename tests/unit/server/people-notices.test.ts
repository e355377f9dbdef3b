import { describe, expect, it } from 'vitest';
import { commentNotices, type NoticeContext, workOrderNotices } from '../../../sync-server/notify/people-notices';
import { buildComment, buildWorkOrder } from '../../helpers/factories';

const context = (overrides: Partial<NoticeContext> = {}): NoticeContext => ({
  actorId: 'user-dispatch1',
  at: '2026-12-05T09:00:00.000Z',
  users: new Map([
    ['user-eng1', { id: 'user-eng1', fullName: 'Erin Engel', active: true }],
    ['user-eng2', { id: 'user-eng2', fullName: 'Eli Novak', active: false }],
    ['user-site1', { id: 'user-site1', fullName: 'Sam Sitewell', active: true }],
  ]),
  tickets: new Map([['tck-1', { id: 'tck-1', number: 'TCK-000001', title: 'Chiller alarm', reportedBy: 'user-site1', assigneeId: 'user-eng2' }]]),
  siteNames: new Map([['site-a', 'Site A']]),
  ...overrides,
});

describe('notices about people’s work', () => {
  it('names the job by its ticket and site, and gives the same id for the same write', () => {
    const job = buildWorkOrder({ id: 'wo-1', ticketId: 'tck-1', siteId: 'site-a', assigneeId: 'user-eng1' });
    const [notice] = workOrderNotices(undefined, job, context());
    expect(notice).toMatchObject({ userId: 'user-eng1', kind: 'assigned', body: 'Chiller alarm · Site A', subjectType: 'workOrder', subjectId: 'wo-1' });
    expect(workOrderNotices(undefined, job, context())[0]?.id).toBe(notice?.id);
  });

  it('tells nobody inactive, nobody about a deletion, and nobody when the engineer stays', () => {
    const job = buildWorkOrder({ assigneeId: 'user-eng2' });
    expect(workOrderNotices(undefined, job, context())).toEqual([]);
    expect(workOrderNotices(undefined, { ...job, assigneeId: 'user-eng1', _deleted: true }, context())).toEqual([]);
    const kept = buildWorkOrder({ assigneeId: 'user-eng1' });
    expect(workOrderNotices(kept, { ...kept, status: 'en_route' }, context())).toEqual([]);
    // The comment's reporter hears of it; its inactive engineer does not.
    expect(commentNotices(buildComment({ ticketId: 'tck-1', authorId: 'user-dispatch1' }), context()).map((note) => note.userId)).toEqual(['user-site1']);
  });
});
