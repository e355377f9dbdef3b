import { describe, expect, it } from 'vitest';
import { hasEnoughInk, inkLength, lineWidthFor, MIN_INK_LENGTH, type Stroke } from '@app/platform/signature-pad';

const line = (fromX: number, toX: number, y = 10): Stroke => [
  { x: fromX, y, pressure: 0.5 },
  { x: toX, y, pressure: 0.5 },
];

describe('signature ink', () => {
  it('measures the length of every stroke; a tap is no ink', () => {
    expect(inkLength([line(0, 30), line(0, 40)])).toBe(70);
    expect(inkLength([[{ x: 5, y: 5, pressure: 0.5 }]])).toBe(0);
    expect(inkLength([[{ x: 0, y: 0, pressure: 0.5 }, { x: 3, y: 4, pressure: 0.5 }]])).toBe(5);
  });

  it('refuses an empty pad and a stray tap, accepts a scribble', () => {
    expect(hasEnoughInk([])).toBe(false);
    expect(hasEnoughInk([line(0, MIN_INK_LENGTH - 1)])).toBe(false);
    expect(hasEnoughInk([line(0, 200)])).toBe(true);
  });

  it('draws mice and pressure-less touches at the base width, pens by pressure', () => {
    expect(lineWidthFor(0.5)).toBe(lineWidthFor(0));
    expect(lineWidthFor(1)).toBeGreaterThan(lineWidthFor(0.5));
    expect(lineWidthFor(0.1)).toBeLessThan(lineWidthFor(0.5));
  });
});
