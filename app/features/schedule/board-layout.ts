/**
 * Where the schedule board draws each job, as pure arithmetic on instants (ms): no DOM, no zones.
 * Positions are fractions of the axis (0 = its first hour, 1 = its last), so the same layout
 * serves any board width.
 */

/** Moves snap to a quarter of an hour, counted from the axis's start (a full hour on the board's clock). */
export const SNAP_MS = 15 * 60_000;
/** A job entirely before or after the axis still shows, as a stub this wide at that edge. */
export const STUB_WIDTH = 0.02;
/** A job too short to read still gets this much width. */
export const MIN_WIDTH = 0.01;

export type Axis = { start: number; end: number };
export type Span = { id: string; start: number; end: number };
/** `before`/`after`: the job lies wholly outside the axis, drawn as a stub at that edge. */
export type Outside = 'before' | 'after' | undefined;

export type PlacedBlock<J extends Span> = {
  job: J;
  left: number;
  width: number;
  /** The row's sub-line the block sits on: overlapping jobs stack instead of hiding each other. */
  lane: number;
  /** Ids of the row's other jobs whose real times overlap this one's. */
  overlapsWith: string[];
  clippedStart: boolean;
  clippedEnd: boolean;
  outside: Outside;
};

export type RowLayout<J extends Span> = { blocks: PlacedBlock<J>[]; lanes: number };

export function doSpansOverlap(a: Pick<Span, 'start' | 'end'>, b: Pick<Span, 'start' | 'end'>): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The fraction of the axis an instant sits at; outside the axis it runs past 0 or 1. */
export function fractionOf(instant: number, axis: Axis): number {
  return (instant - axis.start) / (axis.end - axis.start);
}

/** The instant at a fraction of the axis (a pointer's position along a row). */
export function instantAtFraction(fraction: number, axis: Axis): number {
  return axis.start + fraction * (axis.end - axis.start);
}

/** Where one job is drawn: clipped to the axis, or a stub at the edge it lies beyond. */
export function placeSpan(span: Pick<Span, 'start' | 'end'>, axis: Axis): Pick<PlacedBlock<Span>, 'left' | 'width' | 'clippedStart' | 'clippedEnd' | 'outside'> {
  const from = fractionOf(span.start, axis);
  const to = fractionOf(span.end, axis);
  if (to <= 0) return { left: 0, width: STUB_WIDTH, clippedStart: true, clippedEnd: true, outside: 'before' };
  if (from >= 1) return { left: 1 - STUB_WIDTH, width: STUB_WIDTH, clippedStart: true, clippedEnd: true, outside: 'after' };
  const left = Math.max(0, from);
  const right = Math.min(1, to);
  const width = Math.max(MIN_WIDTH, right - left);
  return { left: Math.min(left, 1 - width), width, clippedStart: from < 0, clippedEnd: to > 1, outside: undefined };
}

/**
 * One engineer's row: each job placed, overlaps named (by real times), and lanes given so that no
 * two drawn blocks cover each other. Lanes follow the drawn extent, not the real one: two stubs at
 * the same edge share no time but would sit on top of each other.
 */
export function layoutRow<J extends Span>(jobs: readonly J[], axis: Axis): RowLayout<J> {
  const sorted = [...jobs].sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
  const laneEnds: number[] = [];
  const blocks = sorted.map((job) => {
    const placed = placeSpan(job, axis);
    const right = placed.left + placed.width;
    let lane = laneEnds.findIndex((end) => end <= placed.left + 1e-9);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = right;
    const overlapsWith = sorted.filter((other) => other.id !== job.id && doSpansOverlap(job, other)).map((other) => other.id);
    return { job, ...placed, lane, overlapsWith };
  });
  return { blocks, lanes: Math.max(1, laneEnds.length) };
}

/** An instant rounded to the nearest step from `origin`: zones' offsets are whole quarter-hours, so this is the board clock's quarter too. */
export function snapToGrid(instant: number, origin: number, step = SNAP_MS): number {
  return origin + Math.round((instant - origin) / step) * step;
}

/** A job moved by `deltaMs`, its start snapped and its duration kept. */
export function movedSpan(span: Pick<Span, 'start' | 'end'>, deltaMs: number, origin: number): { start: number; end: number } {
  const start = snapToGrid(span.start + deltaMs, origin);
  return { start, end: start + (span.end - span.start) };
}

/** The axis's whole hours, for the ruler: each with its fraction. */
export function hourTicks(axis: Axis): { at: number; fraction: number }[] {
  const ticks: { at: number; fraction: number }[] = [];
  for (let at = axis.start; at <= axis.end; at += 3_600_000) ticks.push({ at, fraction: fractionOf(at, axis) });
  return ticks;
}

/** Where the "now" line goes, or undefined when now is off the axis. */
export function nowFraction(now: number, axis: Axis): number | undefined {
  const fraction = fractionOf(now, axis);
  return fraction >= 0 && fraction <= 1 ? fraction : undefined;
}
