/** The little of pouchdb-browser the bench uses (its @types package drags in conflicting Node types). */
declare module 'pouchdb-browser' {
  type Info = { doc_count: number; update_seq: number | string };
  class PouchDB {
    constructor(name: string);
    info(): Promise<Info>;
    static replicate(source: PouchDB, target: PouchDB, options?: { batch_size?: number; batches_limit?: number }): Promise<unknown>;
  }
  export default PouchDB;
}
