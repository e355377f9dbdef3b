import { SLA_STATES, TICKET_STATUSES } from '@shared/schemas/ticket';
import { OPEN_TICKET_STATUSES, type QueueFilters } from '@shared/domain/ticket-queue';
import type { Category } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import type { User } from '@shared/schemas/user';
import { SLA_STATE_LABELS } from '../../components/labels';
import { TICKET_STATUS_LABELS } from '../tickets/ticket-labels';
import './dispatch.css';
import { CategoryOptions, PersonOptions, PriorityOptions, SiteOptions } from '../../components/ReferenceOptions';

type Props = {
  filters: QueueFilters;
  onChange: (patch: Partial<QueueFilters>) => void;
  sites: readonly Site[];
  engineers: readonly User[];
  categories: readonly Category[];
};

const OPEN = OPEN_TICKET_STATUSES.join(',');

/** One control per filter; each change rewrites the URL (useQueueFilters). */
export function QueueFilterBar({ filters, onChange, sites, engineers, categories }: Props) {
  const status = filters.status.join(',');
  return (
    <form className="queue-filters" role="search" aria-label="Filter tickets" onSubmit={(event) => event.preventDefault()}>
      <label>
        Search
        <input type="search" value={filters.q ?? ''} onChange={(event) => onChange({ q: event.target.value || undefined })} placeholder="Number, title, tag…" />
      </label>
      <label>
        Status
        <select value={status} onChange={(event) => onChange({ status: event.target.value ? (event.target.value.split(',') as QueueFilters['status']) : [] })}>
          <option value="">Any</option>
          <option value={OPEN}>Open</option>
          {TICKET_STATUSES.map((value) => (
            <option key={value} value={value}>
              {TICKET_STATUS_LABELS[value]}
            </option>
          ))}
          {status && status !== OPEN && !TICKET_STATUSES.includes(status as never) && <option value={status}>{status}</option>}
        </select>
      </label>
      <label>
        Priority
        <select value={filters.priority[0] ?? ''} onChange={(event) => onChange({ priority: event.target.value ? [event.target.value as QueueFilters['priority'][number]] : [] })}>
          <option value="">Any</option>
          <PriorityOptions />
        </select>
      </label>
      <label>
        SLA
        <select value={filters.sla[0] ?? ''} onChange={(event) => onChange({ sla: event.target.value ? [event.target.value as QueueFilters['sla'][number]] : [] })}>
          <option value="">Any</option>
          {SLA_STATES.map((value) => (
            <option key={value} value={value}>
              {SLA_STATE_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Site
        <select value={filters.site ?? ''} onChange={(event) => onChange({ site: event.target.value || undefined })}>
          <option value="">Any</option>
          <SiteOptions sites={sites} />
        </select>
      </label>
      <label>
        Assignee
        <select value={filters.assignee ?? ''} onChange={(event) => onChange({ assignee: event.target.value || undefined })}>
          <option value="">Anyone</option>
          <option value="none">Unassigned</option>
          <PersonOptions people={engineers} />
        </select>
      </label>
      <label>
        Category
        <select value={filters.category ?? ''} onChange={(event) => onChange({ category: event.target.value || undefined })}>
          <option value="">Any</option>
          <CategoryOptions categories={categories} />
        </select>
      </label>
    </form>
  );
}
