import path from 'node:path';
import { build } from 'esbuild';

export const BROWSER_ENTRIES = ['ours', 'pouch', 'rxdb-couch', 'floor'] as const;
export type BrowserEntry = (typeof BROWSER_ENTRIES)[number];

/**
 * Bundles the in-browser halves of the bench (bench/browser/*.ts) with esbuild, into memory. The
 * "ours" page imports the app's real database and replication modules, so it measures the code
 * the PWA runs (production mode, minified, like the built app).
 */
export async function bundleBrowserEntries(): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: BROWSER_ENTRIES.map((name) => path.resolve(import.meta.dirname, `../browser/${name}.ts`)),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Readable function names in BENCH_PROFILE=1 CPU profiles.
    minify: process.env.BENCH_PROFILE !== '1',
    write: false,
    outdir: '/bench',
    tsconfig: path.resolve(import.meta.dirname, '../../tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'error',
  });
  return new Map(result.outputFiles.map((file) => [`/bench/${path.basename(file.path)}`, file.text]));
}
