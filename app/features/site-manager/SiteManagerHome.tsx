import { Link } from 'react-router';
import { map } from 'rxjs';
import type { Asset } from '@shared/schemas/asset';
import type { Ticket } from '@shared/schemas/ticket';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { useDocumentsByIds } from '../../db/useDocumentsByIds';
import { useFirstScreenShown } from '../../session/first-screen';
import { useSession } from '../../session/SessionContext';
import { CLOSED_TICKET_STATUSES } from '../assets/asset-queries';
import { TicketLine } from '../assets/AssetWork';
import { ASSET_STATUS_LABELS } from '../assets/ticket-labels';
import '../assets/assets.css';

/**
 * A site manager's home: scan or report straight away, then their sites' open tickets (to follow
 * and comment on) and their equipment. They read work orders nowhere: those are the desk's and the
 * engineers' to change.
 */
export function SiteManagerHome() {
  const { user } = useSession();
  const sites = useDocumentsByIds('sites', user.siteIds);
  const tickets = useLiveQuery(
    (db) =>
      db.tickets
        .find({ selector: { siteId: { $in: [...user.siteIds] } } })
        .$.pipe(map((docs) => docs.map((doc) => toDomain<Ticket>(doc.toJSON())).sort((a, b) => b.createdAt.localeCompare(a.createdAt)))),
    [user.siteIds.join(',')],
    [],
  );
  const assets = useLiveQuery(
    (db) =>
      db.assets
        .find({ selector: { siteId: { $in: [...user.siteIds] } }, sort: [{ tag: 'asc' }] })
        .$.pipe(map((docs) => docs.map((doc) => toDomain<Asset>(doc.toJSON())))),
    [user.siteIds.join(',')],
    [],
  );
  const open = tickets.filter((ticket) => !CLOSED_TICKET_STATUSES.includes(ticket.status));
  const mine = open.filter((ticket) => ticket.reportedBy === user.id);
  // Its lists start empty and fill in: the screen is shown as soon as it renders.
  useFirstScreenShown(true);

  return (
    <div className="asset-page site-home" data-testid="site-manager-home">
      <h1>Your sites</h1>
      <p className="muted">{[...sites.values()].map((site) => site.name).join(' · ') || 'No sites assigned to you yet.'}</p>
      <p className="button-row">
        <Link to="/scan" className="button primary">
          Scan an asset
        </Link>
        <Link to="/scan?then=report" className="button">
          Report a fault
        </Link>
        <Link to="/tickets/new" className="button">
          Report a problem (no asset)
        </Link>
      </p>
      <section className="card">
        <h2>
          Open tickets <span className="count">({open.length})</span>
        </h2>
        {mine.length > 0 && <p className="muted">{mine.length} reported by you.</p>}
        {open.length === 0 ? (
          <p className="muted">No open tickets at your sites.</p>
        ) : (
          <ul className="plain-list" data-testid="site-tickets">
            {open.map((ticket) => (
              <li key={ticket.id}>
                <TicketLine ticket={ticket} timeZone={sites.get(ticket.siteId)?.timezone} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {[...sites.values()].map((site) => {
        const here = assets.filter((asset) => asset.siteId === site.id);
        const attention = here.filter((asset) => asset.status === 'down' || asset.status === 'degraded');
        return (
          <section className="card" key={site.id}>
            <h2>
              {site.name} <span className="count">({here.length} assets)</span>
            </h2>
            {attention.length > 0 && (
              <p>
                Needing attention:{' '}
                {attention.map((asset, index) => (
                  <span key={asset.id}>
                    {index > 0 && ', '}
                    <Link to={`/a/${encodeURIComponent(asset.tag)}`}>{asset.name}</Link> ({ASSET_STATUS_LABELS[asset.status].toLowerCase()})
                  </span>
                ))}
              </p>
            )}
            <details>
              <summary>All assets</summary>
              <ul className="plain-list">
                {here.map((asset) => (
                  <li key={asset.id}>
                    <Link to={`/a/${encodeURIComponent(asset.tag)}`}>
                      <strong>{asset.tag}</strong> · {asset.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </details>
          </section>
        );
      })}
    </div>
  );
}
