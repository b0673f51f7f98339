import http from 'node:http';
import { startLiveServer } from './tests/integration/support/live-server';
import { sqliteBackend } from './tests/integration/support/backends';

function req(agent: http.Agent, port: number, method: string, path: string, body: Buffer | null, headers: Record<string,string> = {}, chunked = false): Promise<{status:number; headers: http.IncomingHttpHeaders; text:string; socketId: unknown}> {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: '127.0.0.1', port, method, path, agent, headers: { ...(body ? {'Content-Type':'application/json', ...(chunked ? {} : {'Content-Length': String(body.length)})} : {}), ...headers } }, (res) => {
      let t = ''; res.setEncoding('utf8'); res.on('data', (d) => t += d); res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: t.slice(0,200), socketId: (r.socket as any)?.localPort }));
    });
    r.on('error', reject);
    if (body && chunked) { for (let i = 0; i < body.length; i += 8192) r.write(body.subarray(i, i + 8192)); r.end(); }
    else if (body) r.end(body); else r.end();
  });
}
const live = await startLiveServer(sqliteBackend());
const port = Number(new URL(live.url).port);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const cases: [string, () => Promise<any>][] = [
  ['413 login chunked', () => req(agent, port, 'POST', '/api/auth/login', Buffer.alloc(200*1024, 'x'), {}, true)],
  ['413 login chunked 5MB', () => req(agent, port, 'POST', '/api/auth/login', Buffer.alloc(5*1024*1024, 'x'), {}, true)],
  ['401 blob 15MB', () => req(agent, port, 'PUT', '/api/blobs/' + 'a'.repeat(64), Buffer.alloc(15*1024*1024, 'x'))],
  ['413 login 5MB CL', () => req(agent, port, 'POST', '/api/auth/login', Buffer.alloc(5*1024*1024, 'x'))],
];
for (const [label, first] of cases) {
  try {
    const a = await first();
    console.log(label, a.status, a.headers.connection, a.socketId);
  } catch (e) { console.log(label, 'first failed', (e as Error).message); }
  try {
    const b = await req(agent, port, 'GET', '/api/health', null);
    console.log('  next', b.status, b.text.slice(0,60), b.socketId);
  } catch (e) { console.log('  next failed', (e as Error).message); }
}
// fetch (undici)
for (const [label, path, size] of [['fetch 413', '/api/auth/login', 5*1024*1024], ['fetch 401', '/api/sync/push', 1024*1024]] as const) {
  try { const r = await fetch(live.url + path, { method: 'POST', body: Buffer.alloc(size, 'x'), headers: {'Content-Type':'application/json'} }); console.log(label, r.status, r.headers.get('connection')); await r.text(); } catch (e) { console.log(label, 'failed', (e as Error).message, (e as any).cause?.code); }
  try { const r = await fetch(live.url + '/api/health'); console.log('  next', r.status); await r.text(); } catch (e) { console.log('  next failed', (e as Error).message, (e as any).cause?.code); }
}
agent.destroy();
await live.close();
