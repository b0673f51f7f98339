// A fault-injecting HTTP proxy for tests: sits between a client (the app's
// sync engine, a browser) and the real server on loopback, and for each
// request does what the test's rule says — pass it on, delay it, cut the
// connection in the middle of the request or the response body, drop the
// response after the server answered (and so committed), answer an HTML
// error page as a reverse proxy would, or trickle the response slowly.
import { request as httpRequest, createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | { kind: 'pass' }
  /** Waits before forwarding the request ('before') or before answering the client ('after': the server has committed). */
  | { kind: 'delay'; ms: number; when: 'before' | 'after' }
  /** Forwards the request, lets the server answer in full, then closes the client's connection without a byte. */
  | { kind: 'drop-response' }
  /** Sends the server the headers and only the first `bytes` of the body, then cuts both connections. */
  | { kind: 'cut-request'; bytes: number }
  /** Forwards, then gives the client the status, headers and only the first `bytes` of the body, then cuts. */
  | { kind: 'cut-response'; bytes: number }
  /** An HTML error page of a reverse proxy; with `forward` the server got (and committed) the request first. */
  | { kind: 'error-page'; status: 500 | 502 | 503 | 504; forward: boolean }
  /** A whole other answer: a captive portal's 200 login page, a JSON that is not ours… With `forward` the server got the request first. */
  | { kind: 'replace'; status: number; contentType: string; body: string; forward: boolean }
  /** Forwards, then sends the answer `chunk` bytes every `everyMs` ms. */
  | { kind: 'trickle'; chunk: number; everyMs: number }
  /** Hook for tests that act on the server while a request is in flight (e.g. kill it). */
  | { kind: 'hold'; onForwarded: () => void };

export interface ProxiedRequest {
  method: string;
  path: string;
  /** 0-based count of requests seen so far. */
  index: number;
  /** Of requests to this method and path (without the query). */
  indexOnRoute: number;
}

export interface ProxyLogEntry extends ProxiedRequest {
  fault: Fault['kind'];
  /** The server's status, when the request reached it and it answered. */
  upstreamStatus: number | null;
  /** What the client was sent, or null when it got no complete answer. */
  clientStatus: number | null;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'te', 'trailer']);

function forwardHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    stream.on('aborted', () => reject(new Error('aborted')));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function errorPage(status: number): string {
  const title = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' }[status] ?? 'Error';
  return `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

interface UpstreamReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export class FaultProxy {
  readonly log: ProxyLogEntry[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private rule: (request: ProxiedRequest) => Fault = () => ({ kind: 'pass' });
  private count = 0;
  private readonly perRoute = new Map<string, number>();
  url = '';

  constructor(private readonly upstream: string) {}

  /** Decides each request's fault from here on. */
  setRule(rule: (request: ProxiedRequest) => Fault): void {
    this.rule = rule;
  }

  /** Faults the first `times` requests matching `match`, passes everything else. */
  failFirst(match: (request: ProxiedRequest) => boolean, fault: Fault, times = 1): void {
    let left = times;
    this.setRule((request) => {
      if (left > 0 && match(request)) {
        left--;
        return fault;
      }
      return { kind: 'pass' };
    });
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch(() => {
        req.socket.destroy();
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const routeKey = `${req.method} ${path}`;
    const indexOnRoute = this.perRoute.get(routeKey) ?? 0;
    this.perRoute.set(routeKey, indexOnRoute + 1);
    const info: ProxiedRequest = { method: req.method ?? 'GET', path, index: this.count++, indexOnRoute };
    const fault = this.rule(info);
    const entry: ProxyLogEntry = { ...info, fault: fault.kind, upstreamStatus: null, clientStatus: null };
    this.log.push(entry);
    const body = await readAll(req);

    switch (fault.kind) {
      case 'cut-request': {
        await this.sendPartial(req, body, Math.min(fault.bytes, Math.max(0, body.length - 1)));
        req.socket.destroy();
        return;
      }
      case 'error-page': {
        if (fault.forward) entry.upstreamStatus = (await this.forward(req, body)).status;
        this.answer(res, entry, { status: fault.status, headers: { 'content-type': 'text/html' }, body: Buffer.from(errorPage(fault.status)) });
        return;
      }
      case 'replace': {
        if (fault.forward) entry.upstreamStatus = (await this.forward(req, body)).status;
        this.answer(res, entry, { status: fault.status, headers: { 'content-type': fault.contentType }, body: Buffer.from(fault.body) });
        return;
      }
      case 'delay':
        if (fault.when === 'before') await sleep(fault.ms);
        break;
      default:
        break;
    }

    const reply = await this.forward(req, body, fault.kind === 'hold' ? fault.onForwarded : undefined);
    entry.upstreamStatus = reply.status;
    switch (fault.kind) {
      case 'drop-response':
        req.socket.destroy();
        return;
      case 'cut-response': {
        res.writeHead(reply.status, { ...forwardHeaders(reply.headers), 'content-length': String(reply.body.length) });
        res.write(reply.body.subarray(0, Math.min(fault.bytes, Math.max(0, reply.body.length - 1))));
        await sleep(20);
        req.socket.destroy();
        return;
      }
      case 'trickle': {
        res.writeHead(reply.status, { ...forwardHeaders(reply.headers), 'content-length': String(reply.body.length) });
        for (let at = 0; at < reply.body.length; at += fault.chunk) {
          if (res.destroyed || req.socket.destroyed) return;
          res.write(reply.body.subarray(at, at + fault.chunk));
          await sleep(fault.everyMs);
        }
        res.end();
        entry.clientStatus = reply.status;
        return;
      }
      case 'delay':
        if (fault.when === 'after') await sleep(fault.ms);
        break;
      default:
        break;
    }
    this.answer(res, entry, reply);
  }

  private answer(res: ServerResponse, entry: ProxyLogEntry, reply: UpstreamReply): void {
    if (res.destroyed || res.socket?.destroyed) return;
    res.writeHead(reply.status, { ...forwardHeaders(reply.headers), 'content-length': String(reply.body.length) });
    res.end(reply.body);
    entry.clientStatus = reply.status;
  }

  private forward(req: IncomingMessage, body: Buffer, onForwarded?: () => void): Promise<UpstreamReply> {
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(`${this.upstream}${req.url ?? '/'}`, {
        method: req.method, headers: { ...forwardHeaders(req.headers), 'content-length': String(body.length) }, agent: false,
      }, (response) => {
        readAll(response).then((data) => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: data }), reject);
      });
      upstream.on('error', reject);
      upstream.end(body, () => onForwarded?.());
    });
  }

  /** Sends the server the request's headers (with the full length) and part of its body, then cuts the connection. */
  private sendPartial(req: IncomingMessage, body: Buffer, bytes: number): Promise<void> {
    return new Promise((resolve) => {
      const upstream = httpRequest(`${this.upstream}${req.url ?? '/'}`, {
        method: req.method, headers: { ...forwardHeaders(req.headers), 'content-length': String(body.length) }, agent: false,
      });
      upstream.on('error', () => resolve());
      upstream.flushHeaders();
      upstream.write(body.subarray(0, bytes), () => {
        setTimeout(() => {
          upstream.destroy();
          resolve();
        }, 50);
      });
    });
  }
}
