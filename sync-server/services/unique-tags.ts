import type { Store } from '../store/store';
import { AppError } from '../errors';

type Row = { newDocumentState: Record<string, unknown> };

/**
 * An asset's tag is what its label says, so it must name one asset only (DESIGN: `tag` is unique).
 * Checked before anything of the push is written: against live stored assets (the `by-tag` index)
 * and between the rows of the push. Two instances accepting the same new tag at the same instant
 * is not caught here; the desk's "register" screen checks its local copy first as well.
 */
export async function checkUniqueAssetTags(store: Store, rows: readonly Row[]): Promise<void> {
  const wanted = rows.flatMap((row, index) => {
    const { tag, id, _deleted } = row.newDocumentState;
    return typeof tag === 'string' && typeof id === 'string' && _deleted !== true ? [{ tag, id, index }] : [];
  });
  if (wanted.length === 0) return;
  const stored = await store.find('assets', { tag: { $in: [...new Set(wanted.map((row) => row.tag))] } });
  const owners = new Map<string, string>();
  for (const asset of stored) {
    if (asset.fields._deleted !== true && typeof asset.fields.tag === 'string') owners.set(asset.fields.tag, String(asset.fields.id));
  }
  for (const { tag, id, index } of wanted) {
    const owner = owners.get(tag);
    if (owner && owner !== id) {
      throw new AppError(409, 'conflict', `row ${index}: tag ${tag} is already used by asset ${owner}`, `[${index}].newDocumentState.tag`);
    }
    owners.set(tag, id);
  }
}
