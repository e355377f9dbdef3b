import { describe, expect, it } from 'vitest';
import { COLLECTION_SCHEMAS, type CollectionName } from '@shared/schemas/collections';
import { PRIORITIES } from '@shared/schemas/common';
import { TICKET_STATUSES } from '@shared/schemas/ticket';
import { WORK_ORDER_STATUSES } from '@shared/schemas/work-order';
import { DEMO_ACCOUNTS, demoUserId } from '@server/seed/demo-accounts';
import { DEMO_TICKET_COUNT, DEMO_WORK_ORDER_COUNT, type DemoData, generateDemoData } from '@server/seed/demo-data';
import { localDayOf } from '@server/seed/zoned-time';

const BASE = new Date('2025-06-11T13:37:00.000Z'); // a Wednesday afternoon in Europe
const data = generateDemoData({ base: BASE });

const COLLECTION_OF: { [K in keyof DemoData]: CollectionName } = {
  users: 'users', sites: 'sites', categories: 'categories', slaPolicies: 'slaPolicies', assets: 'assets',
  tickets: 'tickets', workOrders: 'workOrders', comments: 'comments',
};

const KEYS: readonly (keyof DemoData)[] = ['users', 'sites', 'categories', 'slaPolicies', 'assets', 'tickets', 'workOrders', 'comments'];

function allDocs(set: DemoData) {
  return KEYS.flatMap((key) => set[key].map((doc) => ({ collection: COLLECTION_OF[key], doc })));
}

