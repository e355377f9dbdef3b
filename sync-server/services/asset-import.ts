import Papa from 'papaparse';
import { ulid } from 'ulid';
import { UNIQUE_FIELDS, uniqueKeyOf, type UniqueField } from '@shared/domain/unique-fields';
import { type Asset, AssetSchema } from '@shared/schemas/asset';
import { describeIssue } from '@shared/schemas/issue-words';
import type { Site } from '@shared/schemas/site';
import { ASSET_IMPORT_COLUMNS, type ImportProblem, MAX_IMPORT_ROWS, REQUIRED_IMPORT_COLUMNS } from '@shared/sync/asset-import-protocol';

type Column = (typeof ASSET_IMPORT_COLUMNS)[number];
/** One data row of the file: its row number as a spreadsheet shows it (the header is row 1) and its cells by column. */
export type ImportRow = { row: number; cells: Partial<Record<Column, string>> };
export type ImportPlan = { assets: Asset[]; problems: ImportProblem[] };

const cellField = (row: number, column: string) => `rows[${row}].${column}`;

/** Lines read at most: the rows one import takes, its header, and room for blank rows spreadsheets add. */
const MAX_LINES = MAX_IMPORT_ROWS + 1 + 1000;
/** A header wider than this is not an asset register (and would mean a problem per column). */
const MAX_COLUMNS = 50;
/** How much of a cell a problem repeats: enough to find it, never the whole of a huge one. */
const ECHO_CHARS = 60;

const echo = (value: string) => (value.length > ECHO_CHARS ? `${value.slice(0, ECHO_CHARS)}…` : value);

/**
 * The file's rows by column (papaparse: quoted commas, quotes and line breaks in cells). Column
 * names match whatever their case; the header's problems (an unknown, repeated or missing
 * column) come alone, before any row's. Rows entirely blank are skipped (spreadsheets export
 * them), keeping the others' numbers; a row with more cells than the header, or one the parser
 * could not read (an unclosed quote), is a problem rather than a guess. Parsing stops past the
 * most lines an import takes, so a huge file costs no more than a full one.
 */
export function readImportFile(csv: string): { rows: ImportRow[]; problems: ImportProblem[] } {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false, preview: MAX_LINES + 1 });
  if (parsed.data.length > MAX_LINES) return { rows: [], problems: [{ field: 'rows', message: `the file has more than ${MAX_IMPORT_ROWS} rows; at most ${MAX_IMPORT_ROWS} go in one import` }] };
  const [header = [], ...records] = parsed.data;
  const { columns, problems } = readHeader(header);
  if (problems.length > 0) return { rows: [], problems };
  const unreadable = new Map(parsed.errors.filter((error) => error.type !== 'Delimiter' && error.row !== undefined).map((error) => [error.row as number, error.message]));
  const rows: ImportRow[] = [];
  records.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const failure = unreadable.get(index + 1);
    const extra = cells.slice(header.length).filter((cell) => cell.trim() !== '').length;
    if (failure) problems.push({ field: `rows[${row}]`, message: `the row could not be read: ${failure}` });
    else if (extra > 0) problems.push({ field: `rows[${row}]`, message: `the row has ${header.length + extra} cells but the header names ${header.length} columns; put a cell that contains a comma in double quotes` });
    else rows.push({ row, cells: Object.fromEntries(columns.flatMap((column, at) => (column ? [[column, (cells[at] ?? '').trim()]] : []))) });
  });
  if (rows.length === 0 && problems.length === 0) problems.push({ field: 'rows', message: 'the file has no rows below its header' });
  if (rows.length > MAX_IMPORT_ROWS) problems.push({ field: 'rows', message: `the file has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} go in one import` });
  return { rows, problems };
}

function readHeader(header: readonly string[]): { columns: (Column | undefined)[]; problems: ImportProblem[] } {
  if (header.length > MAX_COLUMNS) return { columns: [], problems: [{ field: 'columns', message: `the header has ${header.length} columns; the columns are ${ASSET_IMPORT_COLUMNS.join(', ')}` }] };
  const byName = new Map<string, Column>(ASSET_IMPORT_COLUMNS.map((column) => [column.toLowerCase(), column]));
  const columns = header.map((name) => byName.get(name.trim().toLowerCase()));
  const problems: ImportProblem[] = [];
  header.forEach((name, index) => {
    const column = columns[index];
    if (!column && name.trim()) problems.push({ field: `columns.${echo(name.trim())}`, message: `unknown column "${echo(name.trim())}"; the columns are ${ASSET_IMPORT_COLUMNS.join(', ')}` });
    if (column && columns.indexOf(column) < index) problems.push({ field: `columns.${column}`, message: `the ${column} column appears twice` });
  });
  for (const required of REQUIRED_IMPORT_COLUMNS) {
    if (!columns.includes(required)) problems.push({ field: `columns.${required}`, message: `the file has no ${required} column` });
  }
  return { columns, problems };
}

