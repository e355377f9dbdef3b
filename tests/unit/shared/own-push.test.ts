import { describe, expect, it } from 'vitest';
import { carriesEarlierPush } from '@shared/domain/own-push';

const note = (id: string, text = id) => ({ id, at: '2026-12-05T08:00:00.000Z', by: 'user-eng1', text });
const item = (id: string, done: boolean) => ({ id, label: id, done });
const base = {
  id: 'wo-1',
  status: 'scheduled',
  notes: [note('n0')],
  checklist: [item('c1', false), item('c2', false)],
  photos: ['p0'],
  updatedAt: '2026-12-05T07:00:00.000Z',
};
const earlier = { ...base, status: 'en_route', notes: [note('n0'), note('n1')], checklist: [item('c1', true), item('c2', false)], photos: ['p0', 'p1'], updatedAt: '2026-12-05T08:00:00.000Z' };

describe('carriesEarlierPush', () => {
  it('is true for a version built on the earlier push, whatever was edited since', () => {
    expect(carriesEarlierPush('workOrders', base, earlier, earlier)).toBe(true);
    const later = { ...earlier, status: 'on_site', notes: [...earlier.notes, note('n2')], checklist: [item('c1', true), item('c2', true)], photos: ['p0', 'p1', 'p2'], resolution: 'Fixed' };
    expect(carriesEarlierPush('workOrders', base, earlier, later)).toBe(true);
    // A note the earlier push added, edited again, still counts as carried.
    expect(carriesEarlierPush('workOrders', base, earlier, { ...earlier, notes: [note('n0'), note('n1', 'n1, corrected')] })).toBe(true);
  });

  it('is false for a copy that fell back behind the earlier push', () => {
    // The status is back at the base's.
    expect(carriesEarlierPush('workOrders', base, earlier, { ...earlier, status: 'scheduled' })).toBe(false);
    // A note the earlier push added is missing, though another was added.
    expect(carriesEarlierPush('workOrders', base, earlier, { ...earlier, notes: [note('n0'), note('n2')] })).toBe(false);
    // A tick the earlier push made is back at its base version.
    expect(carriesEarlierPush('workOrders', base, earlier, { ...earlier, checklist: [item('c1', false), item('c2', true)] })).toBe(false);
    // A photo it added is gone.
    expect(carriesEarlierPush('workOrders', base, earlier, { ...earlier, photos: ['p0', 'p2'] })).toBe(false);
  });

  it('is false when a list item the earlier push removed comes back', () => {
    const removed = { ...base, checklist: [item('c1', false)] };
    expect(carriesEarlierPush('workOrders', base, removed, { ...removed, checklist: [item('c1', true)] })).toBe(true);
    expect(carriesEarlierPush('workOrders', base, removed, { ...removed, checklist: [item('c1', false), item('c2', false)] })).toBe(false);
  });

  it('ignores server-owned fields, and takes a push that created the document as changing every field', () => {
    expect(carriesEarlierPush('workOrders', base, { ...base, updatedAt: 'later', number: 'WO-000001' }, base)).toBe(true);
    expect(carriesEarlierPush('workOrders', null, earlier, { ...earlier, status: 'on_site' })).toBe(true);
    expect(carriesEarlierPush('workOrders', null, earlier, { ...earlier, notes: [] })).toBe(false);
  });
});
