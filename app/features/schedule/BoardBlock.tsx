import type { KeyboardEvent, MouseEvent, PointerEvent } from 'react';
import { Link } from 'react-router';
import type { SlaBadgeState } from '@shared/domain/sla/sla-state';
import type { WorkOrder } from '@shared/schemas/work-order';
import { formatTime } from '../../components/format';
import { shownNumber, WORK_ORDER_STATUS_LABELS } from '../../components/labels';
import type { PlacedBlock } from './board-layout';

export type BoardJob = { id: string; start: number; end: number; wo: WorkOrder; siteCode: string; title: string; sla?: { state: SlaBadgeState; label: string } };

type Props = {
  block: PlacedBlock<BoardJob>;
  timeZone?: string;
  selected: boolean;
  onSelect: (id: string) => void;
  onMoveKey: (id: string) => void;
  onPointerDown: (event: PointerEvent<HTMLElement>) => void;
  onClickCapture: (event: MouseEvent<HTMLElement>) => void;
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One job on an engineer's row: a link to the job (click or Enter opens it), draggable with a mouse,
 * and "M" opens the Move dialog from the keyboard. Everything colour says is in words too: status,
 * SLA, overlap, and a clipped edge's real time.
 */
export function BoardBlock({ block, timeZone, selected, onSelect, onMoveKey, onPointerDown, onClickCapture }: Props) {
  const { job } = block;
  const { wo } = job;
  const times = `${formatTime(iso(job.start), timeZone)}–${formatTime(iso(job.end), timeZone)}`;
  const overlaps = block.overlapsWith.length > 0;
  const classes = ['board-block', `board-block--${wo.status}`, job.sla ? `board-block--sla-${job.sla.state}` : '', overlaps ? 'board-block--overlap' : '', selected ? 'board-block--selected' : ''];
  function onKeyDown(event: KeyboardEvent<HTMLAnchorElement>) {
    if (event.key !== 'm' && event.key !== 'M') return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    onMoveKey(wo.id);
  }
  return (
    <Link
      to={`/work-orders/${wo.id}`}
      className={classes.filter(Boolean).join(' ')}
      style={{ left: `${block.left * 100}%`, width: `${block.width * 100}%`, top: `calc(${block.lane} * var(--lane-height))` }}
      draggable={false}
      title={`${shownNumber(wo.number)} · ${times} · ${job.title}`}
      aria-keyshortcuts="M"
      data-testid="board-block"
      data-id={wo.id}
      data-engineer={wo.assigneeId}
      data-status={wo.status}
      data-overlap={overlaps || undefined}
      data-outside={block.outside}
      onFocus={() => onSelect(wo.id)}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onClickCapture={onClickCapture}
    >
      {block.outside && (
        // A stub at the edge: too narrow for words, which the title and the hidden text carry.
        <span className="board-block__edge" aria-hidden="true">
          {block.outside === 'before' ? '◂' : '▸'}
        </span>
      )}
      <span className="board-block__line">
        {block.clippedStart && <span aria-hidden="true">◂ </span>}
        <strong>{shownNumber(wo.number)}</strong>
        {block.clippedEnd && <span aria-hidden="true"> ▸</span>}
      </span>
      <span className="board-block__site">
        <span className="visually-hidden">, </span>
        {job.siteCode}
      </span>
      <span className="board-block__title">
        <span className="visually-hidden">, </span>
        {job.title}
      </span>
      <span className="board-block__meta">
        <span className="visually-hidden">, </span>
        {WORK_ORDER_STATUS_LABELS[wo.status]}
        {job.sla && <span className={`board-block__sla board-block__sla--${job.sla.state}`}> · {job.sla.label}</span>}
        {overlaps && <span className="board-block__overlap"> · Overlaps</span>}
      </span>
      <span className="visually-hidden">
        {block.outside ? `${shownNumber(wo.number)}, ${job.siteCode}, ${job.title}, ${WORK_ORDER_STATUS_LABELS[wo.status]}, ${times} (outside the board's hours)` : `, ${times}`}
      </span>
    </Link>
  );
}
