/**
 * A drawing surface for signatures on a <canvas>, driven by Pointer Events so a finger, a pen and
 * a mouse all work the same way. Strokes are kept in CSS pixels and redrawn on resize (a phone
 * rotating must not lose the signature); the canvas itself is drawn at the device pixel ratio so
 * the exported image is sharp. The canvas needs `touch-action: none`, or the page scrolls instead.
 * Spec: https://www.w3.org/TR/pointerevents3/
 */

export type Point = { x: number; y: number; pressure: number };
export type Stroke = Point[];

/** Less ink than this (in CSS pixels) is a stray tap, not a signature. */
export const MIN_INK_LENGTH = 40;
const BASE_LINE_WIDTH = 2.5;
const INK = '#111827';
const PAPER = '#ffffff';

export function inkLength(strokes: readonly Stroke[]): number {
  let total = 0;
  for (const stroke of strokes) {
    for (let index = 1; index < stroke.length; index++) {
      const from = stroke[index - 1];
      const to = stroke[index];
      if (from && to) total += Math.hypot(to.x - from.x, to.y - from.y);
    }
  }
  return total;
}

export function hasEnoughInk(strokes: readonly Stroke[], minLength = MIN_INK_LENGTH): boolean {
  return inkLength(strokes) >= minLength;
}

/** Pens report real pressure; mice report 0.5 while pressed and some touch screens 0, which both get the base width. */
export function lineWidthFor(pressure: number): number {
  if (!(pressure > 0) || pressure === 0.5) return BASE_LINE_WIDTH;
  return BASE_LINE_WIDTH * (0.6 + Math.min(1, pressure) * 0.8);
}

type PadListener = (state: { hasInk: boolean; typed: boolean }) => void;

export class SignaturePad {
  private strokes: Stroke[] = [];
  private typedName: string | null = null;
  private activePointer: number | null = null;
  private lastNotified = '';

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onChange: PadListener,
  ) {}

  /** Starts listening; returns the function that stops it (call it on unmount). */
  attach(): () => void {
    const { canvas } = this;
    const down = (event: PointerEvent) => this.start(event);
    const move = (event: PointerEvent) => this.extend(event);
    const up = (event: PointerEvent) => this.end(event);
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', up);
    const resizeObserver = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => this.resize());
    resizeObserver?.observe(canvas);
    this.resize();
    return () => {
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointercancel', up);
      resizeObserver?.disconnect();
    };
  }

  hasEnoughInk(): boolean {
    return this.typedName !== null || hasEnoughInk(this.strokes);
  }

  clear(): void {
    this.strokes = [];
    this.typedName = null;
    this.redraw();
    this.notify();
  }

  /** For people who cannot draw (keyboard or switch users): the name written out stands in for strokes. */
  signWithText(name: string): void {
    this.strokes = [];
    this.typedName = name.trim() || null;
    this.redraw();
    this.notify();
  }

  toPngBlob(): Promise<Blob> {
    return new Promise((resolve, reject) => {
      this.canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The signature could not be turned into an image.'))), 'image/png');
    });
  }

  private start(event: PointerEvent): void {
    // Only the primary button of a mouse draws; a second finger must not start a second line.
    if (this.activePointer !== null || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    this.activePointer = event.pointerId;
    this.canvas.setPointerCapture(event.pointerId);
    if (this.typedName !== null) this.typedName = null;
    this.strokes.push([this.pointFrom(event)]);
    this.redraw();
    this.notify();
  }

  private extend(event: PointerEvent): void {
    if (event.pointerId !== this.activePointer) return;
    const stroke = this.strokes[this.strokes.length - 1];
    if (!stroke) return;
    // Coalesced events carry the points the browser merged between frames: smoother fast strokes.
    const events = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
    for (const sample of events.length > 0 ? events : [event]) {
      const previous = stroke[stroke.length - 1];
      const point = this.pointFrom(sample);
      stroke.push(point);
      if (previous) this.drawSegment(previous, point);
    }
    this.notify();
  }

  private end(event: PointerEvent): void {
    if (event.pointerId !== this.activePointer) return;
    this.activePointer = null;
    if (this.canvas.hasPointerCapture(event.pointerId)) this.canvas.releasePointerCapture(event.pointerId);
  }

  private pointFrom(event: PointerEvent): Point {
    const box = this.canvas.getBoundingClientRect();
    // The bounding box includes the border; the drawing surface starts inside it.
    return { x: event.clientX - box.left - this.canvas.clientLeft, y: event.clientY - box.top - this.canvas.clientTop, pressure: event.pressure };
  }

  private context(): CanvasRenderingContext2D | null {
    return this.canvas.getContext('2d');
  }

  private resize(): void {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(this.canvas.clientWidth * ratio);
    const height = Math.round(this.canvas.clientHeight * ratio);
    if (width === 0 || height === 0) return;
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    this.redraw();
  }

  private redraw(): void {
    const context = this.context();
    if (!context) return;
    const ratio = this.canvas.clientWidth > 0 ? this.canvas.width / this.canvas.clientWidth : 1;
    context.setTransform(1, 0, 0, 1, 0, 0);
    // An opaque background, so the exported PNG stays readable on a dark screen.
    context.fillStyle = PAPER;
    context.fillRect(0, 0, this.canvas.width, this.canvas.height);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (this.typedName !== null) this.drawTypedName(context, this.typedName);
    for (const stroke of this.strokes) {
      const first = stroke[0];
      if (first && stroke.length === 1) this.drawSegment(first, first);
      for (let index = 1; index < stroke.length; index++) {
        const from = stroke[index - 1];
        const to = stroke[index];
        if (from && to) this.drawSegment(from, to);
      }
    }
  }

  private drawSegment(from: Point, to: Point): void {
    const context = this.context();
    if (!context) return;
    context.strokeStyle = INK;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.lineWidth = lineWidthFor(to.pressure);
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
  }

  private drawTypedName(context: CanvasRenderingContext2D, name: string): void {
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    const size = Math.max(16, Math.min(height * 0.4, (width * 1.6) / Math.max(4, name.length)));
    context.fillStyle = INK;
    context.font = `italic ${Math.round(size)}px "Segoe Script", "Brush Script MT", cursive`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(name, width / 2, height / 2, width * 0.9);
  }

  /** Only on a change, so a listener that sets React state does not re-render on every pointer move. */
  private notify(): void {
    const state = { hasInk: this.hasEnoughInk(), typed: this.typedName !== null };
    const key = `${state.hasInk}/${state.typed}`;
    if (key === this.lastNotified) return;
    this.lastNotified = key;
    this.onChange(state);
  }
}
