import { describe, expect, it } from 'vitest';
import { buildNewAsset, EMPTY_ASSET_FORM, type AssetForm } from '@app/features/assets/register-asset';
import { AssetSchema } from '@shared/schemas/asset';
import { buildAsset } from '../../helpers/factories';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const chiller = buildAsset({ id: 'asset-1', tag: 'AST-LON-0001', name: 'Rooftop chiller 1' });
const form: AssetForm = { ...EMPTY_ASSET_FORM, tag: ' ast-new-0100 ', name: ' Temporary chiller ', siteId: 'site-lon', category: 'HVAC' };

/** The problems a refused form names, all of them at once. */
const refusal = (problems: readonly { field: string; message: string }[]) => expect.objectContaining({ name: 'InputError', problems });

describe('registering a new asset', () => {
  it('builds a schema-valid asset on the chosen site and category', () => {
    const asset = buildNewAsset(form, [chiller], NOW, 'asset-new');
    expect(AssetSchema.parse(asset)).toEqual(asset);
    expect(asset).toMatchObject({ id: 'asset-new', tag: 'AST-NEW-0100', name: 'Temporary chiller', siteId: 'site-lon', category: 'HVAC', status: 'operational', criticality: 3, createdAt: NOW.toISOString() });
  });

  it('asks for a site and a category rather than taking the first of each', () => {
    expect(EMPTY_ASSET_FORM).toMatchObject({ siteId: '', category: '' });
    expect(() => buildNewAsset({ ...form, siteId: '', category: '' }, [], NOW)).toThrow(
      refusal([
        { field: 'siteId', message: 'Choose the site.' },
        { field: 'category', message: 'Choose a category.' },
      ]),
    );
  });

  it('names a taken tag together with every other problem', () => {
    expect(() => buildNewAsset({ ...form, tag: 'AST-LON-0001', name: ' ', siteId: '', criticality: 9 }, [chiller], NOW)).toThrow(
      refusal([
        { field: 'tag', message: 'Rooftop chiller 1 already has the tag AST-LON-0001.' },
        { field: 'siteId', message: 'Choose the site.' },
        { field: 'name', message: 'Required.' },
        { field: 'criticality', message: 'At most 5.' },
      ]),
    );
  });

  it('does not count a deleted asset’s tag as taken', () => {
    expect(buildNewAsset({ ...form, tag: 'AST-LON-0001' }, [{ ...chiller, _deleted: true }], NOW).tag).toBe('AST-LON-0001');
  });
});
