import type { Principal } from '@shared/domain/principal';
import type { WorkOrder } from '@shared/schemas/work-order';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { toDomain } from '@app/db/hooks';
import { ApiClient } from '@app/sync/api-client';
import { ChangeStream } from '@app/sync/change-stream';
import { startReplications, type CollectionReplication } from '@app/sync/replication';
import { setNetwork } from './network';

/**
 * One device in a convergence test: the app's own database (fake-indexeddb), conflict handler,
 * replication and change stream, replicating work orders with the real server. Going offline
 * pauses replication and drops the stream, as losing the network does.
 */
export class ConvergenceClient {
  online = true;
  readonly errors: unknown[] = [];

  private constructor(
    readonly name: string,
    readonly principal: Principal,
    readonly db: AppDatabase,
    private readonly stream: ChangeStream,
    private readonly replications: CollectionReplication[],
  ) {}

  static async open(url: string, username: string, databaseName: string): Promise<ConvergenceClient> {
    const api = new ApiClient(url);
    const { user } = await api.login(username, 'demo1234');
    const principal: Principal = { id: user.id, role: user.role, siteIds: user.siteIds };
    const db = await openDatabase(databaseName, { indexedDB: { indexedDB, IDBKeyRange }, principal });
    const stream = new ChangeStream(api);
    stream.start();
    const replications = startReplications(db, api, stream, user.id, ['workOrders']);
    const client = new ConvergenceClient(username, principal, db, stream, replications);
    for (const replication of replications) replication.error$.subscribe((error) => client.online && client.errors.push(error));
    await Promise.all(replications.map((replication) => replication.awaitInitialReplication()));
    return client;
  }

  /**
   * Offline as a phone is offline: every request fails (see network.ts) and replication retries,
   * rather than pausing RxDB's replication, which the app never does.
   */
  async goOffline(): Promise<void> {
    this.online = false;
    setNetwork(false);
    this.stream.stop();
  }

  async goOnline(): Promise<void> {
    this.online = true;
    setNetwork(true);
    this.stream.start();
    for (const replication of this.replications) {
      replication.retryTime = 500;
      replication.reSync();
    }
  }

  async awaitInSync(): Promise<void> {
    for (const replication of this.replications) replication.reSync();
    await Promise.all(this.replications.map((replication) => replication.awaitInSync()));
  }

  async workOrders(): Promise<WorkOrder[]> {
    return (await this.db.workOrders.find().exec()).map((doc) => toDomain<WorkOrder>(doc.toJSON()));
  }

  /** The ids of the test's pool (ids `cv-…`), read through the primary key index. */
  async poolIds(): Promise<string[]> {
    const docs = await this.db.workOrders.find({ selector: { id: { $gte: 'cv-', $lt: 'cv.' } } }).exec();
    return docs.map((doc) => doc.id);
  }

  async poolWorkOrder(id: string): Promise<WorkOrder | undefined> {
    const doc = await this.db.workOrders.findOne(id).exec();
    return doc ? toDomain<WorkOrder>(doc.toJSON()) : undefined;
  }

  /**
   * Drop the connection and make a new one (a flapping network). Used when a replication has not
   * settled in time, so a stalled pause/resume of the test's simulated network cannot hang it.
   */
  async reconnect(): Promise<void> {
    await this.goOffline();
    await this.goOnline();
  }

  async close(): Promise<void> {
    this.stream.stop();
    await Promise.all(this.replications.map((replication) => replication.cancel()));
    await this.db.remove();
    await this.db.close();
  }
}
