// Minimal typings for the two untyped packages behind the embedded store.
declare module 'pouchdb-node' {
  type PouchConstructor = { defaults(options: { prefix: string }): PouchConstructor };
  const PouchDB: PouchConstructor;
  export default PouchDB;
}

declare module 'express-pouchdb' {
  import type { Server } from 'node:http';
  type ExpressPouchOptions = { mode: 'fullCouchDB' | 'minimumForPouchDB' | 'custom'; inMemoryConfig?: boolean; logPath?: string; overrideMode?: { include?: string[]; exclude?: string[] } };
  type ExpressPouchApp = { listen(port: number, host: string, callback: () => void): Server };
  export default function expressPouchDB(PouchDB: unknown, options: ExpressPouchOptions): ExpressPouchApp;
}
