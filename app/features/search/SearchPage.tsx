import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Asset } from '@shared/schemas/asset';
import type { Ticket } from '@shared/schemas/ticket';
import type { WorkOrder } from '@shared/schemas/work-order';
import { useCollection } from '../../db/useCollection';
import { buildSearchIndexAsync, search, toSearchDocs, type SearchHit, type SearchIndex, type SearchKind } from './search-index';

const KIND_LABELS: Record<SearchKind, string> = { ticket: 'Ticket', workOrder: 'Work order', asset: 'Asset' };

/** Search everything on this device, online or not; the query is in the URL (?q=). */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const deferred = useDeferredValue(query);
  const tickets = useCollection('tickets');
  const workOrders = useCollection('workOrders');
  const assets = useCollection('assets');
  const index = useSearchIndex({ tickets, workOrders, assets });
  const hits = useMemo(() => (index ? search(index, deferred) : []), [index, deferred]);
  const ready = Boolean(index);

  return (
    <div className="search-page">
      <h1>Search</h1>
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          Search tickets, work orders and assets
          <input type="search" value={query} onChange={(event) => setParams(event.target.value ? { q: event.target.value } : {}, { replace: true })} placeholder="Title, tag, serial number, note…" autoFocus />
        </label>
      </form>
      {!ready && <p role="status">Indexing this device's data…</p>}
      {ready && deferred && (
        <p role="status" className="muted">
          {hits.length} result{hits.length === 1 ? '' : 's'}
        </p>
      )}
      <ul className="plain-list" data-testid="search-results">
        {hits.map((hit) => (
          <li key={hit.id} data-testid="search-hit" data-kind={hit.kind}>
            <span className="muted">{KIND_LABELS[hit.kind]}</span> <HitLink hit={hit} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function HitLink({ hit }: { hit: SearchHit }) {
  if (hit.kind === 'ticket') return <Link to={`/tickets/${hit.docId}`}>{hit.title}</Link>;
  if (hit.kind === 'workOrder') return <Link to={`/work-orders/${hit.docId}`}>{hit.title}</Link>;
  return <span>{hit.title}</span>;
}

type Sources = { tickets?: Ticket[]; workOrders?: WorkOrder[]; assets?: Asset[] };

/** Index rebuilt in the background when the data changes (at most every second); the old one answers meanwhile. */
function useSearchIndex({ tickets, workOrders, assets }: Sources): SearchIndex | undefined {
  const [index, setIndex] = useState<SearchIndex>();
  const hasIndex = Boolean(index);
  useEffect(() => {
    if (!tickets || !workOrders || !assets) return undefined;
    let cancelled = false;
    const timer = setTimeout(
      () => {
        void buildSearchIndexAsync(toSearchDocs({ tickets, workOrders, assets })).then((built) => !cancelled && setIndex(built));
      },
      hasIndex ? 1000 : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // Only new data rebuilds; the first build's arrival must not trigger another one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tickets, workOrders, assets]);
  return index;
}
