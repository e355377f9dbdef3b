import { describe, expect, it } from 'vitest';
import { type BenchRow, evaluate, formatMarkdownTable, formatNotes, formatTextTable, speedupOver, summarize, timesOf } from '../../../bench/bench-row';
import { median, percentile } from '../../../bench/stats';

const row = (overrides: Partial<BenchRow>): BenchRow => ({ section: 'initial sync', measure: '10,000 work orders', unit: 'ms', ...overrides });

describe('bench rows', () => {
  it('judge a value target and a ratio target', () => {
    expect(evaluate(row({ value: 900, target: { on: 'value', op: '<=', limit: 1000, text: '≤ 1 s' } }))).toBe('pass');
    expect(evaluate(row({ value: 1100, target: { on: 'value', op: '<=', limit: 1000, text: '≤ 1 s' } }))).toBe('fail');
    const faster = row({ value: 2000, ratio: speedupOver(2000, 9000, 'PouchDB'), target: { on: 'ratio', op: '>=', limit: 4, text: '≥ 4× faster' } });
    expect(evaluate(faster)).toBe('pass');
    expect(evaluate({ ...faster, ratio: speedupOver(3000, 9000, 'PouchDB') })).toBe('fail');
    expect(evaluate(row({ value: 3000, ratio: timesOf(3000, 1700, 'floor'), target: { on: 'ratio', op: '<=', limit: 2, text: '≤ 2× floor' } }))).toBe('pass');
  });

  it('count a row that could not be measured as missed, and a row without target as neither', () => {
    expect(evaluate(row({ note: 'not merged yet', target: { on: 'value', op: '<=', limit: 200, text: '≤ 200 ms' } }))).toBe('fail');
    expect(evaluate(row({ value: 5 }))).toBe('none');
    expect(summarize([row({ value: 5 }), row({ value: 1, target: { on: 'value', op: '<=', limit: 2, text: '≤ 2' } })])).toEqual({ passed: 1, failed: 0 });
  });

  it('word ratios both ways', () => {
    expect(speedupOver(2000, 9000, 'PouchDB').text).toBe('4.5× faster than PouchDB');
    expect(speedupOver(4000, 2000, 'RxDB').text).toBe('2× slower than RxDB');
    expect(timesOf(3400, 1700, 'floor').text).toBe('2× floor');
  });

  it('format one aligned text table and a Markdown table with marks and notes', () => {
    const rows = [
      row({ value: 14_523, baseline: { label: 'floor', value: 1700, unit: 'ms' }, ratio: timesOf(14_523, 1700, 'floor'), target: { on: 'ratio', op: '<=', limit: 2, text: '≤ 2× floor' }, note: 'machine shared' }),
      row({ measure: 'first screen', note: 'not measured' }),
    ];
    const text = formatTextTable(rows).split('\n');
    expect(text[0]).toMatch(/^section\s+measure\s+ours\s+baseline\s+ratio\s+target$/);
    expect(text[2]).toContain('14 523 ms');
    expect(text[2]).toContain('8.54× floor');
    expect(text[2]?.trimEnd().endsWith('✗')).toBe(true);
    expect(text[3]).toContain('n/a (not measured)');
    const markdown = formatMarkdownTable(rows).split('\n');
    expect(markdown).toHaveLength(4);
    expect(markdown[2]).toBe('| initial sync | 10,000 work orders | 14 523 ms | floor 1 700 ms | 8.54× floor | ≤ 2× floor | ✗ |');
    expect(formatNotes(rows)).toEqual(['initial sync — 10,000 work orders: machine shared']);
  });
});

describe('bench statistics', () => {
  it('take nearest-rank percentiles and medians', () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
  });
});
