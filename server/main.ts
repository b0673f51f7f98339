// Entry point: reads the configuration, opens the store, prints the setup
// link on an empty database and serves the app. The only file that binds a port.
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { createLogger } from './http/request-log';
import { announceSetupLink } from './setup-link';
import { openStore, storeTarget } from './store/open';
import { schedulePruning } from './sync/retention';

const SHUTDOWN_GRACE_MS = 10_000;

function describeDatabase(config: ServerConfig): string {
  if (!config.databaseUrl) return `SQLite ${config.dataDir}/talka.sqlite`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

async function start(): Promise<void> {
  const config = loadConfig(process.env);
  const store = await openStore(storeTarget(config));
  const logger = createLogger();
  const app = createApp({ store, config, logger });

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    console.log(`Talka listening on http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port} (${describeDatabase(config)})`);
  });
  if (!existsSync(config.staticDir)) console.warn(`No built app in ${config.staticDir}: run \`npm run build\` (the API works without it).`);

  await announceSetupLink(store, config, Date.now(), (line) => console.log(line));
  schedulePruning(store, config.appliedMutationRetentionDays, () => Date.now(), (error) => logger.error({ err: error }, 'pruning applied mutation ids failed'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing open requests, then stopping`);
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      store.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Closing the database failed:', error);
          process.exit(1);
        },
      );
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

start().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
