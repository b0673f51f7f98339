// Just enough of the bench's own packages' APIs for the code that uses them:
// PouchDB and express-pouchdb (the comparison server, scripts/bench/pouchdb/
// server-main.ts; neither ships types), Lighthouse and chrome-launcher
// (lighthouse.ts). They live in scripts/bench/node_modules, installed on the
// bench's first use, so the type check must not need them.

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

declare module 'lighthouse' {
  /** Audits `url` in the Chrome listening on `flags.port`; the report is read as unknown and parsed (see parseLighthouseResult). */
  function lighthouse(url: string, flags: Record<string, unknown> & { port: number }): Promise<{ lhr: unknown } | undefined>;
  export default lighthouse;
}

declare module 'chrome-launcher' {
  export interface LaunchedChrome {
    port: number;
    kill(): Promise<void>;
  }
  export function launch(options: { chromePath: string; chromeFlags: string[]; userDataDir: string; logLevel: 'error' | 'silent' | 'info' | 'verbose' }): Promise<LaunchedChrome>;
}
