import { Link, useParams } from 'react-router';
import { map, scan, type Observable } from 'rxjs';
import type { WorkOrder } from '@shared/schemas/work-order';
import { toDomain, useDocument, useLiveQuery } from '../../db/hooks';
import { outboxId } from '../../db/outbox';
import { useDocumentsByIds } from '../../db/useDocumentsByIds';
import type { AppDatabase } from '../../db/database';
import { useSession } from '../../session/SessionContext';
import { ChecklistSection } from './ChecklistSection';
import { CheckInSection } from './CheckInSection';
import { CompletionSection } from './CompletionSection';
import { DuplicateWorkWarning } from './DuplicateWorkWarning';
import { NotesSection } from './NotesSection';
import { PartsSection } from './PartsSection';
import { PhotosSection } from './PhotosSection';
import { ScheduleSection } from './ScheduleSection';
import { SignatureSection } from './SignatureSection';
import { StatusSection } from './StatusSection';
import { TicketCommentsSection, TicketSection } from './TicketSection';
import { TimeLogsSection } from './TimeLogsSection';
import { WorkOrderHeader } from './WorkOrderHeader';
import { recordsSiteWork } from './work-order-actions';

type PageState = { kind: 'loading' } | { kind: 'found'; wo: WorkOrder } | { kind: 'missing'; wasHere: boolean };

/**
 * A work order, live: a sync that changes it re-renders the page, and one that removes it (the job
 * was reassigned) replaces the page with an explanation instead of failing.
 */
function workOrderState$(db: AppDatabase, id: string): Observable<PageState> {
  return db.workOrders.findOne(id).$.pipe(
    map((doc) => (doc ? toDomain<WorkOrder>(doc.toJSON()) : undefined)),
    scan<WorkOrder | undefined, PageState>(
      (previous, wo) => (wo ? { kind: 'found', wo } : { kind: 'missing', wasHere: previous.kind === 'found' || (previous.kind === 'missing' && previous.wasHere) }),
      { kind: 'loading' },
    ),
  );
}

export function WorkOrderPage() {
  const { id = '' } = useParams();
  const state = useLiveQuery((db) => workOrderState$(db, id), [id], { kind: 'loading' } as PageState);
  if (state.kind === 'loading') return <p className="page-message" role="status">Opening the work order…</p>;
  if (state.kind === 'missing') return <MissingWorkOrder id={id} wasHere={state.wasHere} />;
  return <WorkOrderDetail wo={state.wo} />;
}

/**
 * A job that left the device (reassigned) says whether what the engineer recorded on it got
 * through: work done offline on it is handed in to the server first, and seeing the job vanish
 * without a word reads as lost work.
 */
function MissingWorkOrder({ id, wasHere }: { id: string; wasHere: boolean }) {
  // Unknown until the outbox answers: a reassurance shown before that could be false.
  const pending = useLiveQuery((db) => db.outbox.findOne(outboxId('workOrders', id)).$.pipe(map(Boolean)), [id], undefined as boolean | undefined);
  return (
    <div className="page-message" role="alert" data-testid="wo-missing">
      <p>{wasHere ? 'This work order is no longer assigned to you.' : 'This work order is not on this device. It may not be assigned to you, or it has not synced yet.'}</p>
      {wasHere && pending !== undefined && (
        <p data-testid="wo-handed-in">
          {pending ? 'Your changes to it are still on their way to the server; this device keeps them until they arrive.' : 'Everything you recorded on it has reached the server.'}
        </p>
      )}
      <Link to="/">Back to Today</Link>
    </div>
  );
}

/**
 * Sections are plain <section>s under an <h2> (headings are the way around the page): labelling
 * them too would give "Notes" and "Comment" second, competing accessible names next to the fields.
 */
function WorkOrderDetail({ wo }: { wo: WorkOrder }) {
  const { user } = useSession();
  const site = useDocument('sites', wo.siteId);
  const asset = useDocument('assets', wo.assetId);
  const people = [user.id, wo.assigneeId, ...wo.notes.map((note) => note.by), ...wo.timeLogs.map((log) => log.by), ...wo.checklist.map((item) => item.doneBy)];
  const users = useDocumentsByIds('users', people);
  const timeZone = site?.timezone;
  const readOnly = !recordsSiteWork(wo, user);
  return (
    <article className="wo-page" data-testid="work-order" data-id={wo.id}>
      <WorkOrderHeader wo={wo} site={site} asset={asset} />
      <DuplicateWorkWarning wo={wo} />
      {readOnly && <SiteWorkNote assigneeName={users.get(wo.assigneeId)?.fullName} />}
      <StatusSection wo={wo} />
      <ScheduleSection wo={wo} timeZone={timeZone} />
      {wo.ticketId && <TicketSection ticketId={wo.ticketId} />}
      <CheckInSection wo={wo} site={site} readOnly={readOnly} />
      <ChecklistSection wo={wo} users={users} timeZone={timeZone} />
      <TimeLogsSection wo={wo} users={users} timeZone={timeZone} readOnly={readOnly} />
      <PartsSection wo={wo} />
      <NotesSection wo={wo} users={users} timeZone={timeZone} />
      <PhotosSection workOrder={wo} />
      <SignatureSection workOrder={wo} readOnly={readOnly} />
      <CompletionSection wo={wo} timeZone={timeZone} />
      {wo.ticketId && <TicketCommentsSection ticketId={wo.ticketId} timeZone={timeZone} />}
    </article>
  );
}

/** Why the desk sees the site work without its buttons: it is recorded on the engineer's phone. */
function SiteWorkNote({ assigneeName = 'the assigned engineer' }: { assigneeName?: string }) {
  return (
    <p className="page-message muted" data-testid="site-work-note">
      Check-in, timers and the customer’s signature are recorded by {assigneeName} on site; they show here as they sync.
    </p>
  );
}
