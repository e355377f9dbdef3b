import { useCallback, useEffect, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { movedSpan, type Axis } from './board-layout';

/** Where a dragged job would land: the row under the pointer, its start snapped, its duration kept. */
export type DragPreview = { id: string; engineerId: string; start: number; end: number };
export type DropHandler = (id: string, engineerId: string, start: number) => void;

type Pressed = { id: string; engineerId: string; start: number; end: number; x: number; y: number; trackWidth: number; moved: boolean };

/** A press that travels less than this is a click (open the job), not a drag. */
const DRAG_THRESHOLD_PX = 5;

/**
 * Dragging blocks with plain pointer events (docs/decisions.md, "Schedule board"): the pointer's
 * travel along the row is time on the axis, the row under it is the engineer. Mouse and pen only:
 * on a touch screen a press on a block must still scroll the board (the Move dialog serves there).
 * Escape cancels. The click that ends a drag is swallowed, so a drop never also opens the job.
 */
export function useBlockDrag(axis: Axis, onDrop: DropHandler) {
  const [preview, setPreview] = useState<DragPreview>();
  const pressed = useRef<Pressed | undefined>(undefined);
  const swallowClick = useRef(false);
  const detach = useRef<() => void>(undefined);
  const latest = useRef({ axis, onDrop });
  useEffect(() => {
    latest.current = { axis, onDrop };
  });
  useEffect(() => () => detach.current?.(), []);

  const previewAt = useCallback((clientX: number, clientY: number): DragPreview | undefined => {
    const press = pressed.current;
    if (!press) return undefined;
    const { axis: current } = latest.current;
    const deltaMs = ((clientX - press.x) / press.trackWidth) * (current.end - current.start);
    const landed = movedSpan(press, deltaMs, current.start);
    const row = document.elementFromPoint(clientX, clientY)?.closest<HTMLElement>('[data-engineer-row]');
    return { id: press.id, engineerId: row?.dataset.engineerRow ?? press.engineerId, ...landed };
  }, []);

  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLElement>, job: { id: string; engineerId: string; start: number; end: number }) => {
      if (event.button !== 0 || event.pointerType === 'touch') return;
      const track = event.currentTarget.closest<HTMLElement>('[data-track]');
      if (!track) return;
      pressed.current = { ...job, x: event.clientX, y: event.clientY, trackWidth: track.getBoundingClientRect().width, moved: false };
      let last: DragPreview | undefined;
      const move = (moveEvent: globalThis.PointerEvent) => {
        const press = pressed.current;
        if (!press) return;
        if (!press.moved && Math.hypot(moveEvent.clientX - press.x, moveEvent.clientY - press.y) < DRAG_THRESHOLD_PX) return;
        press.moved = true;
        last = previewAt(moveEvent.clientX, moveEvent.clientY);
        setPreview(last);
      };
      const end = (commit: boolean) => {
        const press = pressed.current;
        detach.current?.();
        pressed.current = undefined;
        setPreview(undefined);
        if (!press?.moved) return;
        swallowClick.current = true;
        // A click follows the release in the same task when there is one; none may come.
        setTimeout(() => (swallowClick.current = false), 0);
        if (commit && last) latest.current.onDrop(last.id, last.engineerId, last.start);
      };
      const up = () => end(true);
      const cancel = () => end(false);
      const key = (keyEvent: KeyboardEvent) => {
        if (keyEvent.key === 'Escape') cancel();
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
      window.addEventListener('pointercancel', cancel);
      window.addEventListener('keydown', key);
      detach.current = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        window.removeEventListener('pointercancel', cancel);
        window.removeEventListener('keydown', key);
        detach.current = undefined;
      };
    },
    [previewAt],
  );

  /** On each block's click: a click ending a drag must not open the job. */
  const onClickCapture = useCallback((event: MouseEvent<HTMLElement>) => {
    if (!swallowClick.current) return;
    swallowClick.current = false;
    event.preventDefault();
    event.stopPropagation();
  }, []);

  return { preview, onPointerDown, onClickCapture };
}
