import { ulid } from 'ulid';
import type { PullResponse } from '@shared/sync/protocol';
import type { WorkOrder } from '@shared/schemas/work-order';
import type { BenchRow } from '../bench-row';
import { BenchApi } from '../harness/http-client';
import { type NodeProcess, startNodeProcess } from '../harness/processes';
import type { Stack } from '../harness/stack';
import { percentile } from '../stats';
import type { Section, SectionContext } from './section';

const SECTION = 'propagation';
const MARK_PREFIX = 'bench-mark-';
type LoadResult = { marks: Record<string, { count: number; last: number }>; outOfScopeReceipts: number; errors: number; inScopeClients: number };

/**
 * 3. Propagation under load: N stream clients in a separate load process (a third are eng1, who
 * owns the work orders, a third a dispatcher who sees everything, a third another engineer who
 * must receive nothing); eng1's writer pushes one note edit at a steady rate. Latency is from the
 * push's acknowledgement to the moment the last in-scope client has the change.
 */
export const propagationSection: Section = {
  id: 'propagation',
  title: 'Propagation under load',
  run: async (context) => {
    const stack = await context.stack();
    const api = () => stack.apiUrl;
    const writer = await BenchApi.login(api, 'eng1');
    const tokens = { owner: writer.accessToken, dispatcher: (await BenchApi.login(api, 'dispatch1')).accessToken, outsider: (await BenchApi.login(api, 'eng2')).accessToken };
    const targets = await pullFirstPage(writer);
    const rows: BenchRow[] = [];
    const { streamClients, writesPerSecond, propagationSeconds } = context.config.sizes;
    const writesPerRound = writesPerSecond * propagationSeconds;
    for (const [round, clients] of streamClients.entries()) {
      // Each later round on a freshly started server: what an earlier round's streams left in its
      // memory (freed, not yet given back) otherwise sits in the next round's baseline RSS. The first
      // round's baseline follows the earlier sections, read after a collection like every other.
      if (round > 0) await stack.restartServer();
      const docs = targets.slice(round * writesPerRound, (round + 1) * writesPerRound);
      rows.push(...(await runRound(context, stack, writer, tokens, clients, docs, writesPerSecond)));
    }
    return rows;
  },
};

async function pullFirstPage(api: BenchApi): Promise<WorkOrder[]> {
  const page = await api.request<PullResponse<WorkOrder>>('GET', '/api/sync/workOrders/pull?limit=1000');
  return page.documents;
}

async function runRound(
  context: SectionContext, stack: Stack, writer: BenchApi, tokens: { owner: string; dispatcher: string; outsider: string },
  clientCount: number, docs: WorkOrder[], writesPerSecond: number,
): Promise<BenchRow[]> {
  const kinds = [{ token: tokens.owner, inScope: true }, { token: tokens.dispatcher, inScope: true }, { token: tokens.outsider, inScope: false }];
  const rssBefore = await sampleRssKb(stack);
  const mark = context.cleanup.mark();
  const load: NodeProcess = await startNodeProcess({
    script: 'bench/load/stream-clients.ts',
    env: { BENCH_LOAD: JSON.stringify({ url: stack.apiUrl, count: clientCount, kinds, markPrefix: MARK_PREFIX }) },
    ready: /READY/,
    stdin: true,
    timeoutMs: 120_000,
  });
  context.cleanup.add('stream load process', load.stop);
  try {
    const rssPerStreamKb = ((await sampleRssKb(stack)) - rssBefore) / clientCount;
    const acks = await writeSteadily(writer, docs, writesPerSecond);
    // Give the last write time to arrive everywhere (bounded), then collect.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const result = await collect(load);
    const inScope = result.inScopeClients;
    const latencies: number[] = [];
    let incomplete = 0;
    let beforeAck = 0;
    for (const [index, ackAt] of acks.entries()) {
      const got = result.marks[String(index)];
      if (!got || got.count < inScope) incomplete++;
      else {
        // The change feed can beat the push's own HTTP response: that counts as no delay at all.
        if (got.last < ackAt) beforeAck++;
        latencies.push(Math.max(0, got.last - ackAt));
      }
    }
    const note = `${acks.length} writes at ${writesPerSecond}/s; ${beforeAck} reached everyone before the writer had its ack; ${incomplete} not received by every in-scope client; ${result.outOfScopeReceipts} leaked out of scope; ${result.errors} stream errors`;
    context.log(`  ${clientCount} clients: ${note}`);
    const measure = (what: string) => `${clientCount} streams: ${what}`;
    const is500 = clientCount >= 500;
    const latencyRow = (p: number): BenchRow => ({
      section: SECTION, measure: measure(`p${p} push ack → every in-scope client`), value: percentile(latencies, p), unit: 'ms',
      ...(p === 95 && is500 ? { target: { on: 'value', op: '<=', limit: 250, text: '≤ 250 ms at 500' } } : {}),
      ...(p === 50 ? { note } : {}),
    });
    return [
      latencyRow(50), latencyRow(95), latencyRow(99),
      {
        section: SECTION, measure: measure('server RSS per stream'), value: rssPerStreamKb, unit: 'KB',
        ...(is500 ? { target: { on: 'value', op: '<=', limit: 60, text: '≤ 60 KB' } as const } : { note: 'RSS moves by some MB even after a collection: few streams give a noisy figure' }),
      },
    ];
  } finally {
    await context.cleanup.stopSince(mark);
  }
}

/** One push per tick at a fixed rate (not back to back), each a new note with its mark number. */
async function writeSteadily(writer: BenchApi, docs: WorkOrder[], perSecond: number): Promise<number[]> {
  const acks: number[] = [];
  const interval = 1000 / perSecond;
  const start = performance.now();
  for (const [index, doc] of docs.entries()) {
    const due = start + index * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const next = { ...doc, notes: [...doc.notes, { id: ulid(), at: new Date().toISOString(), by: doc.assigneeId, text: `${MARK_PREFIX}${index}` }] };
    const conflicts = await writer.request<unknown[]>('POST', '/api/sync/workOrders/push', [{ assumedMasterState: doc, newDocumentState: next }]);
    if (conflicts.length > 0) throw new Error(`writer push of ${doc.id} conflicted`);
    acks.push(performance.timeOrigin + performance.now());
  }
  return acks;
}

function collect(load: NodeProcess): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the load process did not report in 30 s')), 30_000);
    const poll = setInterval(() => {
      const line = load.output().split('\n').find((candidate) => candidate.startsWith('RESULT '));
      if (!line) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve(JSON.parse(line.slice('RESULT '.length)) as LoadResult);
    }, 100);
    load.send('report');
  });
}

/**
 * RSS moves with garbage collection: the server collects its garbage first (it runs with
 * --expose-gc and collects on SIGUSR2), then the median of five samples over a second.
 */
async function sampleRssKb(stack: Stack): Promise<number> {
  process.kill(stack.server.pid, 'SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const samples: number[] = [];
  for (let n = 0; n < 5; n++) {
    samples.push(stack.server.rssKb());
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return percentile(samples, 50);
}
