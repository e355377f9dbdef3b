import type { CollectionName } from '../schemas/collections';

/**
 * Fields that must name one live document of their collection, because people and labels use them
 * to pick a document out: an asset's tag (printed on its label), a site's code (on asset tags and
 * screens), a category's name (tickets store it, and reports group by it; 'HVAC' and 'hvac' would
 * read as one). The app checks its local copy before saving; the server checks every push.
 */
export type UniqueField = { field: string; noun: string; ignoreCase: boolean };

export const UNIQUE_FIELDS: Partial<Record<CollectionName, UniqueField>> = {
  assets: { field: 'tag', noun: 'asset', ignoreCase: false },
  sites: { field: 'code', noun: 'site', ignoreCase: false },
  categories: { field: 'name', noun: 'category', ignoreCase: true },
};

type Loose = Record<string, unknown>;

/** The value two documents must not share, as compared (trimmed, and lower-cased where case does not count). */
export function uniqueKeyOf(rule: UniqueField, doc: Loose): string | undefined {
  const value = doc[rule.field];
  if (typeof value !== 'string' || doc._deleted === true) return undefined;
  const trimmed = value.trim();
  return rule.ignoreCase ? trimmed.toLowerCase() : trimmed;
}

/**
 * The live document among `others` that already holds `doc`'s unique value, or undefined (also
 * for collections without a unique field). Works on unvalidated rows, so the server can check a
 * push before parsing it.
 */
export function findHolder<D extends Loose>(collection: CollectionName, doc: Loose, others: readonly D[]): D | undefined {
  const rule = UNIQUE_FIELDS[collection];
  const key = rule && uniqueKeyOf(rule, doc);
  if (!rule || key === undefined) return undefined;
  return others.find((other) => other.id !== doc.id && uniqueKeyOf(rule, other) === key);
}
