import type { Asset } from '@shared/schemas/asset';
import { equipmentKinds, LOCATIONS } from './asset-catalog';
import { CATEGORIES, type CategoryName, SITE_KEYS, type SiteKey, siteId, siteInfo } from './demo-reference';
import type { Random } from './prng';
import { DAY_MS, pad, type SeedContext, stamps } from './seed-context';

export const DEMO_ASSETS_PER_SITE = 60;

/** Most buildings have far more HVAC and electrical kit than lifts. */
const CATEGORY_WEIGHTS: readonly (readonly [CategoryName, number])[] = [
  ['HVAC', 6], ['Electrical', 5], ['Plumbing', 3], ['Fire safety', 3], ['Lifts', 1.5], ['IT/Network', 4], ['Security', 3], ['General', 2],
];

const BASE_CRITICALITY: Record<CategoryName, number> = {
  HVAC: 3, Electrical: 4, Plumbing: 2, 'Fire safety': 5, Lifts: 4, 'IT/Network': 3, Security: 3, General: 1,
};

/**
 * `nowMs` bounds updatedAt: nothing in a generated set is changed after its base date.
 * `nextUnit` numbers units of the same equipment at a site ("Chiller 2"), so names stay distinguishable.
 */
export type AssetSpec = { id: string; tag: string; siteKey: SiteKey; createdMs: number; nowMs: number; nextUnit: (equipment: string) => number };

/** Numbers units of each kind of equipment from 1, for one site. */
export function unitCounter(): (equipment: string) => number {
  const counts = new Map<string, number>();
  return (equipment) => {
    const next = (counts.get(equipment) ?? 0) + 1;
    counts.set(equipment, next);
    return next;
  };
}

/** One plausible asset of a randomly chosen trade, make and model. */
export function buildAsset(rng: Random, spec: AssetSpec): Asset {
  const category = rng.weighted(CATEGORY_WEIGHTS);
  const equipment = rng.pick(equipmentKinds(category));
  const [manufacturer, model] = rng.pick(equipment.makes);
  const site = siteInfo(spec.siteKey);
  const criticality = Math.min(5, Math.max(1, BASE_CRITICALITY[category] + rng.int(-1, 1)));
  const updatedMs = Math.min(spec.nowMs, spec.createdMs + rng.int(0, 60) * DAY_MS);
  return {
    id: spec.id,
    type: 'asset',
    tag: spec.tag,
    siteId: siteId(spec.siteKey),
    name: `${equipment.name} ${spec.nextUnit(equipment.name)} — ${rng.pick(LOCATIONS[category])}`,
    category,
    manufacturer,
    model,
    serialNumber: `${manufacturer.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase()}-${rng.code(8)}`,
    status: rng.weighted([['operational', 80], ['degraded', 10], ['down', 4], ['retired', 6]] as const),
    criticality,
    // Roughly two in three assets were surveyed with GPS: within ~100 m of the site's pin.
    ...(rng.chance(0.65)
      ? { location: { lat: round6(site.lat + (rng.next() - 0.5) * 0.002), lng: round6(site.lng + (rng.next() - 0.5) * 0.002) } }
      : {}),
    ...stamps(spec.createdMs, updatedMs),
  };
}

/** 60 assets per site, tags `AST-LON-0001`…, installed between two months and three years ago. */
export function buildDemoAssets(ctx: SeedContext): Asset[] {
  const assets: Asset[] = [];
  for (const key of SITE_KEYS) {
    const code = siteInfo(key).code.slice(0, 3);
    const nextUnit = unitCounter();
    for (let n = 1; n <= DEMO_ASSETS_PER_SITE; n++) {
      const createdMs = ctx.base.getTime() - ctx.rng.int(60, 1100) * DAY_MS;
      const id = `asset-${key}-${pad(n, 4)}`;
      assets.push(buildAsset(ctx.rng, { id, tag: `AST-${code}-${pad(n, 4)}`, siteKey: key, createdMs, nowMs: ctx.base.getTime(), nextUnit }));
    }
  }
  return assets;
}

/** The skill needed to work on an asset of this category. */
export function skillForCategory(category: string): string {
  return CATEGORIES.find((candidate) => candidate.name === category)?.skill ?? 'general';
}

/** In-service assets at a site that an engineer with these skills can work on. */
export function workableAssets(assets: readonly Asset[], site: string, skills: readonly string[]): Asset[] {
  return assets.filter((asset) => asset.siteId === site && asset.status !== 'retired' && skills.includes(skillForCategory(asset.category)));
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
