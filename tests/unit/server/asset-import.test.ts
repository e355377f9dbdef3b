import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from '@shared/sync/asset-import-protocol';
import { planAssetImport, readImportFile } from '../../../sync-server/services/asset-import';
import { buildAsset, buildSite } from '../../helpers/factories';

describe('reading an asset import file', () => {
  it('numbers rows as a spreadsheet does: a line break inside quotes stays in its cell, blank rows are skipped but counted', () => {
    const csv = '\uFEFFTag,SITE,name,category\n"A-001",LON,"Line one\nline two",HVAC\n\n,,,\nA-002,LON,Fan,HVAC\n';
    const { rows, problems } = readImportFile(csv);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 2, cells: { tag: 'A-001', site: 'LON', name: 'Line one\nline two', category: 'HVAC' } },
      { row: 5, cells: { tag: 'A-002', site: 'LON', name: 'Fan', category: 'HVAC' } },
    ]);
  });

  it('refuses a row it would have to guess at: more cells than the header, or an unclosed quote; and a repeated column', () => {
    const shifted = readImportFile('tag,site,name,category\nIMP-1,LON,Chiller, north roof,HVAC\nIMP-2,LON,Fan,HVAC,,');
    expect(shifted.problems).toEqual([{ field: 'rows[2]', message: expect.stringContaining('5 cells but the header names 4 columns') }]);
    // Trailing empty cells (spreadsheets add them) are no problem.
    expect(shifted.rows.map((row) => row.cells.tag)).toEqual(['IMP-2']);
    const unclosed = readImportFile('tag,site,name,category\nIMP-1,LON,"Chiller,HVAC\nIMP-2,LON,Fan,HVAC');
    expect(unclosed.problems).toEqual([expect.objectContaining({ field: 'rows[2]', message: expect.stringContaining('could not be read') })]);
    expect(readImportFile('tag,site,name,Name,category\nIMP-1,LON,A,B,HVAC').problems).toEqual([{ field: 'columns.name', message: 'the name column appears twice' }]);
  });

  it('costs no more for a huge or very wide file than for a full one, and repeats no more of a cell than needed', () => {
    // "More than": parsing stopped past the lines one import takes, rather than reading all million.
    const long = readImportFile(`tag,site,name,category\n${'x\n'.repeat(1_000_000)}`);
    expect(long.problems).toEqual([{ field: 'rows', message: expect.stringContaining(`more than ${MAX_IMPORT_ROWS} rows`) }]);
    const wide = readImportFile(`${Array.from({ length: 100_000 }, (_, index) => `c${index}`).join(',')}\n1`);
    expect(wide.problems).toEqual([{ field: 'columns', message: expect.stringContaining('100000 columns') }]);
    const plan = planAssetImport(readImportFile(`tag,site,name,category\nA-001,${'S'.repeat(10_000)},Fan,HVAC`).rows, { sites: [], categories: [] }, [], '2026-12-05T09:00:00.000Z');
    expect(plan.problems[0]?.message.length).toBeLessThan(100);
  });

  it('refuses a file with more rows than one import takes', () => {
    const body = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, index) => `T-${index},LON,Fan,HVAC`).join('\n');
    expect(readImportFile(`tag,site,name,category\n${body}`).problems).toEqual([{ field: 'rows', message: expect.stringContaining(`at most ${MAX_IMPORT_ROWS}`) }]);
  });
});

describe('planning an asset import', () => {
  const site = buildSite({ id: 'site-1', code: 'LON' });
  const now = '2026-12-05T09:00:00.000Z';

  it('builds valid assets with the defaults, ids of their own and the server’s time', () => {
    const { rows } = readImportFile('tag,site,name,category\nA-001,LON,Fan,hvac\nA-002,site-1,Pump,Plumbing');
    const plan = planAssetImport(rows, { sites: [site], categories: ['HVAC', 'Plumbing'] }, [], now);
    expect(plan.problems).toEqual([]);
    expect(plan.assets).toEqual([
      // The category as the list writes it, whatever the file's case.
      expect.objectContaining({ tag: 'A-001', siteId: 'site-1', category: 'HVAC', status: 'operational', criticality: 3, createdAt: now, updatedAt: now, type: 'asset' }),
      expect.objectContaining({ tag: 'A-002', siteId: 'site-1' }),
    ]);
    expect(new Set(plan.assets.map((asset) => asset.id)).size).toBe(2);
  });

  it('reports a tag taken by a stored asset or an earlier row once per row, beside the row’s other problems', () => {
    const { rows } = readImportFile('tag,site,name,category,lat,lng\nA-001,LON,Fan,HVAC,,\nA-001,LON,Fan 2,HVAC,1,\nB-001,LON,Fan 3,HVAC,,');
    const plan = planAssetImport(rows, { sites: [site], categories: ['HVAC'] }, [buildAsset({ id: 'held', tag: 'B-001', name: 'Old fan', siteId: 'site-1' })], now);
    expect(plan.problems).toEqual([
      { field: 'rows[3].lng', message: 'give both lat and lng, or neither' },
      { field: 'rows[3].tag', message: 'tag A-001 is also on row 2' },
      { field: 'rows[4].tag', message: 'tag B-001 is already used by asset "Old fan" (held)' },
    ]);
    expect(plan.assets.map((asset) => asset.tag)).toEqual(['A-001']);
  });

  it('refuses a category the list does not have: what a name with an unquoted comma pushes into it', () => {
    const { rows, problems } = readImportFile('tag,site,name,category,manufacturer\nA-001,LON,Thing, south roof,HVAC');
    expect(problems).toEqual([]);
    const plan = planAssetImport(rows, { sites: [site], categories: ['HVAC'] }, [], now);
    expect(plan.problems).toEqual([{ field: 'rows[2].category', message: '"south roof" is no category; the categories are HVAC' }]);
  });
});
