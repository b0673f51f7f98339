// The server's Prometheus metrics (prom-client), one registry per app. Served
// by routes/metrics.ts only when METRICS_TOKEN is set; counted always (cheap).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '../store/store';

/** Seconds: a push or pull page is expected well under a second; the tail shows up to 10 s. */
const SYNC_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class ServerMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly push: Histogram;
  private readonly pull: Histogram;
  private readonly applied: Counter;
  private readonly conflicts: Counter;
  private readonly blobs: Counter;

  constructor(store: Pick<Store, 'poolUse'>, options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'talka_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers,
    });
    this.push = new Histogram({ name: 'talka_sync_push_duration_seconds', help: 'Time to answer a push, commit included', buckets: SYNC_BUCKETS, registers });
    this.pull = new Histogram({ name: 'talka_sync_pull_duration_seconds', help: 'Time to answer one pull page', buckets: SYNC_BUCKETS, registers });
    this.applied = new Counter({ name: 'talka_mutations_applied_total', help: 'Pushed mutations applied (replays not counted)', registers });
    this.conflicts = new Counter({ name: 'talka_conflicts_recorded_total', help: 'Conflict records filed for values that lost a concurrent edit', registers });
    this.blobs = new Counter({ name: 'talka_blobs_stored_total', help: 'Photos newly stored in the blob store', registers });
    new Gauge({
      name: 'talka_db_pool_connections', help: 'Database pool connections: total open, idle, and requests waiting for one', labelNames: ['state'], registers,
      collect() {
        const use = store.poolUse();
        this.set({ state: 'total' }, use.total);
        this.set({ state: 'idle' }, use.idle);
        this.set({ state: 'waiting' }, use.waiting);
      },
    });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'talka_' });
  }

  /** One answered request; `route` is the pattern (…/:sha256), never the path. */
  request(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    if (route === '/api/sync/push') this.push.observe(seconds);
    else if (route === '/api/sync/pull') this.pull.observe(seconds);
  }

  pushCommitted(counts: { applied: number; conflicts: number }): void {
    this.applied.inc(counts.applied);
    this.conflicts.inc(counts.conflicts);
  }

  blobStored(): void {
    this.blobs.inc();
  }
}
