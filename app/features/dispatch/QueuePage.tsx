import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { filterTickets, queueFiltersToParams, sortBySlaUrgency } from '@shared/domain/ticket-queue';
import { useNow } from '../../components/useNow';
import { useCollection } from '../../db/useCollection';
import { useFirstScreenShown } from '../../session/first-screen';
import { BulkBar } from './BulkBar';
import { QueueFilterBar } from './QueueFilterBar';
import { QueueTable } from './QueueTable';
import { useDeskReference } from './useDeskReference';
import { useQueueFilters } from './useQueueFilters';
import './dispatch.css';

/** Rows rendered at once; the count says how many more match (narrow the filters to see them). */
const ROW_LIMIT = 300;

/**
 * The dispatcher's home: every ticket on this device, live from replication, filtered by the URL
 * and sorted by SLA urgency (overdue first). Select rows for bulk assignment or status changes.
 */
export function QueuePage() {
  const [filters, setFilters] = useQueueFilters();
  const tickets = useCollection('tickets');
  const reference = useDeskReference();
  const now = useNow(30_000);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const matching = useMemo(() => sortBySlaUrgency(filterTickets(tickets ?? [], filters), now), [tickets, filters, now]);
  const shown = matching.slice(0, ROW_LIMIT);
  const selectedTickets = matching.filter((ticket) => selected.has(ticket.id));
  const query = queueFiltersToParams(filters).toString();
  useFirstScreenShown(tickets !== undefined);

  return (
    <div className="desk queue">
      <div className="desk__title">
        <h1>
          Ticket queue <span className="count" data-testid="queue-count">({matching.length})</span>
        </h1>
        <div className="link-row">
          <Link to="/tickets/new" className="button">
            New ticket
          </Link>
          <Link to={`/reports${query ? `?${query}` : ''}`}>Report and CSV for these filters</Link>
        </div>
      </div>
      <QueueFilterBar filters={filters} onChange={setFilters} sites={reference.sites} engineers={reference.engineers} categories={reference.categories} />
      <BulkBar tickets={selectedTickets} engineers={reference.engineers} onDone={() => setSelected(new Set())} />
      {!tickets ? (
        <p className="page-message" role="status">Loading tickets…</p>
      ) : (
        <QueueTable tickets={shown} sites={reference.sites} engineers={reference.users} now={now} selected={selected} onSelectedChange={setSelected} />
      )}
      {matching.length > shown.length && <p className="muted">Showing the {ROW_LIMIT} most urgent of {matching.length}; narrow the filters to see the rest.</p>}
    </div>
  );
}
