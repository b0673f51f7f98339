// The Hono app: middleware, /api routes, static files, one error renderer.
// Tests call app.request() on it with no port; main.ts serves it.
import { existsSync } from 'node:fs';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { DEFAULT_PASSWORD_COST, makeDummyHash } from './auth/password';
import { FailureLimiter, type FailureLimiterOptions } from './auth/rate-limit';
import { BlobFiles } from './blobs/blob-files';
import type { ServerConfig } from './config';
import { Refusal, errorBody } from './errors';
import type { AppDeps, AppEnv } from './http/env';
import { securityHeaders } from './http/security-headers';
import { staticFiles } from './http/static-files';
import { authRoutes } from './routes/auth';
import { blobRoutes } from './routes/blobs';
import { healthRoutes, type Lifecycle } from './routes/health';
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
  /** Failed sign-ins allowed per email and per client address within the window. */
  loginLimits?: LoginLimits;
  /** Whether the process is stopping (main.ts knows); /api/ready answers 503 then. */
  lifecycle?: Lifecycle;
}

export interface LoginLimits {
  perEmail: FailureLimiterOptions;
  perAddress: FailureLimiterOptions;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;
export const LOGIN_LIMITS: LoginLimits = {
  perEmail: { maxFailures: 10, windowMs: FIFTEEN_MINUTES },
  // A community house's Wi-Fi puts a whole workshop behind one address.
  perAddress: { maxFailures: 30, windowMs: FIFTEEN_MINUTES },
};

export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const now = options.now ?? (() => Date.now());
  const passwordCost = options.passwordCost ?? DEFAULT_PASSWORD_COST;
  const deps: AppDeps = {
    store: options.store,
    config: options.config,
    now,
    clock: new ServerClock(now),
    committer: new PushCommitter(options.store),
    blobs: new BlobFiles(options.config.blobDir),
    emailLimiter: new FailureLimiter((options.loginLimits ?? LOGIN_LIMITS).perEmail),
    addressLimiter: new FailureLimiter((options.loginLimits ?? LOGIN_LIMITS).perAddress),
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
  api.all('*', (c) => c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}`), 404));

  const app = new Hono<AppEnv>();
  app.use('*', securityHeaders());
  app.use('*', compress());
  app.route('/api', api);
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
    console.error(`Unexpected error on ${c.req.method} ${c.req.path}:`, error);
    return c.json(errorBody('internal', 'Something went wrong on the server'), 500);
  });
  return app;
}
