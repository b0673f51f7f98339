// Just enough of PouchDB's and express-pouchdb's Node APIs for the comparison
// server (scripts/bench/pouchdb/server-main.ts); neither ships its own types.

declare module 'pouchdb' {
  interface PouchDBConstructor {
    /** A PouchDB class whose databases live under `prefix` (a folder path ending in '/', for LevelDB). */
    defaults(options: { prefix?: string; adapter?: string }): PouchDBConstructor;
  }
  const PouchDB: PouchDBConstructor;
  export default PouchDB;
}

declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  /** An Express app speaking CouchDB's HTTP API over the given PouchDB class. */
  function expressPouchDB(
    pouchDB: unknown,
    options?: { mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom'; inMemoryConfig?: boolean },
  ): RequestListener;
  export default expressPouchDB;
}
