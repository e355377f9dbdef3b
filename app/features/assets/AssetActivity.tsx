import type { Asset } from '@shared/schemas/asset';
import type { Activity } from '@shared/schemas/misc';
import { actorName } from '../../components/actor-names';
import { changedFieldWords } from '../../components/field-words';
import { formatDayTime } from '../../components/format';
import { useLiveQuery } from '../../db/hooks';
import { useDocumentsByIds } from '../../db/useDocumentsByIds';
import { openTicketsForAsset$, recentActivity$ } from './asset-queries';

const ACTION_WORDS: Record<Activity['action'], string> = {
  created: 'created',
  updated: 'updated',
  deleted: 'deleted',
  sla_warning: 'SLA warning',
  sla_breached: 'SLA breached',
  escalated: 'escalated',
};

const SUBJECT_WORDS: Record<string, string> = { assets: 'Asset', tickets: 'Ticket', workOrders: 'Work order', asset: 'Asset', ticket: 'Ticket', workOrder: 'Work order' };

/** The audit trail of the asset and its open tickets, newest first (written by the server). */
export function AssetActivity({ asset, timeZone }: { asset: Asset; timeZone?: string }) {
  const tickets = useLiveQuery((db) => openTicketsForAsset$(db, asset.id), [asset.id], []);
  const subjects = [asset.id, ...tickets.map((ticket) => ticket.id)];
  const activities = useLiveQuery((db) => recentActivity$(db, subjects), [subjects.join(',')], []);
  const actors = useDocumentsByIds('users', activities.map((activity) => activity.actorId));
  return (
    <section className="card">
      <h2>Recent activity</h2>
      {activities.length === 0 ? (
        <p className="muted">No recorded activity on this device.</p>
      ) : (
        <ol className="plain-list">
          {activities.map((activity) => (
            <li key={activity.id}>
              <time dateTime={activity.at}>
                {formatDayTime(activity.at, timeZone)}
              </time>{' '}
              {SUBJECT_WORDS[activity.subjectType] ?? activity.subjectType} {ACTION_WORDS[activity.action]}
              {activity.action === 'updated' && changedFieldWords(activity.changes).length > 0 && <span className="muted"> ({changedFieldWords(activity.changes).join(', ')})</span>}
              {' · '}
              <span className="muted">{actorName(activity.actorId, actors)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
