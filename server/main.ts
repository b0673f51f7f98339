// Entry point: reads the configuration, opens the store, prints the setup
// link on an empty database and serves the app over HTTP, or HTTPS with
// TLS_CERT and TLS_KEY. The only file that binds a port. On SIGTERM or SIGINT
// it takes no new connections, answers the requests in flight, closes the
// database and exits 0.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createSecureContext } from 'node:tls';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, exposesPlainHttp, loadConfig, type ServerConfig, type TlsFiles } from './config';
import { createLogger } from './http/request-log';
import { announceSetupLink } from './setup-link';
import { openStore, storeTarget } from './store/open';
import { schedulePruning } from './sync/retention';

/** Within this the process is gone: a container stops after 10 s by default, systemd after 90. */
const SHUTDOWN_GRACE_MS = 10_000;
/** How often a stopping server closes keep-alive connections that have gone quiet since the last sweep. */
const IDLE_SWEEP_MS = 100;

function describeDatabase(config: ServerConfig): string {
  if (!config.databaseUrl) return `SQLite ${config.dataDir}/talka.sqlite`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

/** The certificate and key, checked to be PEM and to belong together, so a mistake stops the start and not the first visitor. */
function readTls(tls: TlsFiles): { cert: Buffer; key: Buffer } {
  const read = (name: string, path: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new ConfigError(`${name} ${path} cannot be read (${error instanceof Error && 'code' in error ? String(error.code) : 'unknown error'})`);
    }
  };
  const files = { cert: read('TLS_CERT', tls.certFile), key: read('TLS_KEY', tls.keyFile) };
  try {
    createSecureContext(files);
  } catch (error) {
    throw new ConfigError(`TLS_CERT and TLS_KEY must be a PEM certificate and its private key (${error instanceof Error ? error.message : String(error)})`);
  }
  return files;
}

const PLAIN_HTTP_WARNING = [
  'Warning: serving plain HTTP on a network address. Tablets on the network will not work offline:',
  'browsers allow service workers, offline work and encrypted backups only over HTTPS or on localhost.',
  'Set TLS_CERT and TLS_KEY, or serve it through a proxy with HTTPS (Caddy) and set PUBLIC_URL=https://….',
].join('\n');

async function start(): Promise<void> {
  const config = loadConfig(process.env);
  const tls = config.tls ? readTls(config.tls) : null;
  // Health writes a probe file here, also when the data itself is in PostgreSQL.
  mkdirSync(config.dataDir, { recursive: true });
  const store = await openStore(storeTarget(config));
  let stopping = false;
  const logger = createLogger();
  const app = createApp({ store, config, logger, lifecycle: { draining: () => stopping } });

  const scheme = tls ? 'https' : 'http';
  const onListening = (info: { address: string; port: number }) => {
    const host = info.address.includes(':') ? `[${info.address}]` : info.address;
    console.log(`Talka listening on ${scheme}://${host}:${info.port} (${describeDatabase(config)})`);
  };
  const server: ServerType = tls
    ? serve({ fetch: app.fetch, hostname: config.host, port: config.port, createServer: createHttpsServer, serverOptions: tls }, onListening)
    : serve({ fetch: app.fetch, hostname: config.host, port: config.port }, onListening);
  server.once('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? 'something else is listening there' : error.message;
    console.error(`Cannot listen on ${config.host}:${config.port}: ${reason}`);
    process.exit(1);
  });
  if (exposesPlainHttp(config)) console.warn(PLAIN_HTTP_WARNING);
  if (!existsSync(config.staticDir)) console.warn(`No built app in ${config.staticDir}: run \`npm run build\` (the API works without it).`);

  const stop = (signal: string) => {
    if (stopping) return; // npm and the terminal may both pass on one Ctrl-C
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping`);
    const force = setTimeout(() => {
      console.error(`Requests still open after ${SHUTDOWN_GRACE_MS / 1000} s: stopping without them`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    const closeIdle = () => {
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    };
    // A keep-alive connection goes idle once its last answer is sent; close it then.
    const sweep = setInterval(closeIdle, IDLE_SWEEP_MS);
    server.close(() => {
      clearInterval(sweep);
      store.close().then(
        () => {
          console.log('Stopped');
          process.exit(0);
        },
        (error: unknown) => {
          console.error('Closing the database failed:', error);
          process.exit(1);
        },
      );
    });
    closeIdle();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  await announceSetupLink(store, config, Date.now(), (line) => console.log(line));
  const stopPruning = schedulePruning(store, config.appliedMutationRetentionDays, () => Date.now(), (error) => logger.error({ err: error }, 'pruning applied mutation ids failed'));
  process.once('SIGTERM', stopPruning);
  process.once('SIGINT', stopPruning);
}

start().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
