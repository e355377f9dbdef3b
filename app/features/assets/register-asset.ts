import { ulid } from 'ulid';
import { findHolder } from '@shared/domain/unique-fields';
import { AssetSchema, type Asset } from '@shared/schemas/asset';
import { firstPerField, problemsOfIssues, type FieldProblem } from '../../components/field-problems';
import { inputErrorOf } from '../work-orders/work-order-actions';

/** A new asset as the desk types it: the site and category start unchosen, as on the new-ticket form. */
export type AssetForm = Pick<Asset, 'tag' | 'name' | 'siteId' | 'category' | 'manufacturer' | 'model' | 'serialNumber' | 'status' | 'criticality'>;

export const EMPTY_ASSET_FORM: AssetForm = { tag: '', name: '', siteId: '', category: '', manufacturer: '', model: '', serialNumber: '', status: 'operational', criticality: 3 };

/**
 * The asset the form describes, or an InputError naming every problem at once: a tag another asset
 * already has (`assets`: those on the device that may hold it), a site or category not chosen, and
 * the shared schema's issues in words. A silent first site or category would file the equipment
 * under the wrong one without anyone having picked it.
 */
export function buildNewAsset(form: AssetForm, assets: readonly Asset[], now: Date, id: string = ulid()): Asset {
  const stamp = now.toISOString();
  const asset: Asset = { ...form, tag: form.tag.trim().toUpperCase(), name: form.name.trim(), id, type: 'asset', createdAt: stamp, updatedAt: stamp, _deleted: false };
  const problems: FieldProblem[] = [];
  const holder = findHolder('assets', asset, assets);
  if (holder) problems.push({ field: 'tag', message: `${holder.name} already has the tag ${asset.tag}.` });
  if (!form.siteId) problems.push({ field: 'siteId', message: 'Choose the site.' });
  if (!form.category) problems.push({ field: 'category', message: 'Choose a category.' });
  const parsed = AssetSchema.safeParse(asset);
  // The form's own words go first; the schema adds what they do not cover (one message per field).
  const all = firstPerField([...problems, ...(parsed.success ? [] : problemsOfIssues(parsed.error.issues))]);
  if (all.length > 0) throw inputErrorOf(all);
  return asset;
}
