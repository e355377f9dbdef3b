import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { computeReport, type Bucket } from '@shared/domain/reports';
import { filterTickets, sortBySlaUrgency } from '@shared/domain/ticket-queue';
import { formatDuration } from '../../components/format';
import { useCollection } from '../../db/useCollection';
import { QueueFilterBar } from '../dispatch/QueueFilterBar';
import { useDeskReference } from '../dispatch/useDeskReference';
import { useQueueFilters } from '../dispatch/useQueueFilters';
import { downloadCsv, ticketsToCsv } from './ticket-csv';
import './reports.css';

const SITE_COLOURS = ['#0b3d91', '#a4001d', '#0f5132', '#6b4200', '#5b2a86', '#005f73', '#7a4b00', '#3d3d3d'];

/** Figures and charts over the tickets matching the filters (the queue's, shared through the URL). */
export function ReportsPage() {
  const [filters, setFilters] = useQueueFilters();
  const reference = useDeskReference();
  const tickets = useCollection('tickets');
  const workOrders = useCollection('workOrders');
  const users = useCollection('users');
  const [bucket, setBucket] = useState<Bucket>('week');
  const matching = useMemo(() => filterTickets(tickets ?? [], filters), [tickets, filters]);
  const report = useMemo(() => computeReport(matching, workOrders ?? [], { now: new Date(), bucket }), [matching, workOrders, bucket]);
  const siteById = new Map(reference.sites.map((site) => [site.id, site]));
  const siteIds = [...new Set(report.volumeOverTime.flatMap((row) => Object.keys(row.bySite)))].sort();
  const timeRows = report.volumeOverTime.map((row) => ({ period: row.period, ...Object.fromEntries(siteIds.map((id) => [siteById.get(id)?.code ?? id, row.bySite[id] ?? 0])) }));

  function exportCsv() {
    const csv = ticketsToCsv(sortBySlaUrgency(matching, new Date()), siteById, new Map((users ?? []).map((user) => [user.id, user])));
    downloadCsv(csv, `tickets-${new Date().toISOString().slice(0, 10)}.csv`);
  }

  if (!tickets || !workOrders) return <p className="page-message" role="status">Loading…</p>;
  return (
    <div className="desk reports">
      <div className="desk__title">
        <h1>
          Reports <span className="count">({report.ticketCount} tickets)</span>
        </h1>
        <button type="button" onClick={exportCsv} data-testid="export-csv">
          Export CSV ({matching.length})
        </button>
      </div>
      <QueueFilterBar filters={filters} onChange={setFilters} sites={reference.sites} engineers={reference.engineers} categories={reference.categories} />
      <dl className="kpis">
        <div>
          <dt>SLA compliance</dt>
          <dd data-testid="kpi-sla">{report.slaCompliancePct === null ? '—' : `${report.slaCompliancePct}%`}</dd>
          <dd className="hint">
            {report.slaMet} of {report.slaDecided} decided tickets resolved on time
          </dd>
        </div>
        <div>
          <dt>Mean time to resolve</dt>
          <dd data-testid="kpi-mttr">{report.meanTimeToResolveMs === null ? '—' : formatDuration(report.meanTimeToResolveMs)}</dd>
          <dd className="hint">over {report.resolvedCount} resolved tickets</dd>
        </div>
        <div>
          <dt>First-time fix</dt>
          <dd data-testid="kpi-ftf">{report.firstTimeFixPct === null ? '—' : `${report.firstTimeFixPct}%`}</dd>
          <dd className="hint">
            {report.firstTimeFixes} of {report.fixedTickets} fixed tickets needed one visit
          </dd>
        </div>
      </dl>
      <div className="charts">
        <section className="card" aria-labelledby="chart-category">
          <h2 id="chart-category">Tickets by category</h2>
          <ResponsiveContainer width="100%" height={280}>
            <BarChart data={report.volumeByCategory} layout="vertical" margin={{ left: 24 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="category" width={100} />
              <Tooltip />
              <Bar dataKey="count" name="Tickets" fill="#0b3d91" />
            </BarChart>
          </ResponsiveContainer>
        </section>
        <section className="card" aria-labelledby="chart-time">
          <h2 id="chart-time">Tickets by site over time</h2>
          <label className="inline-label">
            Per
            <select value={bucket} onChange={(event) => setBucket(event.target.value as Bucket)}>
              <option value="week">week</option>
              <option value="day">day</option>
            </select>
          </label>
          <ResponsiveContainer width="100%" height={280}>
            <BarChart data={timeRows}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="period" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {siteIds.map((id, index) => (
                <Bar key={id} dataKey={siteById.get(id)?.code ?? id} stackId="sites" fill={SITE_COLOURS[index % SITE_COLOURS.length]} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </section>
      </div>
    </div>
  );
}