/**
 * The assets a file's rows describe, each checked with the shared asset schema, or every problem
 * found: a cell's own, a site no code or id names, a tag used twice in the file or by a stored asset.
 */
/** What an import's rows are checked against besides the schema: the sites (by code or id) and the categories' names. */
export type ImportReference = { sites: readonly Site[]; categories: readonly string[] };

export function planAssetImport(rows: readonly ImportRow[], reference: ImportReference, storedWithTags: readonly Asset[], now: string): ImportPlan {
  const assets: Asset[] = [];
  const problems: ImportProblem[] = [];
  const rowOfTag = new Map<string, number>();
  // By tag, as uniqueKeyOf compares them (trimmed): one lookup per row, not a scan of every holder.
  const holders = new Map(storedWithTags.flatMap((asset) => (asset._deleted ? [] : [[uniqueKeyOf(UNIQUE_FIELDS.assets as UniqueField, asset) ?? '', asset] as const])));
  for (const row of rows) {
    const built = assetFromRow(row, reference, now);
    const rowProblems = built.ok ? [] : [...built.problems];
    const tag = row.cells.tag ?? '';
    const tagField = cellField(row.row, 'tag');
    if (tag && !rowProblems.some((problem) => problem.field === tagField)) {
      const earlier = rowOfTag.get(tag);
      const holder = holders.get(tag.trim());
      if (earlier !== undefined) rowProblems.push({ field: tagField, message: `tag ${tag} is also on row ${earlier}` });
      else if (holder) rowProblems.push({ field: tagField, message: `tag ${tag} is already used by asset "${holder.name}" (${holder.id})` });
      else rowOfTag.set(tag, row.row);
    }
    if (built.ok && rowProblems.length === 0) assets.push(built.asset);
    problems.push(...rowProblems);
  }
  return { assets, problems };
}

function assetFromRow(row: ImportRow, { sites, categories }: ImportReference, now: string): { ok: true; asset: Asset } | { ok: false; problems: ImportProblem[] } {
  const { cells } = row;
  const problems: ImportProblem[] = [];
  const siteRef = cells.site ?? '';
  const site = sites.find((candidate) => candidate.code === siteRef) ?? sites.find((candidate) => candidate.id === siteRef);
  if (!site) problems.push({ field: cellField(row.row, 'site'), message: siteRef ? `"${echo(siteRef)}" is no site's code` : 'the site is missing' });
  const category = categoryOf(row, categories, problems);
  const criticality = numberCell(row, 'criticality', problems) ?? 3;
  const location = locationOf(row, problems);
  const parsed = AssetSchema.safeParse({
    id: ulid(),
    type: 'asset',
    tag: cells.tag ?? '',
    siteId: site?.id ?? 'unknown',
    name: cells.name ?? '',
    category,
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

/**
 * The category by its name in any case, written as the category list writes it. A name no category
 * has is refused: it is what a shifted row (a name with an unquoted comma) usually produces, and
 * the register's categories are what the desk files faults and assignment rules under.
 */
function categoryOf(row: ImportRow, categories: readonly string[], problems: ImportProblem[]): string {
  const text = row.cells.category ?? '';
  if (!text || categories.length === 0) return text;
  const known = categories.find((name) => name.toLowerCase() === text.toLowerCase());
  if (!known) problems.push({ field: cellField(row.row, 'category'), message: `"${echo(text)}" is no category; the categories are ${categories.join(', ')}` });
  return known ?? text;
}

function numberCell(row: ImportRow, column: 'criticality' | 'lat' | 'lng', problems: ImportProblem[]): number | undefined {
  const text = row.cells[column] ?? '';
  if (text === '') return undefined;
  const value = Number(text);
  if (Number.isFinite(value)) return value;
  problems.push({ field: cellField(row.row, column), message: `"${echo(text)}" is not a number` });
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
  return value ? `"${echo(value)}": ${words}` : words;
}
