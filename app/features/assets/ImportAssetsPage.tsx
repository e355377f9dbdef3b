import { useState, type ChangeEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { map } from 'rxjs';
import { WRITE_RULES } from '@shared/domain/permissions';
import type { Site } from '@shared/schemas/site';
import { ASSET_IMPORT_COLUMNS, ASSET_IMPORT_PATH, MAX_IMPORT_ROWS, type AssetImportResult, type ImportProblem } from '@shared/sync/asset-import-protocol';
import { useBusy } from '../../components/useBusy';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { useSession, useSessionApi } from '../../session/SessionContext';
import { describeImportField, IMPORT_TEMPLATE_CSV, importFailure } from './asset-import';
import { ASSET_STATUS_LABELS } from './ticket-labels';
import './assets.css';

/** Rows shown before importing: enough to see the columns were read right. */
const PREVIEW_ROWS = 20;
const SHOWN_PROBLEMS = 200;

type Outcome = { kind: 'checked' | 'imported'; result: AssetImportResult } | { kind: 'refused'; problems: ImportProblem[] };

/**
 * `/assets/import` — dispatchers and admins add a site's register of assets from a CSV file. The
 * server checks the whole file first (a dry run) and lists every problem by row and column; the
 * import stores all rows or none. Then their labels can be printed.
 */
export function ImportAssetsPage() {
  const { user } = useSession();
  const { api } = useSessionApi();
  const navigate = useNavigate();
  const sites = useLiveQuery((database) => database.sites.find().$.pipe(map((docs) => docs.map((doc) => toDomain<Site>(doc.toJSON())))), [], []);
  const [file, setFile] = useState<{ name: string; csv: string }>();
  const [outcome, setOutcome] = useState<Outcome>();
  const { busy, guard } = useBusy();
  if (!WRITE_RULES[user.role].assets.create) return <Navigate to="/" replace />;

  const send = (csv: string, dryRun: boolean) =>
    guard(async () => {
      try {
        const result = await api.request<AssetImportResult>(ASSET_IMPORT_PATH, { method: 'POST', body: JSON.stringify({ csv, dryRun }) });
        setOutcome({ kind: dryRun ? 'checked' : 'imported', result });
      } catch (error) {
        setOutcome({ kind: 'refused', problems: importFailure(error) });
      }
    });

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const chosen = input.files?.[0];
    setOutcome(undefined);
    if (!chosen) return setFile(undefined);
    try {
      const csv = await chosen.text();
      setFile({ name: chosen.name, csv });
      await send(csv, true);
    } catch (error) {
      setOutcome({ kind: 'refused', problems: importFailure(error) });
    } finally {
      // The same file, fixed and saved, chosen again must be read again (no change event otherwise).
      input.value = '';
    }
  };

  const siteName = (id: string) => sites.find((site) => site.id === id)?.code ?? id;
  return (
    <section className="stack import-assets" aria-labelledby="import-title">
      <h1 id="import-title">Import assets</h1>
      <p>
        One asset per row, up to {MAX_IMPORT_ROWS.toLocaleString()} rows, with a header row naming the columns: <code>{ASSET_IMPORT_COLUMNS.join(', ')}</code>. Tag, site, name and category
        are required; the site is its code (for example LON-CW); status defaults to operational and criticality to 3; give lat and lng together or leave both empty.
      </p>
      <p>
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(IMPORT_TEMPLATE_CSV)}`} download="assets-template.csv">
          Download a template
        </a>
      </p>
      <label className="stack">
        CSV file
        <input type="file" accept=".csv,text/csv" onChange={(event) => void choose(event)} disabled={busy} data-testid="import-file" />
      </label>
      {busy && <p role="status">Checking {file?.name}…</p>}
      {outcome?.kind === 'refused' && <ProblemList problems={outcome.problems} />}
      {outcome?.kind === 'checked' && file && (
        <div className="card stack">
          <p role="status" data-testid="import-ready">
            {file.name}: {outcome.result.created.length} asset{outcome.result.created.length === 1 ? '' : 's'} ready to import, no problems found.
          </p>
          <AssetPreview rows={outcome.result.created.slice(0, PREVIEW_ROWS)} siteName={siteName} more={outcome.result.created.length - PREVIEW_ROWS} />
          <p>
            <button type="button" className="primary" disabled={busy} onClick={() => void send(file.csv, false)}>
              Import {outcome.result.created.length} asset{outcome.result.created.length === 1 ? '' : 's'}
            </button>
          </p>
        </div>
      )}
      {outcome?.kind === 'imported' && (
        <div className="card stack">
          <p role="status" data-testid="import-done">
            Imported {outcome.result.created.length} asset{outcome.result.created.length === 1 ? '' : 's'}. They reach every device as it syncs.
          </p>
          <p>
            <button type="button" className="primary" onClick={() => void navigate('/labels', { state: { select: outcome.result.created.map((asset) => asset.id) } })}>
              Print their labels
            </button>
          </p>
        </div>
      )}
    </section>
  );
}

function ProblemList({ problems }: { problems: readonly ImportProblem[] }) {
  return (
    <div className="card stack" role="alert" data-testid="import-problems">
      <p>
        <strong>Nothing was imported.</strong> Fix {problems.length === 1 ? 'this problem' : `these ${problems.length} problems`} in the file and choose it again:
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, SHOWN_PROBLEMS).map((problem) => (
            <tr key={`${problem.field} ${problem.message}`}>
              <td>{describeImportField(problem.field)}</td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > SHOWN_PROBLEMS && <p className="muted">…and {problems.length - SHOWN_PROBLEMS} more.</p>}
    </div>
  );
}

function AssetPreview({ rows, siteName, more }: { rows: AssetImportResult['created']; siteName: (id: string) => string; more: number }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Tag</th>
          <th scope="col">Name</th>
          <th scope="col">Site</th>
          <th scope="col">Category</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{row.tag}</td>
            <td>{row.name}</td>
            <td>{siteName(row.siteId)}</td>
            <td>{row.category}</td>
            <td>{ASSET_STATUS_LABELS[row.status as keyof typeof ASSET_STATUS_LABELS] ?? row.status}</td>
          </tr>
        ))}
      </tbody>
      {more > 0 && (
        <tfoot>
          <tr>
            <td colSpan={5} className="muted">
              …and {more} more
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
