/**
 * Run by `npm start` before the server: builds the PWA when app/dist is missing or older than
 * anything it is built from, so one command starts the whole product and a repeated start costs
 * a file walk (milliseconds), not a build. `npm run build` still always builds.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'app/dist');
/** Everything `vite build` reads; package.json carries the version shown in the app. */
const SOURCES = ['app', 'shared', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];
const NEVER_SOURCES = new Set([DIST, path.join(ROOT, 'app/node_modules')]);
/** index.html is written late and sw.js last, so both present means the last build finished. */
const OUTPUTS = ['index.html', 'sw.js', 'manifest.webmanifest'];

/** Newest modification time below `entry` (0 when it does not exist). */
function newestMtime(entry: string): number {
  if (NEVER_SOURCES.has(entry)) return 0;
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows only as its folder's mtime
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** When the last complete build finished, or undefined when there is none. */
function builtAt(): number | undefined {
  const times = OUTPUTS.map((file) => fs.statSync(path.join(DIST, file), { throwIfNoEntry: false })?.mtimeMs);
  return times.every((time) => time !== undefined) ? Math.min(...times) : undefined;
}

function main(): void {
  // A server pointed at another build (APP_DIST, as in the Docker image) serves that one as is.
  const appDist = process.env.APP_DIST;
  if (appDist && path.resolve(ROOT, appDist) !== DIST) return;

  const built = builtAt();
  const changed = Math.max(...SOURCES.map((source) => newestMtime(path.join(ROOT, source))));
  if (built !== undefined && built >= changed) {
    process.stdout.write('App build is up to date (app/dist).\n');
    return;
  }
  process.stdout.write(built === undefined ? 'Building the app (first start)…\n' : 'Sources changed since the last build: rebuilding the app…\n');
  const started = Date.now();
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  // Always the production build: an inherited NODE_ENV (a test runner's `test`) would make Vite build
  // React's development bundle and switch on the schema validator, which the page's CSP refuses.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) {
    // A broken build must not leave a server running an old app that looks current.
    process.stderr.write(`The app build failed (exit ${result.status ?? result.signal}); fix it or run \`npm run build\` for details.\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`App built in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

main();
