import { describe, expect, it } from 'vitest';
import { AssetSchema } from '@shared/schemas/asset';
import { TicketSchema } from '@shared/schemas/ticket';
import { UserSchema } from '@shared/schemas/user';
import { WorkOrderSchema } from '@shared/schemas/work-order';
import { generateDemoData } from '@server/seed/demo-data';
import { generateLargeData } from '@server/seed/large-data';

const BASE = new Date('2025-06-11T13:37:00.000Z');
const COUNTS = { assets: 2000, workOrders: 1000, tickets: 1000 };
const data = generateLargeData({ seed: 42, base: BASE, counts: COUNTS });

describe('generateLargeData', () => {
  it('produces the requested counts, every document valid', () => {
    expect([data.assets.length, data.workOrders.length, data.tickets.length]).toEqual([2000, 1000, 1000]);
    for (const user of data.users) expect(UserSchema.safeParse(user).success).toBe(true);
    for (const asset of data.assets) expect(AssetSchema.safeParse(asset).success, asset.id).toBe(true);
    for (const ticket of data.tickets) expect(TicketSchema.safeParse(ticket).error?.issues ?? [], ticket.id).toEqual([]);
    for (const wo of data.workOrders) expect(WorkOrderSchema.safeParse(wo).error?.issues ?? [], wo.id).toEqual([]);
  });

  it('does not collide with the demo set and keeps asset tags unique', () => {
    const demo = generateDemoData({ base: BASE });
    const demoIds = new Set([...demo.assets, ...demo.tickets, ...demo.workOrders, ...demo.users].map((doc) => doc.id));
    for (const doc of [...data.assets, ...data.tickets, ...data.workOrders, ...data.users]) expect(demoIds.has(doc.id)).toBe(false);
    const tags = [...demo.assets, ...data.assets].map((asset) => asset.tag);
    expect(new Set(tags).size).toBe(tags.length);
  });

  it('gives eng1 an engineer-sized share of the work orders and spreads the rest', () => {
    const byAssignee = new Map<string, number>();
    for (const wo of data.workOrders) byAssignee.set(wo.assigneeId, (byAssignee.get(wo.assigneeId) ?? 0) + 1);
    const eng1 = byAssignee.get('user-eng1') ?? 0;
    expect(eng1 / data.workOrders.length).toBeGreaterThan(0.01);
    expect(eng1 / data.workOrders.length).toBeLessThan(0.04);
    expect(byAssignee.size).toBe(50);
  });

  it('averages about 1 KB per work order', () => {
    const average = data.workOrders.reduce((sum, wo) => sum + JSON.stringify(wo).length, 0) / data.workOrders.length;
    expect(average).toBeGreaterThan(700);
    expect(average).toBeLessThan(1600);
  });

  it('is deterministic for a seed', () => {
    expect(generateLargeData({ seed: 42, base: BASE, counts: { assets: 50, workOrders: 30, tickets: 30 } })).toEqual(
      generateLargeData({ seed: 42, base: BASE, counts: { assets: 50, workOrders: 30, tickets: 30 } }),
    );
  });
});