describe('generateDemoData', () => {
  it('produces documents that all pass their schemas, with the type of their collection', () => {
    for (const { collection, doc } of allDocs(data)) {
      const parsed = COLLECTION_SCHEMAS[collection].safeParse(doc);
      expect(parsed.error?.issues ?? [], `${collection}/${doc.id}`).toEqual([]);
    }
  });

  it('has unique ids per collection and nothing dated after the base date', () => {
    for (const key of KEYS) {
      const ids = data[key].map((doc) => doc.id);
      expect(new Set(ids).size, key).toBe(ids.length);
    }
    for (const { collection, doc } of allDocs(data)) {
      expect(Date.parse(doc.createdAt), `${collection}/${doc.id}`).toBeLessThanOrEqual(Date.parse(doc.updatedAt));
      expect(Date.parse(doc.updatedAt), `${collection}/${doc.id}`).toBeLessThanOrEqual(BASE.getTime());
    }
  });

  it('has the demo accounts, 5 sites in several time zones, each with a manager', () => {
    expect(data.users.map((user) => user.id).sort()).toEqual(DEMO_ACCOUNTS.map((account) => demoUserId(account.username)).sort());
    expect(data.sites).toHaveLength(5);
    expect(new Set(data.sites.map((site) => site.timezone)).size).toBe(5);
    const managed = data.users.filter((user) => user.role === 'site_manager').flatMap((user) => user.siteIds);
    expect(new Set(managed)).toEqual(new Set(data.sites.map((site) => site.id)));
    for (const engineer of data.users.filter((user) => user.role === 'engineer')) expect(engineer.skills.length).toBeGreaterThan(0);
  });

  it('has ~300 assets with unique tags, 4 SLA policies (one per priority) and 8 categories covering the skills', () => {
    expect(data.assets).toHaveLength(300);
    expect(new Set(data.assets.map((asset) => asset.tag)).size).toBe(300);
    expect(data.slaPolicies.map((policy) => policy.priority).sort()).toEqual([...PRIORITIES].sort());
    expect(data.categories).toHaveLength(8);
    const categorySkills = new Set(data.categories.flatMap((category) => category.skills));
    for (const skill of data.users.flatMap((user) => user.skills)) expect(categorySkills).toContain(skill);
    expect(new Set(data.assets.map((asset) => asset.category))).toEqual(new Set(data.categories.map((category) => category.name)));
  });

  it('has ~60 tickets over every status and priority, numbered in creation order', () => {
    expect(data.tickets).toHaveLength(DEMO_TICKET_COUNT);
    expect(DEMO_TICKET_COUNT).toBe(60);
    expect(new Set(data.tickets.map((ticket) => ticket.status))).toEqual(new Set(TICKET_STATUSES));
    expect(new Set(data.tickets.map((ticket) => ticket.priority))).toEqual(new Set(PRIORITIES));
    expect(data.tickets.map((ticket) => ticket.number)).toEqual(data.tickets.map((_, i) => `TCK-${String(i + 1).padStart(6, '0')}`));
    for (const ticket of data.tickets) {
      expect(ticket.slaPolicyId).toBe(`sla-${ticket.priority}`);
      const needsAssignee = ['assigned', 'in_progress', 'on_hold', 'resolved', 'closed'].includes(ticket.status);
      if (needsAssignee) expect(ticket.assigneeId, ticket.id).toBeDefined();
      if (ticket.status === 'new') expect(ticket.assigneeId).toBeUndefined();
      if (['resolved', 'closed'].includes(ticket.status)) expect(ticket.sla.resolvedAt).toBeDefined();
    }
  });

  it('has ~120 work orders over every status and engineer, each engineer with several today', () => {
    expect(data.workOrders).toHaveLength(DEMO_WORK_ORDER_COUNT);
    expect(DEMO_WORK_ORDER_COUNT).toBe(120);
    expect(new Set(data.workOrders.map((wo) => wo.status))).toEqual(new Set(WORK_ORDER_STATUSES));
    const engineers = data.users.filter((user) => user.role === 'engineer');
    const siteZone = new Map(data.sites.map((site) => [site.id, site.timezone]));
    for (const engineer of engineers) {
      const mine = data.workOrders.filter((wo) => wo.assigneeId === engineer.id);
      const today = mine.filter((wo) => {
        const zone = siteZone.get(wo.siteId) ?? 'UTC';
        return JSON.stringify(localDayOf(zone, new Date(wo.scheduledStart))) === JSON.stringify(localDayOf(zone, BASE));
      });
      expect(mine.length, engineer.username).toBeGreaterThanOrEqual(10);
      expect(today.length, engineer.username).toBeGreaterThanOrEqual(3);
    }
  });

  it('fills in work-order details the status implies', () => {
    for (const wo of data.workOrders) {
      expect(wo.checklist.length).toBeGreaterThanOrEqual(3);
      expect(wo.checklist.length).toBeLessThanOrEqual(6);
      if (wo.status === 'completed') {
        expect(wo.checklist.every((item) => item.done && item.doneBy && item.doneAt), wo.id).toBe(true);
        expect(wo.resolution && wo.completedAt, wo.id).toBeTruthy();
        expect(wo.timeLogs.every((log) => log.end), wo.id).toBe(true);
      } else {
        expect(wo.completedAt, wo.id).toBeUndefined();
      }
      if (wo.status === 'scheduled') expect(wo.checklist.some((item) => item.done) || wo.timeLogs.length > 0, wo.id).toBe(false);
      if (wo.status === 'in_progress') expect(wo.timeLogs.some((log) => log.kind === 'work' && !log.end), wo.id).toBe(true);
    }
  });

  it('references only existing sites, assets, users and tickets, consistently', () => {
    const siteIds = new Set(data.sites.map((site) => site.id));
    const users = new Map(data.users.map((user) => [user.id, user]));
    const assets = new Map(data.assets.map((asset) => [asset.id, asset]));
    const tickets = new Map(data.tickets.map((ticket) => [ticket.id, ticket]));
    for (const asset of data.assets) expect(siteIds).toContain(asset.siteId);
    for (const ticket of data.tickets) {
      expect(siteIds).toContain(ticket.siteId);
      if (ticket.assetId) expect(assets.get(ticket.assetId)?.siteId).toBe(ticket.siteId);
      expect(users.has(ticket.reportedBy)).toBe(true);
      if (ticket.assigneeId) expect(users.get(ticket.assigneeId)?.role).toBe('engineer');
    }
    for (const wo of data.workOrders) {
      expect(users.get(wo.assigneeId)?.role).toBe('engineer');
      if (wo.assetId) expect(assets.get(wo.assetId)?.siteId).toBe(wo.siteId);
      if (!wo.ticketId) continue;
      const ticket = tickets.get(wo.ticketId);
      expect(ticket, wo.id).toBeDefined();
      expect([ticket?.siteId, ticket?.assetId, ticket?.assigneeId]).toEqual([wo.siteId, wo.assetId, wo.assigneeId]);
    }
    for (const comment of data.comments) {
      expect(tickets.has(comment.ticketId)).toBe(true);
      expect(users.has(comment.authorId)).toBe(true);
    }
  });

  it('is deterministic for the same seed and base date, and differs for another seed', () => {
    expect(generateDemoData({ base: BASE })).toEqual(data);
    expect(generateDemoData({ base: BASE, seed: 7 }).assets).not.toEqual(data.assets);
  });

  it('uses the numbering it is given', () => {
    const numbered = generateDemoData({ base: BASE, number: (series, index) => `${series}-${String(index + 501).padStart(6, '0')}` });
    expect(numbered.tickets[0]?.number).toBe('TCK-000501');
    expect(numbered.workOrders.at(-1)?.number).toBe(`WO-${String(DEMO_WORK_ORDER_COUNT + 500).padStart(6, '0')}`);
  });

  it.each([
    ['early morning in London', '2025-06-11T05:10:00.000Z'],
    ['a Sunday night', '2025-06-15T22:50:00.000Z'],
    ['across a DST change', '2025-03-30T01:30:00.000Z'],
  ])('stays valid and complete at any base time (%s)', (_label, base) => {
    const set = generateDemoData({ base: new Date(base), seed: 99 });
    for (const { collection, doc } of allDocs(set)) {
      expect(COLLECTION_SCHEMAS[collection].safeParse(doc).success, `${collection}/${doc.id}`).toBe(true);
      expect(Date.parse(doc.updatedAt)).toBeLessThanOrEqual(Date.parse(base));
    }
    expect(new Set(set.tickets.map((ticket) => ticket.status))).toEqual(new Set(TICKET_STATUSES));
    expect(new Set(set.workOrders.map((wo) => wo.status))).toEqual(new Set(WORK_ORDER_STATUSES));
    expect(set.workOrders).toHaveLength(DEMO_WORK_ORDER_COUNT);
  });
});
