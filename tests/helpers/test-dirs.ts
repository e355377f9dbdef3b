import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

/**
 * A fresh folder for an in-process store, removed when the test run ends, not when its test file
 * does (why: tests/helpers/temp-root.global-setup.ts).
 */
export function makeStoreDir(prefix: string): string {
  return fs.mkdtempSync(path.join(inject('testTempRoot'), `${prefix}-`));
}
