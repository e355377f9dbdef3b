import type { Principal } from '@shared/domain/principal';
import type { CollectionName } from '@shared/schemas/collections';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { ApiClient } from '@app/sync/api-client';
import { ChangeStream } from '@app/sync/change-stream';
import { startReplications, type CollectionReplication } from '@app/sync/replication';

/** One device in an integration test: the app's own database, stream and replications (fake-indexeddb in Node). */
export type TestDevice = { api: ApiClient; db: AppDatabase; stream: ChangeStream; replications: CollectionReplication[]; userId: string };

export type TestDeviceOptions = {
  username: string;
  userId: string;
  databaseName: string;
  collections: readonly CollectionName[];
  /** Conflicts are merged as this user's app merges them (without it RxDB keeps the server's version). */
  principal?: Principal;
  validate?: boolean;
};

/** Signs in, opens the device's database and replicates `collections` until the first sync is done. */
export async function startTestDevice(serverUrl: string, options: TestDeviceOptions): Promise<TestDevice> {
  const api = new ApiClient(serverUrl);
  await api.login(options.username, 'demo1234');
  const db = await openDatabase(options.databaseName, { indexedDB: { indexedDB, IDBKeyRange }, validate: options.validate, principal: options.principal });
  const stream = new ChangeStream(api);
  stream.start();
  const replications = startReplications(db, api, stream, options.userId, options.collections);
  await Promise.all(replications.map((replication) => replication.awaitInitialReplication()));
  return { api, db, stream, replications, userId: options.userId };
}

/** Stops what the device runs (its current replications included) and wipes its database. */
export async function stopTestDevice(device: TestDevice | undefined): Promise<void> {
  if (!device) return;
  device.stream.stop();
  await Promise.all(device.replications.map((replication) => replication.cancel()));
  await device.db.remove();
}

/** Offline, as the app is with no network: its stream and replications stop (the database stays open). */
export async function takeOffline(device: TestDevice): Promise<void> {
  device.stream.stop();
  await Promise.all(device.replications.map((replication) => replication.cancel()));
}

/** Back online: a new stream and replications, as the app starts them; resolves once they have caught up. */
export async function bringOnline(device: TestDevice, collections?: readonly CollectionName[]): Promise<void> {
  device.stream = new ChangeStream(device.api);
  device.stream.start();
  device.replications = startReplications(device.db, device.api, device.stream, device.userId, collections);
  await Promise.all(device.replications.map((replication) => replication.awaitInitialReplication()));
}

/** Resolves once `condition` holds, polling; fails after `timeoutMs` (tests wait for conditions, never for time). */
export async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
