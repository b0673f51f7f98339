// GET /api/health: the server is well (the database answers and takes writes,
// the data folder takes files). GET /api/ready: it takes new work (well, and
// not stopping). A container or a monitor watches health; a proxy in front of
// several servers watches readiness, so a stopping server gets no new requests.
import { existsSync } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { HealthResponse } from '../../protocol/auth';
import { PROTOCOL_VERSION } from '../../protocol/messages';
import { errorBody } from '../errors';
import type { AppDeps, AppEnv } from '../http/env';
import { limitBody, SMALL_BODY_BYTES } from '../http/limits';

/** What only the running process knows about itself. */
export interface Lifecycle {
  /** True once the server was asked to stop: it finishes what it has and takes nothing new. */
  draining: () => boolean;
}

const RUNNING: Lifecycle = { draining: () => false };

/** No token has this hash (theirs are hex), so touching it is a write that changes nothing. */
const NO_TOKEN_HASH = 'health-check';

/**
 * Creates, syncs and deletes a small file in `dir`: a full disk, a read-only
 * mount or a removed folder fails here before a photo upload or a SQLite
 * checkpoint fails for a user.
 */
async function checkFolderWritable(dir: string): Promise<void> {
  // One check runs at a time in a process (see healthRoutes), so its own name is enough.
  const probe = join(dir, `.health-${process.pid}`);
  const file = await open(probe, 'w');
  try {
    await file.writeFile('ok');
    await file.sync();
  } finally {
    await file.close();
    await unlink(probe);
  }
}

async function findProblem(deps: Pick<AppDeps, 'store' | 'config' | 'now'>): Promise<string | null> {
  try {
    await deps.store.readHead();
  } catch (error) {
    return `the database does not answer (${describe(error)})`;
  }
  try {
    // A read-only database file, a read-only PostgreSQL (a standby after a
    // failover, default_transaction_read_only) refuses even an update of no rows.
    await deps.store.touchToken(NO_TOKEN_HASH, deps.now());
  } catch (error) {
    return `the database refuses writes (${describe(error)})`;
  }
  // The photo folder is made on the first upload; until then the data folder speaks for it.
  const folders = new Set([deps.config.dataDir, ...(existsSync(deps.config.blobDir) ? [deps.config.blobDir] : [])]);
  for (const dir of folders) {
    try {
      await checkFolderWritable(dir);
    } catch (error) {
      return `cannot write to ${dir} (${describe(error)})`;
    }
  }
  return null;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function healthRoutes(deps: Pick<AppDeps, 'store' | 'config' | 'now'>, lifecycle: Lifecycle = RUNNING) {
  // Concurrent checks share one run, so a monitor polling hard writes one probe at a time.
  let running: Promise<string | null> | null = null;
  let lastProblem: string | null = null;
  const check = async (): Promise<string | null> => {
    running ??= findProblem(deps).finally(() => {
      running = null;
    });
    const problem = await running;
    // Said once when it starts and once when it ends, not on every poll.
    if (problem !== lastProblem) {
      if (problem) console.error(`Unwell: ${problem}`);
      else if (lastProblem) console.error('Well again');
      lastProblem = problem;
    }
    return problem;
  };

  const app = new Hono<AppEnv>();
  app.use('/health', limitBody(SMALL_BODY_BYTES));
  app.use('/ready', limitBody(SMALL_BODY_BYTES));
  const well: HealthResponse = { ok: true, protocol: PROTOCOL_VERSION, db: deps.store.kind };
  const unwell = errorBody('unwell', 'The server cannot store data right now');
  app.get('/health', async (c) => ((await check()) ? c.json(unwell, 503) : c.json(well)));
  // The same answer as health, and 503 also while stopping.
  app.get('/ready', async (c) => {
    if (lifecycle.draining()) return c.json(errorBody('draining', 'The server is stopping'), 503);
    return (await check()) ? c.json(unwell, 503) : c.json(well);
  });
  return app;
}
