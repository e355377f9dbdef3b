import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AssetSchema } from '@shared/schemas/asset';
import { COLLECTION_SCHEMAS, DOC_TYPE_BY_COLLECTION, isCollectionName, type CollectionName } from '@shared/schemas/collections';
import { ActivitySchema, CategorySchema, CommentSchema, NotificationSchema, SlaPolicySchema } from '@shared/schemas/misc';
import { SiteSchema } from '@shared/schemas/site';
import { TicketSchema } from '@shared/schemas/ticket';
import { UserSchema } from '@shared/schemas/user';
import { WorkOrderSchema } from '@shared/schemas/work-order';
import {
  buildActivity,
  buildAsset,
  buildCategory,
  buildComment,
  buildNotification,
  buildSite,
  buildSlaPolicy,
  buildTicket,
  buildUser,
  buildWorkOrder,
  buildAttachment,
} from '../../helpers/factories';

/** The path of the first issue, dotted as the server reports it (`checklist.0.id`). */
function firstIssuePath(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.path.join('.');
}

describe('the factories build valid documents of every collection', () => {
  const samples: { [C in CollectionName]: () => unknown } = {
    users: () => buildUser(),
    sites: () => buildSite(),
    assets: () => buildAsset(),
    tickets: () => buildTicket(),
    workOrders: () => buildWorkOrder(),
    comments: () => buildComment(),
    activities: () => buildActivity(),
    notifications: () => buildNotification(),
    slaPolicies: () => buildSlaPolicy(),
    categories: () => buildCategory(),
    attachments: () => buildAttachment(),
  };

  it.each(Object.keys(samples).filter(isCollectionName))('%s', (collection) => {
    const doc = samples[collection]();
    const parsed = COLLECTION_SCHEMAS[collection].safeParse(doc);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.type).toBe(DOC_TYPE_BY_COLLECTION[collection]);
  });

  it('the per-type schemas are the collection schemas', () => {
    expect(COLLECTION_SCHEMAS).toMatchObject({
      users: UserSchema, sites: SiteSchema, assets: AssetSchema, tickets: TicketSchema, workOrders: WorkOrderSchema,
      comments: CommentSchema, activities: ActivitySchema, notifications: NotificationSchema,
      slaPolicies: SlaPolicySchema, categories: CategorySchema,
    });
  });
});

describe('work order schema', () => {
  it('parses a full work order and defaults _deleted to false', () => {
    const { _deleted: _omitted, ...doc } = buildWorkOrder({
      assetId: 'asset-1',
      ticketId: 'tck-1',
      status: 'completed',
      parts: [{ id: 'p-1', partNo: 'VLV-22', description: 'Expansion valve', qty: 1 }],
      timeLogs: [{ id: 'tl-1', kind: 'work', start: '2026-03-02T10:00:00.000Z', end: '2026-03-02T11:00:00+01:00', by: 'user-eng1' }],
      notes: [{ id: 'n-1', at: '2026-03-02T10:30:00.000Z', by: 'user-eng1', text: 'Valve seized' }],
      photos: ['att-1'],
      signature: { name: 'Pat Customer', attachmentId: 'att-2', at: '2026-03-02T11:00:00.000Z' },
      checkIn: { lat: 51.5, lng: -0.02, accuracy: 12, at: '2026-03-02T10:01:00.000Z' },
      resolution: 'Replaced the expansion valve',
      completedAt: '2026-03-02T11:00:00.000Z',
    });
    const parsed = WorkOrderSchema.parse(doc);
    expect(parsed._deleted).toBe(false);
    expect(parsed.parts).toHaveLength(1);
  });

  it('accepts a provisional number made offline', () => {
    expect(WorkOrderSchema.safeParse(buildWorkOrder({ number: 'WO-P-01HZX3K9' })).success).toBe(true);
    expect(firstIssuePath(WorkOrderSchema, buildWorkOrder({ number: 'WO-12' }))).toBe('number');
  });

  it('rejects an unknown status or kind, naming the field', () => {
    expect(firstIssuePath(WorkOrderSchema, { ...buildWorkOrder(), status: 'done' })).toBe('status');
    expect(firstIssuePath(WorkOrderSchema, { ...buildWorkOrder(), kind: 'magic' })).toBe('kind');
  });

  it('names the nested path of a bad checklist item id', () => {
    const doc = buildWorkOrder();
    const checklist = doc.checklist.map((item, index) => (index === 1 ? { ...item, id: '_bad id' } : item));
    expect(firstIssuePath(WorkOrderSchema, { ...doc, checklist })).toBe('checklist.1.id');
  });

  it('rejects a time without an offset', () => {
    expect(firstIssuePath(WorkOrderSchema, { ...buildWorkOrder(), scheduledStart: '2026-03-02 10:00' })).toBe('scheduledStart');
  });

  it('rejects a missing required field', () => {
    const { assigneeId: _missing, ...doc } = buildWorkOrder();
    expect(firstIssuePath(WorkOrderSchema, doc)).toBe('assigneeId');
  });
});

