import { useState } from 'react';
import { Link } from 'react-router';
import type { Asset } from '@shared/schemas/asset';
import { formatDay } from '../../components/format';
import { shownNumber } from '../../components/labels';
import { useLiveQuery } from '../../db/hooks';
import { useDocumentsByIds } from '../../db/useDocumentsByIds';
import { useSession } from '../../session/SessionContext';
import { serviceHistory$, type HistoryEntry } from './service-history';
import { TICKET_STATUS_LABELS } from './ticket-labels';

const PAGE = 10;

/** Past work on the asset, newest first: each completed job with what was done, each closed ticket. */
export function AssetHistory({ asset, timeZone }: { asset: Asset; timeZone?: string }) {
  const { user } = useSession();
  const [limit, setLimit] = useState(PAGE);
  const history = useLiveQuery((db) => serviceHistory$(db, asset.id, limit), [asset.id, limit], { entries: [], more: false });
  const engineers = useDocumentsByIds('users', history.entries.flatMap((entry) => (entry.kind === 'workOrder' ? [entry.workOrder.assigneeId] : [])));
  const ticketPath = user.role === 'site_manager' ? '/reports' : '/tickets';
  return (
    <section className="card">
      <h2>Service history</h2>
      {history.entries.length === 0 ? (
        <p className="muted">No completed work or closed tickets on this asset{user.role === 'engineer' ? ' for you' : ''} yet.</p>
      ) : (
        <ol className="plain-list" data-testid="asset-history">
          {history.entries.map((entry) => (
            <li key={entry.kind + entryId(entry)} data-testid="history-entry" data-kind={entry.kind}>
              <p className="badge-row">
                <time dateTime={entry.at}>{formatDay(entry.at, timeZone)}</time>
                {entry.kind === 'workOrder' ? (
                  <>
                    <Link to={`/work-orders/${entry.workOrder.id}`}>{shownNumber(entry.workOrder.number)}</Link>
                    <span className="muted">completed by {engineers.get(entry.workOrder.assigneeId)?.fullName ?? 'an engineer'}</span>
                  </>
                ) : (
                  <>
                    <Link to={`${ticketPath}/${entry.ticket.id}`}>{shownNumber(entry.ticket.number)}</Link>
                    <span className="badge" data-status={entry.ticket.status}>
                      {TICKET_STATUS_LABELS[entry.ticket.status]}
                    </span>
                  </>
                )}
              </p>
              <p className="history__text">{entry.kind === 'workOrder' ? entry.workOrder.resolution : entry.ticket.title}</p>
            </li>
          ))}
        </ol>
      )}
      {history.more && (
        <button type="button" onClick={() => setLimit((shown) => shown + PAGE)}>
          Show older
        </button>
      )}
    </section>
  );
}

function entryId(entry: HistoryEntry): string {
  return entry.kind === 'workOrder' ? entry.workOrder.id : entry.ticket.id;
}
