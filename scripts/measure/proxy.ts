// A counting TCP proxy on 127.0.0.1: the browser talks to it, it talks to the
// server, and every payload byte is counted on the socket in both directions
// (headers, chunking and compression included, the same way for any client).
// Requests are told apart by their first line (HTTP/1.1 over loopback, one
// request at a time per connection), so bytes and timings can be split by
// endpoint. It can also refuse connections for a while, which the app sees as
// "the server cannot be reached", and emulate a slow link (a rural one: 1.5
// Mbit/s down, 750 kbit/s up, 300 ms round trip) by holding each chunk back:
//
//   const proxy = await CountingProxy.start(port, { link: RURAL_LINK });
//
// Bytes are counted when they reach the proxy, before any delay. The link is
// one pipe per direction shared by every connection; it does not emulate TCP's
// handshake, slow start or loss.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { Transform, type Duplex, type TransformCallback } from 'node:stream';

/** Milliseconds since the epoch with sub-millisecond precision, comparable with the page's `performance.timeOrigin + performance.now()`. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

export interface ProxiedRequest {
  connection: number;
  /** `POST /api/sync/push`, query left out. */
  label: string;
  /** First and last byte sent by the client. */
  requestStart: number;
  requestEnd: number;
  /** First and last byte sent by the server; null until it answers. */
  responseStart: number | null;
  responseEnd: number | null;
  up: number;
  down: number;
}

export interface ByteCount {
  up: number;
  down: number;
}

/** A link between the browser and the server: kbit/s = 1,000 bit/s each way, and the round-trip time. */
export interface Link {
  downKbps: number;
  upKbps: number;
  rttMs: number;
}

/** The rural link the bench emulates: 1.5 Mbit/s down, 750 kbit/s up, 300 ms round trip. */
export const RURAL_LINK: Link = { downKbps: 1500, upKbps: 750, rttMs: 300 };

export interface ProxyOptions {
  link?: Link;
}

/**
 * One direction of a link, shared by every connection: a chunk leaves rttMs/2
 * after it arrived, but not before the previous chunk has finished leaving,
 * and takes bytes × 8 / kbps ms to leave (a FIFO at that bandwidth).
 */
class LinkDirection {
  private busyUntil = 0;

  constructor(private readonly kbps: number, private readonly oneWayMs: number) {}

  /** When a chunk of this size that arrived now has left the other end. */
  schedule(bytes: number, arrivedAt: number): number {
    const start = Math.max(arrivedAt + this.oneWayMs, this.busyUntil);
    this.busyUntil = start + (bytes * 8) / this.kbps;
    return this.busyUntil;
  }
}

/** Passes chunks on, in order, each at the time its link direction gives it. */
class Delay extends Transform {
  private readonly queue: { chunk: Buffer; at: number }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushed: TransformCallback | null = null;

  constructor(private readonly direction: LinkDirection) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.queue.push({ chunk, at: this.direction.schedule(chunk.length, preciseNow()) });
    this.arm();
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.queue.length === 0) callback();
    else this.flushed = callback;
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.queue.length = 0;
    callback(error);
  }

  private arm(): void {
    const head = this.queue[0];
    if (this.timer || !head) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      while (this.queue[0] && this.queue[0].at <= preciseNow()) this.push(this.queue.shift()!.chunk);
      if (this.queue.length > 0) this.arm();
      else if (this.flushed) {
        const done = this.flushed;
        this.flushed = null;
        done();
      }
    }, Math.max(0, Math.ceil(head.at - preciseNow())));
  }
}

const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S+) HTTP\/1\.[01]\r\n/;

class Counter extends Transform {
  constructor(private readonly onChunk: (chunk: Buffer) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.onChunk(chunk);
    callback(null, chunk);
  }
}

export class CountingProxy {
  /** Every request seen, in the order they started. */
  readonly requests: ProxiedRequest[] = [];
  /** Bytes that flowed outside any recognised request (TLS would land here; plain HTTP should not). */
  unattributed: ByteCount = { up: 0, down: 0 };
  refusedConnections = 0;
  /** Open sockets, and the link's delay queues (destroyed with them). */
  private readonly sockets = new Set<Duplex>();
  private blocked = false;
  private connections = 0;

