import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type BenchRow, formatNotes, formatTextTable, summarize } from './bench-row';
import { Cleanup, withTimeout } from './cleanup';
import { loadBenchConfig } from './config';
import { type BenchOrigin, startBenchOrigin } from './harness/bench-origin';
import { chromiumVersion } from './harness/browser';
import { bundleBrowserEntries } from './harness/bundle';
import { type Stack, startStack } from './harness/stack';
import { readVersions, renderReport } from './report';
import { SECTIONS } from './sections';
import type { SectionContext } from './sections/section';

/**
 * `npm run bench`: runs the sections (BENCH_SECTIONS picks some), prints one table and writes
 * docs/benchmarks.md. Whatever it starts is stopped at the end, on error and on Ctrl-C.
 */
const TOTAL_BUDGET_MS = 10 * 60_000;
const ROOT = path.resolve(import.meta.dirname, '..');

async function main(): Promise<number> {
  const config = loadBenchConfig();
  const startedAt = new Date();
  const started = performance.now();
  const cleanup = new Cleanup();
  const stopOnSignal = () => {
    process.stderr.write('\nbench: interrupted, stopping everything it started…\n');
    void cleanup.stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const log = (line: string) => process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
  const selected = config.sections.length === 0 ? SECTIONS : SECTIONS.filter((section) => config.sections.includes(section.id));
  const unknown = config.sections.filter((id) => !SECTIONS.some((section) => section.id === id));
  if (unknown.length > 0) throw new Error(`BENCH_SECTIONS: unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.id).join(', ')}`);

  // The app's first screen, weight and offline reload are measured on the built PWA.
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-build.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the PWA failed (scripts/ensure-build.ts)');
  const chromium = await chromiumVersion();
  const versions = readVersions(chromium);
  log(`seed ${config.seed}; ${config.quick ? 'QUICK' : 'full'} sizes; medians of ${config.runs}${config.quick ? '' : ' (initial sync after a warm-up round)'}; sections ${selected.map((s) => s.id).join(',')}`);
  log(`versions: ${Object.entries(versions).map(([name, version]) => `${name} ${version}`).join(', ')}`);

  let stack: Promise<Stack> | undefined;
  let origin: Promise<BenchOrigin> | undefined;
  const findings: string[] = [];
  const context: SectionContext = {
    config,
    cleanup,
    log,
    timeLeftMs: () => TOTAL_BUDGET_MS - (performance.now() - started),
    note: (finding) => {
      findings.push(finding);
      log(`finding: ${finding}`);
    },
    stack: () => (stack ??= startStack(cleanup, { seed: config.seed, syncDocs: config.sizes.syncDocs, log })),
    origin: () =>
      (origin ??= (async () => {
        const current = await context.stack();
        const scripts = await bundleBrowserEntries();
        const server = await startBenchOrigin({ api: () => current.apiUrl, couch: () => current.couchUrl }, scripts);
        cleanup.add('bench origin', server.close);
        return server;
      })()),
  };

  const rows: BenchRow[] = [];
  try {
    for (const section of selected) {
      const left = TOTAL_BUDGET_MS - (performance.now() - started);
      if (left <= 0) {
        rows.push({ section: section.title, measure: '(skipped)', unit: '', note: 'over the 10-minute budget' });
        continue;
      }
      log(`▶ ${section.title}`);
      try {
        const sectionRows = await withTimeout(section.run(context), left, section.title);
        rows.push(...sectionRows);
        for (const row of sectionRows) log(`  ${row.measure}: ${row.value === undefined ? `n/a (${row.note ?? ''})` : `${row.value.toFixed(1)} ${row.unit}`}`);
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
        log(`✗ ${section.title} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        rows.push({ section: section.title, measure: '(failed)', unit: '', note: message.slice(0, 160) });
      }
    }
  } finally {
    await cleanup.stopAll();
  }

  const durationMs = performance.now() - started;
  const table = formatTextTable(rows);
  const notes = formatNotes(rows);
  process.stdout.write(`\n${table}\n\n${notes.map((line) => `  · ${line}`).join('\n')}\n\n`);
  const meanDocBytes = stack ? (await stack.catch(() => undefined))?.data.meanDocBytes : undefined;
  const command = `${config.quick ? 'BENCH_QUICK=1 ' : ''}${config.sections.length > 0 ? `BENCH_SECTIONS=${config.sections.join(',')} ` : ''}npm run bench`;
  const report = renderReport(rows, config, { startedAt, durationMs, chromium, command, meanDocBytes }, versions, findings);
  const file = path.join(ROOT, 'docs', 'benchmarks.md');
  fs.writeFileSync(file, report);
  const { passed, failed } = summarize(rows);
  log(`${passed} targets met, ${failed} missed; seed ${config.seed}; written to ${path.relative(ROOT, file)} in ${(durationMs / 1000).toFixed(0)} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
