import { describe, expect, it } from 'vitest';
import { hourTicks, layoutRow, MIN_WIDTH, movedSpan, nowFraction, placeSpan, SNAP_MS, snapToGrid, STUB_WIDTH, type Span } from '@app/features/schedule/board-layout';

/** A 06:00–20:00 axis (14 h) on 2 March 2026, UTC. */
const H = 3_600_000;
const axisStart = Date.parse('2026-03-02T06:00:00.000Z');
const axis = { start: axisStart, end: axisStart + 14 * H };
const at = (hours: number) => axisStart + hours * H;
const job = (id: string, fromHours: number, toHours: number): Span => ({ id, start: at(fromHours), end: at(toHours) });

describe('placing a job on the axis', () => {
  it('puts a job inside the hours at its share of the axis', () => {
    const placed = placeSpan(job('a', 2, 3.5), axis);
    expect(placed).toMatchObject({ clippedStart: false, clippedEnd: false, outside: undefined });
    expect(placed.left).toBeCloseTo(2 / 14);
    expect(placed.width).toBeCloseTo(1.5 / 14);
  });

  it('clips a job that starts before the first hour or ends after the last at that edge', () => {
    const early = placeSpan(job('a', -1.5, 1), axis);
    expect(early).toMatchObject({ left: 0, clippedStart: true, clippedEnd: false });
    expect(early.width).toBeCloseTo(1 / 14);
    const late = placeSpan(job('b', 13, 16), axis);
    expect(late).toMatchObject({ left: 13 / 14, clippedStart: false, clippedEnd: true });
    expect(late.left + late.width).toBeCloseTo(1);
  });

  it('shows a job wholly outside the hours as a stub at the edge it lies beyond', () => {
    expect(placeSpan(job('a', -5, -4), axis)).toEqual({ left: 0, width: STUB_WIDTH, clippedStart: true, clippedEnd: true, outside: 'before' });
    expect(placeSpan(job('b', 14, 15), axis)).toEqual({ left: 1 - STUB_WIDTH, width: STUB_WIDTH, clippedStart: true, clippedEnd: true, outside: 'after' });
    // Ending exactly at the first hour is before it; starting exactly at the last hour is after it.
    expect(placeSpan(job('c', -1, 0), axis).outside).toBe('before');
    expect(placeSpan(job('d', 14, 14.5), axis).outside).toBe('after');
  });

  it('gives a very short job a readable width, kept inside the axis', () => {
    const tiny = placeSpan({ start: at(13.99), end: at(14) }, axis);
    expect(tiny.width).toBe(MIN_WIDTH);
    expect(tiny.left + tiny.width).toBeLessThanOrEqual(1);
  });
});

describe('an engineer’s row', () => {
  it('flags overlapping jobs and stacks them on lanes; touching jobs do not overlap', () => {
    const row = layoutRow([job('c', 4, 5), job('a', 1, 3), job('b', 2, 4), job('d', 5, 6)], axis);
    const byId = new Map(row.blocks.map((block) => [block.job.id, block]));
    expect(row.blocks.map((block) => block.job.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(byId.get('a')?.overlapsWith).toEqual(['b']);
    expect(byId.get('b')?.overlapsWith).toEqual(['a']);
    expect(byId.get('c')?.overlapsWith).toEqual([]);
    expect(byId.get('d')?.overlapsWith).toEqual([]);
    expect([byId.get('a')?.lane, byId.get('b')?.lane, byId.get('c')?.lane, byId.get('d')?.lane]).toEqual([0, 1, 0, 0]);
    expect(row.lanes).toBe(2);
  });

  it('uses as many lanes as jobs overlap at once', () => {
    const row = layoutRow([job('a', 1, 5), job('b', 2, 3), job('c', 2.5, 4), job('d', 3, 3.5)], axis);
    expect(row.lanes).toBe(3);
    expect(row.blocks.find((block) => block.job.id === 'a')?.overlapsWith).toEqual(['b', 'c', 'd']);
  });

  it('puts two stubs at the same edge on separate lanes without calling them overlapping', () => {
    const row = layoutRow([job('a', -6, -5), job('b', -3, -2)], axis);
    expect(row.blocks.map((block) => block.lane)).toEqual([0, 1]);
    expect(row.blocks.every((block) => block.overlapsWith.length === 0)).toBe(true);
  });

  it('has one lane when empty', () => {
    expect(layoutRow([], axis)).toEqual({ blocks: [], lanes: 1 });
  });
});

describe('moving a job', () => {
  it('snaps to the nearest quarter hour from the axis start', () => {
    expect(snapToGrid(at(1) + 7 * 60_000, axisStart)).toBe(at(1));
    expect(snapToGrid(at(1) + 8 * 60_000, axisStart)).toBe(at(1) + SNAP_MS);
    expect(snapToGrid(at(-1) - 8 * 60_000, axisStart)).toBe(at(-1) - SNAP_MS);
  });

  it('keeps the duration, its start snapped, whichever way it moves', () => {
    const span = { start: at(2) + 10 * 60_000, end: at(3) + 40 * 60_000 }; // 1 h 30, off the grid
    const later = movedSpan(span, 52 * 60_000, axisStart);
    expect(later).toEqual({ start: at(3), end: at(3) + 90 * 60_000 });
    const earlier = movedSpan(span, -3 * H, axisStart);
    // 03:10 less 3 h is 00:10 before the axis: the nearest quarter is 00:15.
    expect(earlier.start).toBe(at(-1) + SNAP_MS);
    expect(earlier.end - earlier.start).toBe(90 * 60_000);
  });
});

describe('the ruler and the now line', () => {
  it('has a tick per whole hour, first and last hours included', () => {
    const ticks = hourTicks(axis);
    expect(ticks).toHaveLength(15);
    expect(ticks[0]).toEqual({ at: axisStart, fraction: 0 });
    expect(ticks.at(-1)).toEqual({ at: at(14), fraction: 1 });
  });

  it('draws now only when it is on the axis', () => {
    expect(nowFraction(at(7), axis)).toBe(0.5);
    expect(nowFraction(at(-0.5), axis)).toBeUndefined();
    expect(nowFraction(at(14.5), axis)).toBeUndefined();
  });
});
