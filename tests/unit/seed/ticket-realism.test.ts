import { describe, expect, it } from 'vitest';
import type { Asset } from '@shared/schemas/asset';
import type { Ticket } from '@shared/schemas/ticket';
import type { WorkOrder } from '@shared/schemas/work-order';
import { equipmentKinds, equipmentOf } from '@server/seed/asset-catalog';
import { generateDemoData } from '@server/seed/demo-data';
import { CATEGORIES, toCategoryName } from '@server/seed/demo-reference';
import { type Fault, FAULTS } from '@server/seed/fault-catalog';
import { generateLargeData } from '@server/seed/large-data';

const DAY_MS = 86_400_000;

/** The demo set at the times the demo-data tests use, another seed, and a small large set. */
const SETS: readonly { label: string; assets: Asset[]; tickets: Ticket[]; workOrders: WorkOrder[] }[] = [
  { label: 'demo, Wednesday afternoon', ...generateDemoData({ base: new Date('2025-06-11T13:37:00.000Z') }) },
  { label: 'demo, early morning', ...generateDemoData({ base: new Date('2025-06-11T05:10:00.000Z'), seed: 99 }) },
  { label: 'demo, Sunday night', ...generateDemoData({ base: new Date('2025-06-15T22:50:00.000Z'), seed: 99 }) },
  { label: 'demo, across a DST change', ...generateDemoData({ base: new Date('2025-03-30T01:30:00.000Z'), seed: 7 }) },
  { label: 'large', ...generateLargeData({ seed: 42, base: new Date('2025-06-11T13:37:00.000Z'), counts: { assets: 2000, workOrders: 1000, tickets: 1000 } }) },
];

/** Words in a title that name one kind of equipment: the walkthrough's mismatches, checked without the catalog's own mapping. */
const NAMED_IN_TITLE: readonly (readonly [RegExp, string])[] = [
  [/boiler/i, 'Boiler'], [/chiller/i, 'Chiller'], [/\bAHU\b/, 'Air handling unit'], [/fan coil/i, 'Fan coil unit'],
  [/rooftop/i, 'Rooftop unit'], [/escalator/i, 'Escalator'], [/generator/i, 'Standby generator'], [/\bUPS\b/, 'UPS'],
];

describe('seeded tickets', () => {
  it('have a fault for every kind of equipment in the asset catalog, each title once', () => {
    for (const { name: category } of CATEGORIES) {
      const faults: readonly Fault[] = FAULTS[category];
      for (const kind of equipmentKinds(category)) {
        expect(faults.filter((fault) => fault.on.includes(kind.name)).length, `${category}: ${kind.name}`).toBeGreaterThan(0);
      }
      expect(new Set(faults.map((fault) => fault.title)).size, category).toBe(faults.length);
    }
  });

  it.each(SETS)('report a fault that fits their asset ($label)', ({ assets, tickets }) => {
    const assetById = new Map(assets.map((asset) => [asset.id, asset]));
    const withAsset = tickets.filter((ticket) => ticket.assetId !== undefined);
    expect(withAsset.length).toBeGreaterThan(tickets.length / 3);
    for (const ticket of withAsset) {
      const asset = assetById.get(ticket.assetId ?? '');
      const kind = asset && equipmentOf(asset);
      expect(kind, `${ticket.id}: asset ${ticket.assetId}`).toBeDefined();
      expect(ticket.category, ticket.id).toBe(asset?.category);
      const fault = FAULTS[toCategoryName(ticket.category)].find((candidate) => candidate.title === ticket.title);
      expect(fault?.on.some((fits) => fits === kind), `${ticket.id}: "${ticket.title}" on ${asset?.name}`).toBe(true);
      for (const [words, named] of NAMED_IN_TITLE) {
        if (words.test(ticket.title)) expect(kind, `${ticket.id}: "${ticket.title}" on ${asset?.name}`).toBe(named);
      }
    }
  });

  it('that are critical or high have their first visit booked within a day of the report', () => {
    const checked = SETS.flatMap(({ label, tickets, workOrders }) => {
      const firstStart = new Map<string, number>();
      for (const wo of workOrders) {
        if (!wo.ticketId) continue;
        const startMs = Date.parse(wo.scheduledStart);
        firstStart.set(wo.ticketId, Math.min(startMs, firstStart.get(wo.ticketId) ?? startMs));
      }
      const urgent = tickets.filter((ticket) => ['critical', 'high'].includes(ticket.priority) && firstStart.has(ticket.id));
      for (const ticket of urgent) {
        const waitMs = (firstStart.get(ticket.id) ?? 0) - Date.parse(ticket.createdAt);
        expect(waitMs, `${label}: ${ticket.id} (${ticket.priority})`).toBeLessThanOrEqual(DAY_MS);
      }
      return urgent;
    });
    expect(checked.filter((ticket) => ticket.priority === 'critical').length).toBeGreaterThan(3);
  });
});
