import { findHolder, UNIQUE_FIELDS, uniqueKeyOf, type UniqueField } from '@shared/domain/unique-fields';
import { DOC_TYPE_BY_COLLECTION, type CollectionName } from '@shared/schemas/collections';
import type { RawStored, Store } from '../store/store';
import { AppError } from '../errors';

type Row = { newDocumentState: Record<string, unknown> };

/**
 * An asset's tag, a site's code and a category's name each name one live document
 * (shared/domain/unique-fields.ts). Checked before anything of the push is written: against the
 * stored documents and between the rows of the push; a taken value is a 409 naming the field, as a
 * taken username is. Two instances accepting the same new value at the same instant is not caught
 * here; the admin and desk screens check their local copy first as well.
 */
export async function checkUniqueFields(store: Store, collection: CollectionName, rows: readonly Row[], masters: ReadonlyMap<string, RawStored>): Promise<void> {
  const rule = UNIQUE_FIELDS[collection];
  if (!rule) return;
  // Only rows that take a value they did not hold: an edit of anything else passes, even beside a
  // duplicate an older server let in (else that edit, and every later one queued behind it, is stuck).
  const wanted = rows.flatMap((row, index) => {
    const key = uniqueKeyOf(rule, row.newDocumentState);
    const id = row.newDocumentState.id;
    if (key === undefined || typeof id !== 'string') return [];
    const master = masters.get(id);
    return master && uniqueKeyOf(rule, master.fields) === key ? [] : [{ doc: row.newDocumentState, key, index }];
  });
  if (wanted.length === 0) return;
  // The holders as this push leaves them: a document the push changes counts as pushed (a swap
  // passes), and of two rows taking one value the later is refused.
  const pushedIds = new Set(rows.map((row) => row.newDocumentState.id));
  const taking = new Set(wanted.map((row) => row.doc));
  const stored = await loadPossibleHolders(store, collection, rule, wanted.map((row) => row.key));
  const holders = [...stored.filter((doc) => !pushedIds.has(doc.id)), ...rows.map((row) => row.newDocumentState).filter((doc) => !taking.has(doc))];
  for (const { doc, index } of wanted) {
    const holder = findHolder(collection, doc, holders);
    if (holder) {
      const value = String(doc[rule.field]);
      throw new AppError(409, 'conflict', `row ${index}: ${rule.field} ${value} is already used by ${rule.noun} ${describeHolder(holder)}`, `[${index}].newDocumentState.${rule.field}`);
    }
    holders.push(doc);
  }
}

/**
 * The stored documents that may hold these values. Exact values are looked up (tags have an
 * index); case-insensitive ones cannot be in a Mango selector, so the whole collection is read —
 * only categories are like that, a few dozen documents (as ticket pushes read them too).
 */
async function loadPossibleHolders(store: Store, collection: CollectionName, rule: UniqueField, keys: string[]): Promise<Record<string, unknown>[]> {
  const selector = rule.ignoreCase ? { type: DOC_TYPE_BY_COLLECTION[collection] } : { [rule.field]: { $in: [...new Set(keys)] } };
  const stored = await store.find(collection, selector, rule.ignoreCase ? 10_000 : 1000);
  return stored.map((entry) => entry.fields);
}

/** The holder as a person recognises it: its name where it has one (the id alone means nothing on a screen). */
function describeHolder(holder: Record<string, unknown>): string {
  const name = typeof holder.name === 'string' && holder.name ? holder.name : undefined;
  return name ? `"${name}" (${String(holder.id)})` : String(holder.id);
}

