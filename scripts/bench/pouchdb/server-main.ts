// The server side of the PouchDB comparison: express-pouchdb (mode
// "minimumForPouchDB": the CouchDB endpoints replication uses) over PouchDB 9
// on Node with its LevelDB adapter, databases in DATA_DIR. It also serves the
// bench page and PouchDB's browser build at /bench/, so the browser needs no
// CORS. Started as a child process by scripts/bench/pouchdb/server.ts:
//
//   PORT=5984 DATA_DIR=/tmp/pouch node --import tsx scripts/bench/pouchdb/server-main.ts
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb';

const port = Number(process.env.PORT);
const dataDir = process.env.DATA_DIR;
if (!(port > 0) || !dataDir) throw new Error('PORT and DATA_DIR must be set');

const require = createRequire(import.meta.url);
const pages: Record<string, { type: string; body: Buffer }> = {
  '/bench/': { type: 'text/html; charset=utf-8', body: readFileSync(new URL('./page.html', import.meta.url)) },
  '/bench/pouchdb.min.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(require.resolve('pouchdb/dist/pouchdb.min.js')) },
};

const couch = expressPouchDB(PouchDB.defaults({ prefix: join(dataDir, '/') }), { mode: 'minimumForPouchDB' });
const server = createServer((request, response) => {
  const page = request.method === 'GET' ? pages[request.url ?? ''] : undefined;
  if (!page) {
    couch(request, response);
    return;
  }
  response.writeHead(200, { 'content-type': page.type, 'content-length': page.body.length, 'cache-control': 'no-store' });
  response.end(page.body);
});
server.listen(port, '127.0.0.1', () => console.log(`PouchDB server on http://127.0.0.1:${port}, data in ${dataDir}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
