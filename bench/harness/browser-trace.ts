import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

type TraceEvent = { name: string; cat: string; ph: string; dur?: number; pid: number; tid: number; args?: { name?: string } };

/** IndexedDB's own trace events (the renderer's request set-up, the backend's operations) and each thread's tasks. */
const CATEGORIES = 'IndexedDB,toplevel';

/**
 * Runs `task` under a Chromium trace (BENCH_TRACE=1): the trace lands in bench/results/ (open it in
 * DevTools' Performance panel or ui.perfetto.dev) and IndexedDB's operations, summed by name and
 * thread, are returned as lines. Where a CPU profile shows JavaScript, this shows what IndexedDB
 * does with each request, e.g. the key lookup an `add` costs before its write.
 */
export async function withBrowserTrace<T>(page: Page, name: string, task: () => Promise<T>): Promise<{ result: T; summary: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (params) => events.push(...(params.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  const result = await task();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const file = path.join('bench', 'results', `${name}-${Date.now()}.trace.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ traceEvents: events }));
  return { result, summary: [`trace: ${file}`, ...indexedDbTotals(events, 20)] };
}

/** The IndexedDB events that took longest in all, as "total ms, count, thread, name" lines (nested events are counted in their parents too). */
function indexedDbTotals(events: TraceEvent[], count: number): string[] {
  const threadNames = new Map(events.filter((event) => event.ph === 'M' && event.name === 'thread_name').map((event) => [`${event.pid}:${event.tid}`, event.args?.name ?? '?']));
  const totals = new Map<string, { ms: number; count: number }>();
  for (const event of events) {
    if (event.ph !== 'X' || !event.cat.includes('IndexedDB')) continue;
    const key = `${threadNames.get(`${event.pid}:${event.tid}`) ?? '?'}  ${event.name}`;
    const total = totals.get(key) ?? { ms: 0, count: 0 };
    total.ms += (event.dur ?? 0) / 1000;
    total.count += 1;
    totals.set(key, total);
  }
  return [...totals.entries()]
    .sort(([, a], [, b]) => b.ms - a.ms)
    .slice(0, count)
    .map(([key, total]) => `  ${total.ms.toFixed(1).padStart(8)} ms ${String(total.count).padStart(6)}×  ${key}`);
}
