import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    testTempRoot: string;
  }
}

/**
 * One folder per test run for the test servers' stores, removed only after every worker has exited.
 * A stopped test server's express-pouchdb may still be finishing a request cut off by the stop, and
 * that request can open a LevelDB database; removing its folder earlier made that open fail as an
 * unhandled rejection in whichever test file ran at the time.
 */
export default function setup(project: TestProject) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-tests-'));
  project.provide('testTempRoot', root);
  return () => fs.rmSync(root, { recursive: true, force: true });
}
