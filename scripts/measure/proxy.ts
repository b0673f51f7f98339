// A counting TCP proxy on 127.0.0.1: the browser talks to it, it talks to the
// server, and every payload byte is counted on the socket in both directions
// (headers, chunking and compression included, the same way for any client).
// Requests are told apart by their first line (HTTP/1.1 over loopback, one
// request at a time per connection), so bytes and timings can be split by
// endpoint. It can also refuse connections for a while, which the app sees as
// "the server cannot be reached".
import { createServer, connect, type Server, type Socket } from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';

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
  private readonly sockets = new Set<Socket>();
  private blocked = false;
  private connections = 0;

  private constructor(private readonly server: Server, readonly port: number, private readonly targetPort: number) {
    server.on('connection', (client) => this.accept(client));
  }

  static start(targetPort: number): Promise<CountingProxy> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        if (typeof address !== 'object' || !address) {
          reject(new Error('The proxy has no port'));
          return;
        }
        resolve(new CountingProxy(server, address.port, targetPort));
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
    this.sockets.add(client);
    this.sockets.add(upstream);
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

    const finish = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', finish);
    upstream.on('error', finish);
    client.on('close', finish);
    upstream.on('close', finish);
    client.pipe(up).pipe(upstream);
    upstream.pipe(down).pipe(client);
  }
}

/** Bytes of these requests, both ways. */
export function sumBytes(requests: readonly ProxiedRequest[]): ByteCount {
  return requests.reduce((sum, request) => ({ up: sum.up + request.up, down: sum.down + request.down }), { up: 0, down: 0 });
}