  private readonly link: { up: LinkDirection; down: LinkDirection } | null;

  private constructor(private readonly server: Server, readonly port: number, private readonly targetPort: number, options: ProxyOptions) {
    server.on('connection', (client) => this.accept(client));
    const link = options.link;
    this.link = link
      ? { up: new LinkDirection(link.upKbps, link.rttMs / 2), down: new LinkDirection(link.downKbps, link.rttMs / 2) }
      : null;
  }

  /** Listens on a free loopback port and forwards to `targetPort`, through an emulated link if one is given. */
  static start(targetPort: number, options: ProxyOptions = {}): Promise<CountingProxy> {
    const link = options.link;
    if (link && !(link.downKbps > 0 && link.upKbps > 0 && link.rttMs >= 0)) {
      return Promise.reject(new Error(`Not a link: ${JSON.stringify(link)}`));
    }
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        if (typeof address !== 'object' || !address) {
          reject(new Error('The proxy has no port'));
          return;
        }
        resolve(new CountingProxy(server, address.port, targetPort, options));
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Cuts every open connection and refuses new ones until `unblock()`. */
  block(): void {
    this.blocked = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  unblock(): void {
    this.blocked = false;
  }

  /** Requests that started in [from, to). */
  requestsBetween(from: number, to: number = Infinity): ProxiedRequest[] {
    return this.requests.filter((request) => request.requestStart >= from && request.requestStart < to);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.blocked) {
      this.refusedConnections++;
      client.destroy();
      return;
    }
    const connection = ++this.connections;
    const upstream = connect({ host: '127.0.0.1', port: this.targetPort });
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    let current: ProxiedRequest | null = null;

    const up = new Counter((chunk) => {
      const now = preciseNow();
      const line = REQUEST_LINE.exec(chunk.subarray(0, 2048).toString('latin1'));
      if (line) {
        const path = line[2]!.split('?')[0]!;
        current = {
          connection, label: `${line[1]} ${path}`, requestStart: now, requestEnd: now,
          responseStart: null, responseEnd: null, up: 0, down: 0,
        };
        this.requests.push(current);
      }
      if (current) {
        current.up += chunk.length;
        current.requestEnd = now;
      } else {
        this.unattributed.up += chunk.length;
      }
    });
    const down = new Counter((chunk) => {
      const now = preciseNow();
      if (current) {
        current.down += chunk.length;
        current.responseStart ??= now;
        current.responseEnd = now;
      } else {
        this.unattributed.down += chunk.length;
      }
    });

    const delays = this.link ? { up: new Delay(this.link.up), down: new Delay(this.link.down) } : null;
    const streams: Duplex[] = delays ? [client, upstream, delays.up, delays.down] : [client, upstream];
    for (const stream of streams) this.sockets.add(stream);
    const finish = () => {
      for (const stream of streams) {
        stream.destroy();
        this.sockets.delete(stream);
      }
    };
    // Through a link, a side that closed after ending cleanly still has bytes on their way to the
    // other side: the pipe ends that one once they have left. Without a link they have already gone.
    const closed = (socket: Socket, other: Socket) => () => {
      if (delays && socket.readableEnded && !socket.errored && !other.destroyed) this.sockets.delete(socket);
      else finish();
    };
    client.on('error', finish);
    upstream.on('error', finish);
    client.on('close', closed(client, upstream));
    upstream.on('close', closed(upstream, client));
    if (delays) {
      client.pipe(up).pipe(delays.up).pipe(upstream);
      upstream.pipe(down).pipe(delays.down).pipe(client);
    } else {
      client.pipe(up).pipe(upstream);
      upstream.pipe(down).pipe(client);
    }
  }
}

/** Bytes of these requests, both ways. */
export function sumBytes(requests: readonly ProxiedRequest[]): ByteCount {
  return requests.reduce((sum, request) => ({ up: sum.up + request.up, down: sum.down + request.down }), { up: 0, down: 0 });
}
