import { useState } from 'react';
import { Link } from 'react-router';
import { map } from 'rxjs';
import type { ConflictRecord } from '@shared/schemas/conflict-record';
import { FieldError } from '../../components/FieldError';
import { useLiveQuery } from '../../db/hooks';
import { useDocumentsByIds } from '../../db/useDocumentsByIds';
import { useSession } from '../../session/SessionContext';
import { applyMine, dismissConflict } from './conflict-actions';
import { describeChanger, describeField, describeReason, describeValue } from './conflict-text';
import './conflicts.css';

/**
 * The conflicts inbox: every overlapping edit found while merging on reconnection, grouped by
 * document, each field side by side (mine / theirs / result). "Apply mine instead" is an ordinary
 * edit that replicates; "Dismiss" accepts the result.
 */
export function ConflictsPage() {
  const records = useLiveQuery(
    (db) =>
      db.conflicts
        .find({ selector: { state: 'open' } })
        .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as ConflictRecord).sort((a, b) => b.recordedAt.localeCompare(a.recordedAt) || a.path.localeCompare(b.path)))),
    [],
    [] as ConflictRecord[],
  );
  const groups = groupByDocument(records);
  return (
    <div className="conflicts-page">
      <h1>Conflicts</h1>
      {records.length === 0 ? (
        <p className="muted" data-testid="conflicts-empty">No open conflicts. When your offline changes and someone else’s touch the same field, they show up here.</p>
      ) : (
        groups.map((group) => <ConflictGroup key={group[0]?.docId} records={group} />)
      )}
    </div>
  );
}

function ConflictGroup({ records }: { records: ConflictRecord[] }) {
  const first = records[0] as ConflictRecord;
  const people = useDocumentsByIds('users', records.map((record) => record.theirsChangedBy));
  const link = first.collectionName === 'workOrders' && !first.documentDeleted ? `/work-orders/${first.docId}` : undefined;
  return (
    <section className="card conflict-group" data-testid="conflict-group" data-doc-id={first.docId}>
      <h2>{link ? <Link to={link}>{first.docLabel}</Link> : first.docLabel}</h2>
      {first.documentDeleted && <p className="muted">{first.reason === 'refused' ? 'The server did not store this new record; what you entered is kept below.' : 'This document was deleted; your changes to it are kept below.'}</p>}
      {records.map((record) => (
        <ConflictItem key={record.id} record={record} changedBy={record.theirsChangedBy ? people.get(record.theirsChangedBy)?.fullName : undefined} />
      ))}
    </section>
  );
}

function ConflictItem({ record, changedBy }: { record: ConflictRecord; changedBy?: string }) {
  const { db, user } = useSession();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const errorId = `conflict-error-${record.id}`;
  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      setError(undefined);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  const when = new Date(record.theirsChangedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  // A refused change would be refused again: there is nothing to apply.
  const canApply = record.winner === 'theirs' && !record.documentDeleted && record.reason !== 'refused';
  const refusedNew = record.reason === 'refused' && record.documentDeleted;
  return (
    <article className="conflict" data-testid="conflict" data-path={record.path}>
      <h3>{describeField(record)}</h3>
      <dl className="conflict-values">
        <div data-testid="conflict-mine">
          <dt>Mine</dt>
          <dd>{describeValue(record.mine, record.documentDeleted)}</dd>
        </div>
        <div data-testid="conflict-theirs">
          <dt>Theirs</dt>
          <dd>{refusedNew ? '— (not on the server)' : describeValue(record.theirs, record.documentDeleted)}</dd>
        </div>
        <div data-testid="conflict-result">
          <dt>Result</dt>
          <dd>{refusedNew ? '— (not stored)' : describeValue(record.kept, record.documentDeleted)}</dd>
        </div>
      </dl>
      <p className="muted">
        {record.reason === 'refused' ? `Not accepted by the server · ${when}.` : `Changed by ${describeChanger(record, user.id, changedBy)} · ${when}.`} {describeReason(record)}
      </p>
      <div className="button-row">
        {canApply && (
          <button type="button" className="primary" disabled={busy} aria-describedby={error ? errorId : undefined} onClick={() => void act(() => applyMine(db, user, record))}>
            Apply mine instead
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void act(() => dismissConflict(db, record))}>
          Dismiss
        </button>
      </div>
      <FieldError id={errorId} message={error} />
    </article>
  );
}

function groupByDocument(records: ConflictRecord[]): ConflictRecord[][] {
  const groups = new Map<string, ConflictRecord[]>();
  for (const record of records) groups.set(record.docId, [...(groups.get(record.docId) ?? []), record]);
  return [...groups.values()];
}
