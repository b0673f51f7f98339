// The measuring proxy's emulated link (scripts/measure/proxy.ts): bytes take
// at least the one-way latency plus their size over the bandwidth to cross,
// arrive whole and in order, and are counted the same as without a link.
// Only lower bounds on time are asserted, so a busy machine cannot fail it.
//   npx vitest run --project node tests/integration/counting-proxy-link.test.ts
import { createHash } from 'node:crypto';
import { connect, createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CountingProxy, RURAL_LINK as RURAL, preciseNow, type Link } from '../../scripts/measure/proxy';

const BODY_BYTES = 75_000;
const ANSWER_BYTES = 150_000;
/** Timers may fire a millisecond early against performance.now(); nothing here is that tight. */
const SLACK_MS = 2;

const head = `POST /upload HTTP/1.1\r\nContent-Length: ${BODY_BYTES}\r\n\r\n`;
const request = Buffer.concat([Buffer.from(head, 'latin1'), Buffer.alloc(BODY_BYTES, 'u')]);
const answer = Buffer.concat([
  Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${ANSWER_BYTES}\r\n\r\n`, 'latin1'),
  Buffer.from(Array.from({ length: ANSWER_BYTES }, (_, i) => 97 + (i % 26))),
]);
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

interface Exchange {
  sentAt: number;
  /** When the server had the whole request, and what it got. */
  serverGotAt: number;
  serverGot: Buffer;
  /** When the client had the whole answer, and what it got. */
  clientGotAt: number;
  clientGot: Buffer;
}

/** A server that reads one whole request, then answers and closes. */
function startServer(): Promise<{ server: Server; port: number; received: Promise<{ at: number; data: Buffer }> }> {
  return new Promise((resolve) => {
    let done: (value: { at: number; data: Buffer }) => void = () => {};
    const received = new Promise<{ at: number; data: Buffer }>((r) => { done = r; });
    const server = createServer((socket) => {
      const chunks: Buffer[] = [];
      let length = 0;
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
        if (length === request.length) {
          done({ at: preciseNow(), data: Buffer.concat(chunks) });
          socket.end(answer);
        }
      });
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0, received });
    });
  });
}

const opened: { close: () => unknown }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0)) await thing.close();
});

async function exchange(link?: Link): Promise<{ result: Exchange; proxy: CountingProxy }> {
  const { server, port, received } = await startServer();
  opened.push({ close: () => new Promise((r) => server.close(r)) });
  const proxy = await CountingProxy.start(port, link ? { link } : {});
  opened.push(proxy);
  const socket = connect({ host: '127.0.0.1', port: proxy.port });
  await new Promise((r) => socket.once('connect', r));
  const chunks: Buffer[] = [];
  const ended = new Promise<number>((r) => socket.on('end', () => r(preciseNow())));
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const sentAt = preciseNow();
  socket.write(request);
  const got = await received;
  const clientGotAt = await ended;
  socket.destroy();
  return {
    result: { sentAt, serverGotAt: got.at, serverGot: got.data, clientGotAt, clientGot: Buffer.concat(chunks) },
    proxy,
  };
}

describe('CountingProxy link emulation', () => {
  it('without a link passes and counts the bytes', async () => {
    const { result, proxy } = await exchange();
    expect(sha(result.serverGot)).toBe(sha(request));
    expect(sha(result.clientGot)).toBe(sha(answer));
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]).toMatchObject({ label: 'POST /upload', up: request.length, down: answer.length });
  });

  it('on the rural link, delays each direction by half the round trip plus size over bandwidth', async () => {
    const { result, proxy } = await exchange(RURAL);
    // 75,000 + header bytes up at 750 kbit/s: > 800 ms, after 150 ms of latency.
    const upMs = RURAL.rttMs / 2 + (request.length * 8) / RURAL.upKbps;
    expect(upMs).toBeGreaterThan(950);
    expect(result.serverGotAt - result.sentAt).toBeGreaterThanOrEqual(upMs - SLACK_MS);
    // 150,000 + header bytes down at 1.5 Mbit/s: > 800 ms more, after 150 ms.
    const downMs = RURAL.rttMs / 2 + (answer.length * 8) / RURAL.downKbps;
    expect(result.clientGotAt - result.serverGotAt).toBeGreaterThanOrEqual(downMs - SLACK_MS);
    // Whole, in order, and counted the same as without a link, when the bytes reached the proxy.
    expect(sha(result.serverGot)).toBe(sha(request));
    expect(sha(result.clientGot)).toBe(sha(answer));
    expect(proxy.requests).toHaveLength(1);
    const counted = proxy.requests[0]!;
    expect(counted).toMatchObject({ label: 'POST /upload', up: request.length, down: answer.length });
    expect(proxy.unattributed).toEqual({ up: 0, down: 0 });
    expect(counted.requestEnd).toBeLessThan(result.serverGotAt);
  });

  it('shares one direction among connections: two uploads at once take the time of both', async () => {
    const { server, port } = await startServer();
    opened.push({ close: () => new Promise((r) => server.close(r)) });
    const proxy = await CountingProxy.start(port, { link: RURAL });
    opened.push(proxy);
    const sentAt = preciseNow();
    const finished = await Promise.all([0, 1].map(() => new Promise<number>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: proxy.port }, () => socket.write(request));
      socket.on('error', reject);
      socket.resume();
      socket.on('end', () => { resolve(preciseNow()); socket.destroy(); });
    })));
    const bothUpMs = RURAL.rttMs / 2 + (2 * request.length * 8) / RURAL.upKbps;
    expect(Math.max(...finished) - sentAt).toBeGreaterThanOrEqual(bothUpMs - SLACK_MS);
    expect(proxy.requests.map((r) => r.up)).toEqual([request.length, request.length]);
  });

  it('refuses a link without bandwidth', async () => {
    await expect(CountingProxy.start(1, { link: { downKbps: 0, upKbps: 750, rttMs: 300 } })).rejects.toThrow('Not a link');
  });
});
