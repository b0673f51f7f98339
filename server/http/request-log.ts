// One JSON line per request (pino): time, request id, method, route pattern
// (never the raw path, which carries ids), status, duration, organisation id
// and bytes. Never a header, query, body or name: no token, password, name,
// phone or e-mail can reach the log from here. Unexpected errors are logged
// as JSON too, with their stack and no request body.
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { AppEnv, Session } from './env';
import type { ServerMetrics } from './metrics';

export type { Logger };

/** The server's logger: JSON lines on stdout (or `destination`), ISO times. */
export function createLogger(destination?: DestinationStream): Logger {
  const options = { timestamp: pino.stdTimeFunctions.isoTime, base: { pid: process.pid } };
  return destination ? pino(options, destination) : pino(options);
}

/** A logger that writes nothing (tests that do not look at logs). */
export function silentLogger(): Logger {
  return pino({ enabled: false });
}

function orgIdOf(c: Context<AppEnv>): string | undefined {
  // Unset before requireSession has run (or when it refused).
  const session: Session | undefined = c.get('session');
  return session?.organisation.id;
}

export function requestLog(logger: Logger, metrics: ServerMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    const route = routePath(c);
    const status = c.res.status;
    const bytesIn = Number(c.req.header('Content-Length') ?? 0) || 0;
    const done = (bytesOut: number | null) => {
      const seconds = (performance.now() - started) / 1000;
      metrics.request(c.req.method, route, status, seconds);
      logger.info({
        requestId, method: c.req.method, route, status, durationMs: Math.round(seconds * 10_000) / 10, orgId: orgIdOf(c), bytesIn, bytesOut,
      }, 'request');
    };
    // Under the Node server, bytes are counted as they reach the connection, once the reply is sent;
    // c.env is undefined under app.request() without an environment.
    const env: Partial<AppEnv['Bindings']> | undefined = c.env;
    const socket = env?.outgoing?.socket;
    if (env?.outgoing && socket) {
      const before = socket.bytesWritten;
      env.outgoing.once('close', () => done(socket.bytesWritten - before));
    } else {
      const length = c.res.headers.get('Content-Length');
      done(length === null ? null : Number(length));
    }
  };
}

/** An unexpected error as a log entry: its kind, message, code and stack; never the request's body or headers. */
export function logUnexpected(logger: Logger, c: Context<AppEnv>, error: unknown): void {
  const detail = error instanceof Error
    ? { type: error.name, message: error.message, stack: error.stack, ...('code' in error ? { code: String(error.code) } : {}) }
    : { type: typeof error, message: 'A non-Error value was thrown' };
  logger.error({ requestId: c.get('requestId'), method: c.req.method, route: routePath(c), orgId: orgIdOf(c), error: detail }, 'unexpected error');
}
