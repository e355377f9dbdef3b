/**
 * One line of the benchmark table: what was measured, our figure, the baseline it is compared
 * with, the ratio and the target from the issue with its verdict. Pure: formatting and target
 * checks are unit-tested (tests/unit/bench/bench-row.test.ts); the bench itself never runs in tests.
 */
export type Target = {
  /** Which figure the target applies to: our value, or the ratio against the baseline. */
  on: 'value' | 'ratio';
  op: '<=' | '>=';
  limit: number;
  /** As written in the issue, e.g. "≤ 2× floor". */
  text: string;
};

export type Ratio = { value: number; text: string };

export type BenchRow = {
  section: string;
  measure: string;
  /** Our figure; undefined when it could not be measured (see note). */
  value?: number;
  unit: string;
  baseline?: { label: string; value: number; unit: string };
  ratio?: Ratio;
  target?: Target;
  note?: string;
};

export type Verdict = 'pass' | 'fail' | 'none';

/** ours / baseline: "1.4× floor" (below 1 is faster than the baseline). */
export function timesOf(ours: number, baseline: number, label: string): Ratio {
  const value = ours / baseline;
  return { value, text: `${formatNumber(value, 2)}× ${label}` };
}

/** baseline / ours: "4.2× faster than PouchDB". */
export function speedupOver(ours: number, baseline: number, label: string): Ratio {
  const value = baseline / ours;
  const text = value >= 1 ? `${formatNumber(value, 2)}× faster than ${label}` : `${formatNumber(1 / value, 2)}× slower than ${label}`;
  return { value, text };
}

export function evaluate(row: BenchRow): Verdict {
  const { target } = row;
  if (!target) return 'none';
  const subject = target.on === 'value' ? row.value : row.ratio?.value;
  if (subject === undefined || !Number.isFinite(subject)) return 'fail';
  return target.op === '<=' ? (subject <= target.limit ? 'pass' : 'fail') : subject >= target.limit ? 'pass' : 'fail';
}

export const VERDICT_MARK: Record<Verdict, string> = { pass: '✓', fail: '✗', none: '' };

/** Three significant figures at most, thousands grouped: 14 523 ms, 5.87 s, 0.42. */
export function formatNumber(value: number, maxDecimals = 1): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const decimals = abs >= 100 ? 0 : abs >= 10 ? Math.min(1, maxDecimals) : maxDecimals;
  return value.toLocaleString('en-GB', { maximumFractionDigits: decimals, minimumFractionDigits: 0 }).replace(/,/g, ' ');
}

export const TABLE_HEADER = ['section', 'measure', 'ours', 'baseline', 'ratio', 'target', ''] as const;

export function rowCells(row: BenchRow): string[] {
  const ours = row.value === undefined ? `n/a${row.note ? ` (${row.note})` : ''}` : `${formatNumber(row.value)} ${row.unit}`.trim();
  const baseline = row.baseline ? `${row.baseline.label} ${formatNumber(row.baseline.value)} ${row.baseline.unit}`.trim() : '';
  return [row.section, row.measure, ours, baseline, row.ratio?.text ?? '', row.target?.text ?? '', VERDICT_MARK[evaluate(row)]];
}

/** A plain-text table for the terminal, columns padded to their widest cell. */
export function formatTextTable(rows: readonly BenchRow[]): string {
  const lines = [[...TABLE_HEADER], ...rows.map(rowCells)];
  const widths = TABLE_HEADER.map((_, column) => Math.max(...lines.map((cells) => [...(cells[column] ?? '')].length)));
  const render = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [render(lines[0] ?? []), rule, ...lines.slice(1).map(render)].join('\n');
}

/** The same table in Markdown, for docs/benchmarks.md. */
export function formatMarkdownTable(rows: readonly BenchRow[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const header = `| ${TABLE_HEADER.map(escape).join(' | ')} |`;
  const rule = `|${TABLE_HEADER.map(() => '---').join('|')}|`;
  return [header, rule, ...rows.map((row) => `| ${rowCells(row).map(escape).join(' | ')} |`)].join('\n');
}

export function summarize(rows: readonly BenchRow[]): { passed: number; failed: number } {
  const verdicts = rows.map(evaluate);
  return { passed: verdicts.filter((v) => v === 'pass').length, failed: verdicts.filter((v) => v === 'fail').length };
}

/** Notes of measured rows (unmeasured rows carry theirs in the table), one line each. */
export function formatNotes(rows: readonly BenchRow[]): string[] {
  return rows.filter((row) => row.value !== undefined && row.note).map((row) => `${row.section} — ${row.measure}: ${row.note}`);
}
