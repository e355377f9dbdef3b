import type { AnyDoc } from '@shared/schemas/collections';
import type { PullResponse } from '@shared/sync/protocol';

/**
 * Each served document's JSON, by the parsed document it was written from. The changes cache hands
 * out the same parsed object for every pull of a document version (replication/visibility.ts), so
 * a version is serialized once however many devices pull it; a new version is a new object.
 */
const jsonByDoc = new WeakMap<AnyDoc, string>();

function jsonOf(doc: AnyDoc): string {
  let json = jsonByDoc.get(doc);
  if (json === undefined) {
    json = JSON.stringify(doc);
    jsonByDoc.set(doc, json);
  }
  return json;
}

/** A pull page as JSON, exactly as `JSON.stringify(page)` writes it, from each document's cached JSON. */
export function pullBody(page: PullResponse): string {
  return `{"documents":[${page.documents.map(jsonOf).join(',')}],"checkpoint":${JSON.stringify(page.checkpoint)}}`;
}
