import { referencesOf } from '@shared/domain/references';
import type { AnyDoc, CollectionName } from '@shared/schemas/collections';
import type { Logger } from '../logger';
import { parseStoredDoc } from '../replication/visibility';
import type { RawStored, Store } from '../store/store';

/** Referenced documents loaded once per push, in one request per target collection. */
export class ReferenceSet {
  constructor(private readonly found: Map<CollectionName, Map<string, RawStored>>) {}

  stored(collection: CollectionName, id: string): RawStored | undefined {
    const stored = this.found.get(collection)?.get(id);
    return stored && stored.fields._deleted !== true ? stored : undefined;
  }

  /** The first reference in `doc` that names no live document, as the field's name. */
  missingField(collection: CollectionName, doc: AnyDoc): string | undefined {
    return referencesOf(collection, doc).find(({ target, id }) => !this.stored(target, id))?.field;
  }

  parsed<D extends AnyDoc>(collection: CollectionName, id: string, logger: Logger): D | undefined {
    const stored = this.stored(collection, id);
    return stored ? (parseStoredDoc(collection, stored.fields, logger) as D | undefined) : undefined;
  }
}

export async function loadReferences(store: Store, collection: CollectionName, docs: Record<string, unknown>[]): Promise<ReferenceSet> {
  const wanted = new Map<CollectionName, Set<string>>();
  for (const { target, id } of docs.flatMap((doc) => referencesOf(collection, doc))) {
    wanted.set(target, (wanted.get(target) ?? new Set<string>()).add(id));
  }
  const found = new Map<CollectionName, Map<string, RawStored>>();
  for (const [target, ids] of wanted) found.set(target, await store.getMany(target, [...ids]));
  return new ReferenceSet(found);
}
