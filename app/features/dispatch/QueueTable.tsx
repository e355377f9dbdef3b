import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import type { User } from '@shared/schemas/user';
import { PriorityBadge, SlaBadge } from '../../components/Badges';
import { describeSlaDue } from '../../components/sla-text';
import { UnsyncedMarker } from '../../components/UnsyncedMarker';
import { TICKET_STATUS_LABELS } from '../tickets/ticket-labels';
import { shownNumber } from '../../components/labels';

type Props = {
  tickets: readonly Ticket[];
  sites: readonly Site[];
  engineers: readonly User[];
  now: Date;
  selected: ReadonlySet<string>;
  onSelectedChange: (next: ReadonlySet<string>) => void;
};

/**
 * The queue as a table. Keyboard: the rows are one tab stop (a roving tabindex: the row last
 * focused, else the first, is the only one Tab reaches; the checkboxes and links inside rows are
 * for the mouse), ↑/↓ (or k/j) move between rows, Home/End to the first/last, Enter opens the
 * ticket, Space or x selects the row for a bulk change. So Tab passes the whole queue in one step.
 */
export function QueueTable({ tickets, sites, engineers, now, selected, onSelectedChange }: Props) {
  const body = useRef<HTMLTableSectionElement>(null);
  const navigate = useNavigate();
  // The row that holds the table's one tab stop; when it leaves the list (filtered out, synced
  // away), the first row takes it.
  const [activeId, setActiveId] = useState<string>();
  const tabStopId = tickets.some((ticket) => ticket.id === activeId) ? activeId : tickets[0]?.id;
  const siteName = new Map(sites.map((site) => [site.id, site.name]));
  const userName = new Map(engineers.map((user) => [user.id, user.fullName]));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };
  const allSelected = tickets.length > 0 && tickets.every((ticket) => selected.has(ticket.id));

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const rows = [...(body.current?.querySelectorAll<HTMLTableRowElement>('tr[data-id]') ?? [])];
    const current = rows.findIndex((row) => row.contains(document.activeElement));
    const focusRow = (index: number) => rows[Math.max(0, Math.min(rows.length - 1, index))]?.focus();
    const id = rows[current]?.dataset.id;
    if (event.key === 'ArrowDown' || event.key === 'j') focusRow(current + 1);
    else if (event.key === 'ArrowUp' || event.key === 'k') focusRow(current - 1);
    else if (event.key === 'Home') focusRow(0);
    else if (event.key === 'End') focusRow(rows.length - 1);
    else if ((event.key === ' ' || event.key === 'x') && id && !(event.target instanceof HTMLInputElement)) toggle(id);
    else if (event.key === 'Enter' && id && event.target instanceof HTMLTableRowElement) void navigate(`/tickets/${id}`);
    else return;
    event.preventDefault();
  }

  // Focus anywhere in a row (a click on its checkbox too) makes that row the tab stop.
  function onFocus(event: FocusEvent<HTMLTableSectionElement>) {
    const row = event.target.closest<HTMLTableRowElement>('tr[data-id]');
    if (row?.dataset.id) setActiveId(row.dataset.id);
  }

  if (tickets.length === 0) return <p className="empty-state">No tickets match these filters.</p>;
  return (
    <table className="queue-table" aria-label="Tickets, most urgent first">
      <thead>
        <tr>
          <th scope="col">
            <input type="checkbox" aria-label="Select all shown" checked={allSelected} onChange={() => onSelectedChange(allSelected ? new Set() : new Set(tickets.map((t) => t.id)))} />
          </th>
          <th scope="col">Ticket</th>
          <th scope="col">Title</th>
          <th scope="col">Site</th>
          <th scope="col">Priority</th>
          <th scope="col">SLA</th>
          <th scope="col">Status</th>
          <th scope="col">Assignee</th>
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={onKeyDown} onFocus={onFocus}>
        {tickets.map((ticket) => (
          <tr key={ticket.id} data-id={ticket.id} data-testid="queue-row" tabIndex={ticket.id === tabStopId ? 0 : -1} aria-selected={selected.has(ticket.id)} className={selected.has(ticket.id) ? 'is-selected' : undefined}>
            <td>
              <input type="checkbox" tabIndex={-1} aria-label={`Select ${ticket.number}`} checked={selected.has(ticket.id)} onChange={() => toggle(ticket.id)} />
            </td>
            <td>
              <Link to={`/tickets/${ticket.id}`} tabIndex={-1}>
                {shownNumber(ticket.number)}
              </Link> <UnsyncedMarker collection="tickets" id={ticket.id} />
            </td>
            <td>{ticket.title}</td>
            <td>{siteName.get(ticket.siteId) ?? ticket.siteId}</td>
            <td>
              <PriorityBadge priority={ticket.priority} />
            </td>
            <td>
              <SlaBadge ticket={ticket} now={now} /> <span className="queue-table__due">{describeSlaDue(ticket, now)}</span>
            </td>
            <td data-status={ticket.status}>{TICKET_STATUS_LABELS[ticket.status]}</td>
            <td>{ticket.assigneeId ? (userName.get(ticket.assigneeId) ?? ticket.assigneeId) : <span className="muted">Unassigned</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
