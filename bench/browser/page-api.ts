import type { TodayLimits } from '@app/features/today/today-query';

/**
 * The contract between the Node side of the bench and its in-browser pages: each page puts one
 * object on `window.bench`, which the Node side calls through page.evaluate. Kept in one file so
 * both sides agree on the shapes.
 */
export type SyncResult = {
  ms: number;
  docs: number;
  openMs?: number;
  network?: { requests: number; totalMs: number; serverWaitMs: number };
  /** When the load stored its first and last work-order page, after the start (User Timing marks). */
  pagesStored?: { count: number; firstMs: number; lastMs: number };
};
export type Credentials = { username: string; password: string };

export type OursPage = {
  initialSync: (input: Credentials) => Promise<SyncResult>;
  /** Offline edits (the Node side takes the network away first); resolves when all are stored. */
  editOffline: (count: number) => Promise<{ pending: number }>;
  /** Resolves with the time from the call until the outbox is empty (call it right after going online). */
  drainOutbox: () => Promise<{ ms: number }>;
  /** The Today screen's first list, for `runs` different days; counts are of the last run. */
  queryToday: (runs: number) => Promise<{ ms: number[]; today: number; earlierOpen: number; upcoming: number; pageSizes: TodayLimits }>;
  insertAssets: (url: string) => Promise<{ count: number; ms: number }>;
  queryAssetByTag: (tags: string[]) => Promise<{ ms: number[]; found: number }>;
  searchText: (terms: string[]) => Promise<{ ms: number[]; found: number; documents: number; buildMs: number }>;
  close: () => Promise<void>;
};

export type CouchReplicationPage = {
  /** Replicates `dbUrl` into a fresh local database; batch size as given; `push` (RxDB only) replicates both ways. */
  replicate: (input: { dbUrl: string; batchSize: number; expected: number; push?: boolean }) => Promise<SyncResult>;
};

export type FloorPage = {
  /** fetch + Dexie bulkPut of the same JSON the other contenders receive. */
  fetchAndStore: (input: { url: string; indexes: boolean }) => Promise<SyncResult>;
};

declare global {
  interface Window {
    bench: OursPage | CouchReplicationPage | FloorPage;
  }
}
