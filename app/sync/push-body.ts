/** Stays well under the server's JSON body limit (8 MB, sync-server/app.ts), whatever the documents weigh. */
export const MAX_PUSH_BODY_BYTES = 4 * 1024 * 1024;

/**
 * The JSON bodies of one push batch: the rows in order, split so that no body passes `maxBytes`
 * (a single larger row still goes alone, and the server's answer says what is wrong with it).
 * Bench rows are ~2.5 KB, so a batch of 1,000 is one request; a batch of heavy work orders
 * (long note threads, a signature) becomes a few.
 */
export function pushBodies(rows: readonly unknown[], maxBytes = MAX_PUSH_BODY_BYTES): string[] {
  const bodies: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const row of rows) {
    const json = JSON.stringify(row);
    // UTF-16 length undercounts multi-byte characters; the margin under the limit covers it.
    if (current.length > 0 && size + json.length + 1 > maxBytes) {
      bodies.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    current.push(json);
    size += json.length + 1;
  }
  if (current.length > 0) bodies.push(`[${current.join(',')}]`);
  return bodies;
}
