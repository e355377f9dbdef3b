import Papa from 'papaparse';
import { ulid } from 'ulid';
import { findHolder } from '@shared/domain/unique-fields';
import { type Asset, AssetSchema } from '@shared/schemas/asset';
import { describeIssue } from '@shared/schemas/issue-words';
import type { Site } from '@shared/schemas/site';
import { ASSET_IMPORT_COLUMNS, type ImportProblem, MAX_IMPORT_ROWS, REQUIRED_IMPORT_COLUMNS } from '@shared/sync/asset-import-protocol';

type Column = (typeof ASSET_IMPORT_COLUMNS)[number];
/** One data row of the file: its row number as a spreadsheet shows it (the header is row 1) and its cells by column. */
export type ImportRow = { row: number; cells: Partial<Record<Column, string>> };
export type ImportPlan = { assets: Asset[]; problems: ImportProblem[] };

const cellField = (row: number, column: string) => `rows[${row}].${column}`;

/**
 * The file's rows by column (papaparse: quoted commas, quotes and line breaks in cells). Column
 * names match whatever their case; an unknown or missing required column is a problem of the file,
 * and rows entirely blank are skipped (spreadsheets export them), keeping the others' numbers.
 */
export function readImportFile(csv: string): { rows: ImportRow[]; problems: ImportProblem[] } {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const [header = [], ...records] = parsed.data;
  const byName = new Map<string, Column>(ASSET_IMPORT_COLUMNS.map((column) => [column.toLowerCase(), column]));
  const columns = header.map((name) => byName.get(name.trim().toLowerCase()));
  const problems: ImportProblem[] = [];
  header.forEach((name, index) => {
    if (!columns[index] && name.trim()) problems.push({ field: `columns.${name.trim()}`, message: `unknown column "${name.trim()}"; the columns are ${ASSET_IMPORT_COLUMNS.join(', ')}` });
  });
  for (const required of REQUIRED_IMPORT_COLUMNS) {
    if (!columns.includes(required)) problems.push({ field: `columns.${required}`, message: `the file has no ${required} column` });
  }
  const rows = records
    .map((cells, index): ImportRow => ({ row: index + 2, cells: Object.fromEntries(columns.flatMap((column, at) => (column ? [[column, (cells[at] ?? '').trim()]] : []))) }))
    .filter((row) => Object.values(row.cells).some((value) => value !== ''));
  if (rows.length === 0 && problems.length === 0) problems.push({ field: 'rows', message: 'the file has no rows below its header' });
  if (rows.length > MAX_IMPORT_ROWS) problems.push({ field: 'rows', message: `the file has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} go in one import` });
  return { rows, problems };
}

/**
 * The assets a file's rows describe, each checked with the shared asset schema, or every problem
 * found: a cell's own, a site no code or id names, a tag used twice in the file or by a stored asset.
 */
export function planAssetImport(rows: readonly ImportRow[], sites: readonly Site[], storedWithTags: readonly Asset[], now: string): ImportPlan {
  const assets: Asset[] = [];
  const problems: ImportProblem[] = [];
  const rowOfTag = new Map<string, number>();
  for (const row of rows) {
    const built = assetFromRow(row, sites, now);
    const rowProblems = built.ok ? [] : [...built.problems];
    const tag = row.cells.tag ?? '';
    const tagField = cellField(row.row, 'tag');
    if (tag && !rowProblems.some((problem) => problem.field === tagField)) {
      const earlier = rowOfTag.get(tag);
      const holder = findHolder('assets', { id: '', tag }, storedWithTags);
      if (earlier !== undefined) rowProblems.push({ field: tagField, message: `tag ${tag} is also on row ${earlier}` });
      else if (holder) rowProblems.push({ field: tagField, message: `tag ${tag} is already used by asset "${holder.name}" (${holder.id})` });
      else rowOfTag.set(tag, row.row);
    }
    if (built.ok && rowProblems.length === 0) assets.push(built.asset);
    problems.push(...rowProblems);
  }
  return { assets, problems };
}

function assetFromRow(row: ImportRow, sites: readonly Site[], now: string): { ok: true; asset: Asset } | { ok: false; problems: ImportProblem[] } {
  const { cells } = row;
  const problems: ImportProblem[] = [];
  const siteRef = cells.site ?? '';
  const site = sites.find((candidate) => candidate.code === siteRef) ?? sites.find((candidate) => candidate.id === siteRef);
  if (!site) problems.push({ field: cellField(row.row, 'site'), message: siteRef ? `"${siteRef}" is no site's code` : 'the site is missing' });
  const criticality = numberCell(row, 'criticality', problems) ?? 3;
  const location = locationOf(row, problems);
  const parsed = AssetSchema.safeParse({
    id: ulid(),
    type: 'asset',
    tag: cells.tag ?? '',
    siteId: site?.id ?? 'unknown',
    name: cells.name ?? '',
    category: cells.category ?? '',
    manufacturer: cells.manufacturer ?? '',
    model: cells.model ?? '',
    serialNumber: cells.serialNumber ?? '',
    status: cells.status || 'operational',
    criticality,
    ...(location ? { location } : {}),
    createdAt: now,
    updatedAt: now,
    _deleted: false,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = columnOfPath(issue.path);
      if (!problems.some((problem) => problem.field === cellField(row.row, column))) problems.push({ field: cellField(row.row, column), message: messageOf(describeIssue(issue), cells[column]) });
    }
  }
  return parsed.success && problems.length === 0 ? { ok: true, asset: parsed.data } : { ok: false, problems };
}

function numberCell(row: ImportRow, column: 'criticality' | 'lat' | 'lng', problems: ImportProblem[]): number | undefined {
  const text = row.cells[column] ?? '';
  if (text === '') return undefined;
  const value = Number(text);
  if (Number.isFinite(value)) return value;
  problems.push({ field: cellField(row.row, column), message: `"${text}" is not a number` });
  return undefined;
}

function locationOf(row: ImportRow, problems: ImportProblem[]): { lat: number; lng: number } | undefined {
  const before = problems.length;
  const lat = numberCell(row, 'lat', problems);
  const lng = numberCell(row, 'lng', problems);
  if (problems.length > before) return undefined;
  if (lat === undefined && lng === undefined) return undefined;
  if (lat === undefined || lng === undefined) {
    problems.push({ field: cellField(row.row, lat === undefined ? 'lat' : 'lng'), message: 'give both lat and lng, or neither' });
    return undefined;
  }
  return { lat, lng };
}

/** The column a schema path is about: `siteId` is the site column, `location.lat` the lat one. */
function columnOfPath(path: readonly PropertyKey[]): Column {
  const [first, second] = path.map(String);
  if (first === 'siteId') return 'site';
  if (first === 'location') return second === 'lng' ? 'lng' : 'lat';
  return (ASSET_IMPORT_COLUMNS as readonly string[]).includes(first ?? '') ? (first as Column) : 'tag';
}

function messageOf(words: string, value: string | undefined): string {
  return value ? `"${value}": ${words}` : words;
}
