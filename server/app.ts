// The Hono app: middleware, /api routes, static files, one error renderer.
// Tests call app.request() on it with no port; main.ts serves it.
import { existsSync } from 'node:fs';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { DEFAULT_PASSWORD_COST, makeDummyHash } from './auth/password';
import { LOGIN_LIMITS, LoginLimiter, type LoginLimits } from './auth/rate-limit';
import type { BlobStore } from './blobs/blob-store';
import { openBlobStore } from './blobs/open-blob-store';
import type { ServerConfig } from './config';
import { Refusal, errorBody } from './errors';
import type { AppDeps, AppEnv } from './http/env';
import { closeIfBodyUnread } from './http/close-unread';
import { ServerMetrics } from './http/metrics';
import { noStore } from './http/no-store';
import { logUnexpected, requestLog, silentLogger, type Logger } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import { staticFiles } from './http/static-files';
import { authRoutes } from './routes/auth';
import { blobRoutes } from './routes/blobs';
import { healthRoutes, type Lifecycle } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { programmeRoutes } from './routes/programmes';
import { setupRoutes } from './routes/setup';
import { syncRoutes } from './routes/sync';
import { userRoutes } from './routes/users';
import type { Store } from './store/store';
import { PushCommitter } from './sync/group-commit';
import { ServerClock } from './sync/server-clock';

export interface CreateAppOptions {
  store: Store;
  config: ServerConfig;
  now?: () => number;
  /** log2 of scrypt's N for new password hashes; tests lower it. */
  passwordCost?: number;
  /** How failed sign-ins slow further tries down (server/auth/rate-limit.ts). */
  loginLimits?: LoginLimits;
  /** Request and error log; tests that do not read it leave it out (nothing is written). */
  logger?: Logger;
  /** The photo store; made from the configuration when left out. */
  blobs?: BlobStore;
  /** Whether the process is stopping (main.ts knows); /api/ready answers 503 then. */
  lifecycle?: Lifecycle;
}

export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const now = options.now ?? (() => Date.now());
  const passwordCost = options.passwordCost ?? DEFAULT_PASSWORD_COST;
  const logger = options.logger ?? silentLogger();
  const metrics = new ServerMetrics(options.store, { processMetrics: options.config.metricsToken !== undefined });
  const deps: AppDeps = {
    store: options.store,
    config: options.config,
    now,
    clock: new ServerClock(now),
    committer: new PushCommitter(options.store),
    blobs: options.blobs ?? openBlobStore(options.config),
    metrics,
    logins: new LoginLimiter(options.store, options.loginLimits ?? LOGIN_LIMITS),
    passwordCost,
    dummyPasswordHash: makeDummyHash(passwordCost),
  };

  const api = new Hono<AppEnv>();
  api.route('/', healthRoutes(deps, options.lifecycle));
  api.route('/auth', authRoutes(deps));
  api.route('/setup', setupRoutes(deps));
  api.route('/users', userRoutes(deps));
  api.route('/sync', syncRoutes(deps));
  api.route('/blobs', blobRoutes(deps));
  api.route('/programmes', programmeRoutes(deps));
  api.all('*', (c) => c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}`), 404));

  const app = new Hono<AppEnv>();
  app.use('*', requestLog(logger, metrics));
  app.use('*', closeIfBodyUnread(), securityHeaders());
  app.use('/api/*', noStore());
  app.use('*', compress());
  app.route('/api', api);
  app.route('/metrics', metricsRoutes(metrics, options.config.metricsToken));
  if (existsSync(options.config.staticDir)) {
    const { files, deepLinks } = staticFiles(options.config.staticDir);
    app.get('*', files, deepLinks);
  } else {
    app.get('*', (c) => c.text(`The app is not built (no ${options.config.staticDir}): run npm run build, or npm start`, 404));
  }

  app.notFound((c) => c.text('Not found', 404));
  app.onError((error, c) => {
    if (error instanceof Refusal) return c.json(errorBody(error.code, error.message), error.status, error.headers);
    if (error instanceof HTTPException) return c.json(errorBody('http_error', error.message || 'Request failed'), error.status);
    logUnexpected(logger, c, error);
    return c.json(errorBody('internal', 'Something went wrong on the server'), 500);
  });
  return app;
}
