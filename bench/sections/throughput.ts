import path from 'node:path';
import { ulid } from 'ulid';
import type { AnyDoc } from '@shared/schemas/collections';
import type { PullResponse } from '@shared/sync/protocol';
import type { WorkOrder } from '@shared/schemas/work-order';
import type { BenchRow } from '../bench-row';
import { BenchApi } from '../harness/http-client';
import { ROOT } from '../harness/processes';
import { perSecond } from '../stats';
import type { Section, SectionContext } from './section';

const SECTION = 'server throughput';
const PUSH_BATCH = 200;

/**
 * 4. Server throughput over HTTP on the embedded store: every page of the work-order feed as a
 * scoped engineer and as a dispatcher (who sees everything), the raw CouchDB `_changes` feed the
 * pull is built on (the store's own cost), and pushes of note edits in batches. With
 * BENCH_PROFILE=1 the server runs under `node --cpu-prof` and the profile lands in bench/results/.
 */
export const throughputSection: Section = {
  id: 'throughput',
  title: 'Server throughput',
  run: async (context) => {
    const stack = await context.stack();
    const profile = process.env.BENCH_PROFILE === '1';
    const profileDir = path.join(ROOT, 'bench', 'results', `cpu-${Date.now()}`);
    if (profile) await stack.restartServer(['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
    const api = () => stack.apiUrl;
    const engineer = await BenchApi.login(api, 'eng1');
    const dispatcher = await BenchApi.login(api, 'dispatch1');
    const scoped = await pullAll(engineer);
    const unscoped = await pullAll(dispatcher);
    const raw = await rawChanges(stack.couchUrl);
    const pushed = await pushNotes(engineer, scoped.docs.slice(0, context.config.sizes.throughputDocs) as WorkOrder[], context);
    if (profile) {
      await stack.restartServer();
      context.note(`server CPU profile of the throughput section: ${path.relative(ROOT, profileDir)} (open in Chrome DevTools → Performance)`);
    }
    const row = (measure: string, docs: number, ms: number): BenchRow => ({ section: SECTION, measure, value: perSecond(docs, ms), unit: 'docs/s', note: `${docs} in ${Math.round(ms)} ms` });
    return [
      row(`pull, engineer (scoped), limit 1000`, scoped.docs.length, scoped.ms),
      row(`pull, dispatcher (all), limit 1000`, unscoped.docs.length, unscoped.ms),
      row(`store's own _changes feed, include_docs, limit 1000`, raw.docs, raw.ms),
      row(`push, engineer, ${PUSH_BATCH} per request`, pushed.docs, pushed.ms),
    ];
  },
};

async function pullAll(api: BenchApi): Promise<{ docs: AnyDoc[]; ms: number }> {
  const docs: AnyDoc[] = [];
  const started = performance.now();
  let checkpoint: string | null = null;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', ...(checkpoint ? { checkpoint } : {}) });
    const page: PullResponse = await api.request<PullResponse>('GET', `/api/sync/workOrders/pull?${query}`);
    docs.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < 1000) break;
  }
  return { docs, ms: performance.now() - started };
}

async function rawChanges(couchUrl: string): Promise<{ docs: number; ms: number }> {
  const started = performance.now();
  let since = '0';
  let docs = 0;
  for (;;) {
    const response = await fetch(`${couchUrl}/fs_work_orders/_changes?include_docs=true&limit=1000&since=${encodeURIComponent(since)}`);
    const body = (await response.json()) as { results: unknown[]; last_seq: string | number };
    docs += body.results.length;
    since = String(body.last_seq);
    if (body.results.length < 1000) break;
  }
  return { docs, ms: performance.now() - started };
}

async function pushNotes(api: BenchApi, workOrders: WorkOrder[], context: SectionContext): Promise<{ docs: number; ms: number }> {
  const started = performance.now();
  let conflicts = 0;
  for (let start = 0; start < workOrders.length; start += PUSH_BATCH) {
    const rows = workOrders.slice(start, start + PUSH_BATCH).map((doc) => ({
      assumedMasterState: doc,
      newDocumentState: { ...doc, notes: [...doc.notes, { id: ulid(), at: new Date().toISOString(), by: doc.assigneeId, text: 'Bench: throughput' }] },
    }));
    conflicts += (await api.request<unknown[]>('POST', '/api/sync/workOrders/push', rows)).length;
  }
  if (conflicts > 0) context.log(`  push: ${conflicts} conflicts (a document changed since it was pulled)`);
  return { docs: workOrders.length - conflicts, ms: performance.now() - started };
}
