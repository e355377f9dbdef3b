import type { CSSProperties } from 'react';
import type { Site } from '@shared/schemas/site';
import type { User } from '@shared/schemas/user';
import { formatTime } from '../../components/format';
import { BoardBlock, type BoardJob } from './BoardBlock';
import { hourTicks, layoutRow, nowFraction, placeSpan, type Axis } from './board-layout';
import { useBlockDrag, type DropHandler } from './useBlockDrag';

type Props = {
  axis: Axis;
  timeZone?: string;
  engineers: readonly User[];
  jobs: readonly BoardJob[];
  sites: ReadonlyMap<string, Site>;
  now: number;
  selectedId?: string;
  onSelect: (id: string) => void;
  onMoveKey: (id: string) => void;
  onDrop: DropHandler;
};

const iso = (ms: number) => new Date(ms).toISOString();
const percent = (fraction: number) => `${fraction * 100}%`;

/**
 * The day as a grid: a row per active engineer, their jobs placed on the time axis (overlapping
 * ones stacked on lanes and flagged), the "now" line when the day is today, and while dragging, a
 * dashed outline where the job would land with its new times.
 */
export function ScheduleBoard({ axis, timeZone, engineers, jobs, sites, now, selectedId, onSelect, onMoveKey, onDrop }: Props) {
  const { preview, onPointerDown, onClickCapture } = useBlockDrag(axis, onDrop);
  const nowAt = nowFraction(now, axis);
  const ticks = hourTicks(axis);
  return (
    <div className="board" data-testid="schedule-board">
      <div className="board__ruler" aria-hidden="true">
        <div className="board__corner" />
        <div className="board__hours">
          {ticks.map((tick) => (
            <span key={tick.at} className="board__hour" style={{ left: percent(tick.fraction) }}>
              {formatTime(iso(tick.at), timeZone)}
            </span>
          ))}
        </div>
      </div>
      <ul className="board__rows" aria-label="Engineers and their jobs">
        {engineers.map((engineer) => {
          const mine = jobs.filter((job) => job.wo.assigneeId === engineer.id);
          const row = layoutRow(mine, axis);
          const home = sites.get(engineer.siteIds[0] ?? '');
          const ghost = preview?.engineerId === engineer.id ? preview : undefined;
          return (
            <li key={engineer.id} className="board-row" data-engineer-row={engineer.id} data-testid="board-row" style={{ "--lanes": row.lanes } as CSSProperties}>
              <div className="board-row__who">
                <strong>{engineer.fullName}</strong>
                <span className="board-row__detail">{home ? `Home: ${home.code}` : 'No home site'}</span>
                <span className="board-row__detail">{engineer.skills.join(', ') || 'No skills listed'}</span>
                <span className="visually-hidden">{mine.length === 1 ? '1 job' : `${mine.length} jobs`}</span>
              </div>
              <div className="board-row__track" data-track>
                {ticks.map((tick) => (
                  <span key={tick.at} className="board-row__gridline" style={{ left: percent(tick.fraction) }} aria-hidden="true" />
                ))}
                {nowAt !== undefined && <span className="board__now" style={{ left: percent(nowAt) }} data-testid="now-line" aria-hidden="true" />}
                {row.blocks.map((block) => (
                  <BoardBlock
                    key={block.job.id}
                    block={block}
                    timeZone={timeZone}
                    selected={block.job.id === selectedId}
                    onSelect={onSelect}
                    onMoveKey={onMoveKey}
                    onPointerDown={(event) => onPointerDown(event, { id: block.job.id, engineerId: engineer.id, start: block.job.start, end: block.job.end })}
                    onClickCapture={onClickCapture}
                  />
                ))}
                {ghost && <DropGhost axis={axis} start={ghost.start} end={ghost.end} timeZone={timeZone} />}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function DropGhost({ axis, start, end, timeZone }: { axis: Axis; start: number; end: number; timeZone?: string }) {
  const placed = placeSpan({ start, end }, axis);
  return (
    <span className="board-ghost" style={{ left: percent(placed.left), width: percent(placed.width) }} data-testid="drop-ghost" aria-hidden="true">
      {formatTime(iso(start), timeZone)}–{formatTime(iso(end), timeZone)}
    </span>
  );
}
