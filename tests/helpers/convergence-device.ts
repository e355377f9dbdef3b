import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ConflictRecord } from '@shared/schemas/conflict-record';
import type { Role } from '@shared/schemas/common';
import type { WorkOrder } from '@shared/schemas/work-order';
import type { RunCounts, RunOptions } from './convergence-ops';
import type { LedgerEntry } from './write-ledger';

export type DeviceState = { role: Role; userId: string; docs: WorkOrder[]; outbox: number; records: ConflictRecord[]; errors: string[]; settled: boolean; pending: unknown[] };

/** The test's handle on a device running in a worker thread (see convergence-worker.ts). */
export class ConvergenceDevice {
  private constructor(
    readonly username: string,
    private readonly worker: Worker,
  ) {}

  static async start(options: RunOptions & { url: string; username: string; databaseName: string }): Promise<ConvergenceDevice> {
    // A worker does not inherit vitest's TypeScript loader: tsx's API registers one, then loads the device.
    const entry = pathToFileURL(path.resolve(import.meta.dirname, 'convergence-worker.ts')).href;
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: options });
    const device = new ConvergenceDevice(options.username, worker);
    await device.next('ready');
    return device;
  }

  async run(): Promise<{ ledger: LedgerEntry[]; counts: RunCounts }> {
    this.worker.postMessage({ kind: 'run' });
    return this.next('ran');
  }

  async sync(): Promise<DeviceState> {
    this.worker.postMessage({ kind: 'sync' });
    return this.next('state');
  }

  async close(): Promise<void> {
    this.worker.postMessage({ kind: 'close' });
    await this.next('closed');
    await this.worker.terminate();
  }

  private next<T>(kind: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: { kind: string; message?: string }) => {
        this.worker.off('message', onMessage);
        this.worker.off('error', reject);
        if (message.kind === kind) resolve(message as T);
        else reject(new Error(`${this.username}: expected ${kind}, got ${message.kind}: ${message.message ?? ''}`));
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
    });
  }
}