describe('ids', () => {
  it.each(['_design/x', '', 'has space', 'x'.repeat(81), 'bad/slash'])('rejects %j', (id) => {
    expect(firstIssuePath(WorkOrderSchema, { ...buildWorkOrder(), id })).toBe('id');
  });

  it.each(['01HZX3K9QW7Y2V5T8N4M6P0R1S', 'user-eng1', 'counter:TCK', 'a.b_c-d'])('accepts %j', (id) => {
    expect(WorkOrderSchema.safeParse({ ...buildWorkOrder(), id }).success).toBe(true);
  });
});

describe('asset tags', () => {
  it.each(['ast-000123', 'AB', 'AST 0001', '-AST-1', 'AST_01', 'A'.repeat(41)])('rejects tag %j with the field named', (tag) => {
    expect(firstIssuePath(AssetSchema, buildAsset({ tag }))).toBe('tag');
  });

  it.each(['AST-000123', 'X9Z', 'CHL-LON-01'])('accepts tag %j', (tag) => {
    expect(AssetSchema.safeParse(buildAsset({ tag })).success).toBe(true);
  });

  it('rejects criticality outside 1–5', () => {
    expect(firstIssuePath(AssetSchema, buildAsset({ criticality: 6 }))).toBe('criticality');
    expect(firstIssuePath(AssetSchema, buildAsset({ criticality: 2.5 }))).toBe('criticality');
  });
});

describe('sites', () => {
  it.each(['Europe/London', 'America/New_York', 'Asia/Kolkata', 'UTC'])('accepts time zone %s', (timezone) => {
    expect(SiteSchema.safeParse(buildSite({ timezone })).success).toBe(true);
  });

  it.each(['Europe/Atlantis', 'GMT+25', 'london', ''])('rejects time zone %j, naming timezone', (timezone) => {
    const result = SiteSchema.safeParse(buildSite({ timezone }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['timezone']);
    expect(result.error?.issues[0]?.message).toMatch(/IANA time zone/);
  });

  it('rejects a location off the globe', () => {
    expect(firstIssuePath(SiteSchema, buildSite({ location: { lat: 91, lng: 0 } }))).toBe('location.lat');
  });
});

describe('tickets', () => {
  it('rejects an unknown priority and a wrong type tag', () => {
    expect(firstIssuePath(TicketSchema, { ...buildTicket(), priority: 'urgent' })).toBe('priority');
    expect(firstIssuePath(TicketSchema, { ...buildTicket(), type: 'workOrder' })).toBe('type');
  });

  it('trims titles and refuses a blank one', () => {
    expect(TicketSchema.parse(buildTicket({ title: '  Leak  ' })).title).toBe('Leak');
    expect(firstIssuePath(TicketSchema, buildTicket({ title: '   ' }))).toBe('title');
  });
});

describe('users', () => {
  it('rejects a bad e-mail and an unknown role', () => {
    expect(firstIssuePath(UserSchema, buildUser({ email: 'not-an-email' }))).toBe('email');
    expect(firstIssuePath(UserSchema, { ...buildUser(), role: 'superuser' })).toBe('role');
  });

  it('does not carry password hashes: unknown keys are dropped', () => {
    const parsed = UserSchema.parse({ ...buildUser(), passwordHash: '$argon2id$...' });
    expect(parsed).not.toHaveProperty('passwordHash');
  });
});
