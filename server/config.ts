// Server settings, read once from the environment by main.ts and admin.ts.
import { isAbsolute, join, resolve } from 'node:path';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  blobDir: string;
  /** postgres://… switches the store to PostgreSQL. */
  databaseUrl: string | undefined;
  staticDir: string;
  /** The address people open, for the printed setup link; defaults to http://HOST:PORT. */
  publicUrl: string | undefined;
  /** Reverse proxies in front of the server whose X-Forwarded-For is believed (0: none; see http/client-address.ts). */
  trustProxy: number;
  /** PostgreSQL connections per server process. */
  databasePoolSize: number;
  /** How long applied mutation ids are kept: the longest a device may stay offline (see sync/retention.ts). */
  appliedMutationRetentionDays: number;
  /** Where photos live: files under blobDir (the default), or an S3-compatible bucket. */
  blobStore: 'files' | 's3';
  s3: S3Settings | undefined;
  /** Serve HTTPS with this certificate and key (PEM files); plain HTTP when absent. */
  tls?: TlsFiles | undefined;
  /** Set: GET /metrics answers to `Authorization: Bearer <token>`; unset: no metrics endpoint. */
  metricsToken: string | undefined;
}

export interface S3Settings {
  endpoint: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path rather than the host name (MinIO and other self-hosted stores). */
  forcePathStyle: boolean;
}

export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

export class ConfigError extends Error {}

function readPort(text: string | undefined): number {
  if (text === undefined || text === '') return 8080;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a number from 0 to 65535, not "${text}"`);
  return port;
}

function readDatabaseUrl(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  if (!/^postgres(ql)?:\/\//.test(text)) throw new ConfigError('DATABASE_URL must start with postgres:// (leave it unset for SQLite)');
  return text;
}

function readPublicUrl(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`PUBLIC_URL is not a URL: "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('PUBLIC_URL must be an http:// or https:// address');
  return text.replace(/\/+$/, '');
}

function readWholeNumber(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined || text === '') return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
}

/** `1` or `true`: one proxy; a number: that many proxies in a row; unset, `0` or `false`: none. */
function readTrustProxy(text: string | undefined): number {
  if (text === 'true') return 1;
  if (text === 'false') return 0;
  return readWholeNumber('TRUST_PROXY', text, 0, 0, 10);
}

function readS3(env: NodeJS.ProcessEnv): S3Settings | undefined {
  const store = env.BLOB_STORE || 'files';
  if (store === 'files') return undefined;
  if (store !== 's3') throw new ConfigError(`BLOB_STORE must be files or s3, not "${store}"`);
  const need = (name: string): string => {
    const value = env[name];
    if (!value) throw new ConfigError(`BLOB_STORE=s3 needs ${name}`);
    return value;
  };
  const endpoint = env.S3_ENDPOINT || undefined;
  if (endpoint !== undefined && !/^https?:\/\//.test(endpoint)) throw new ConfigError('S3_ENDPOINT must be an http:// or https:// address');
  return {
    endpoint,
    bucket: need('S3_BUCKET'),
    region: env.S3_REGION || 'us-east-1',
    accessKeyId: need('S3_ACCESS_KEY_ID'),
    secretAccessKey: need('S3_SECRET_ACCESS_KEY'),
    forcePathStyle: env.S3_FORCE_PATH_STYLE === '1' || env.S3_FORCE_PATH_STYLE === 'true',
  };
}

function readTls(cert: string | undefined, key: string | undefined, absolute: (path: string) => string): TlsFiles | undefined {
  if (!cert && !key) return undefined;
  if (!cert || !key) throw new ConfigError('TLS_CERT and TLS_KEY go together: set both (PEM files) to serve HTTPS, or neither');
  return { certFile: absolute(cert), keyFile: absolute(key) };
}

export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): ServerConfig {
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  const dataDir = absolute(env.DATA_DIR || './data');
  const s3 = readS3(env);
  return {
    host: env.HOST || '127.0.0.1',
    port: readPort(env.PORT),
    dataDir,
    blobDir: env.BLOB_DIR ? absolute(env.BLOB_DIR) : join(dataDir, 'blobs'),
    databaseUrl: readDatabaseUrl(env.DATABASE_URL),
    staticDir: absolute(env.STATIC_DIR || './dist'),
    publicUrl: readPublicUrl(env.PUBLIC_URL),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    databasePoolSize: readWholeNumber('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, 10, 1, 1000),
    appliedMutationRetentionDays: readWholeNumber('APPLIED_MUTATION_RETENTION_DAYS', env.APPLIED_MUTATION_RETENTION_DAYS, 90, 1, 36500),
    blobStore: s3 ? 's3' : 'files',
    s3,
    metricsToken: env.METRICS_TOKEN || undefined,
    tls: readTls(env.TLS_CERT, env.TLS_KEY, absolute),
  };
}

/** Where people reach the server, for links printed on the console. */
export function baseUrl(config: Pick<ServerConfig, 'host' | 'port' | 'publicUrl' | 'tls'>): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const bracketed = host.includes(':') ? `[${host}]` : host;
  return `${config.tls ? 'https' : 'http'}://${bracketed}:${config.port}`;
}

/** Whether only this machine can reach `host` (where browsers treat plain HTTP as secure). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Other machines reach it over plain HTTP: no TLS here, and PUBLIC_URL does
 * not say a proxy in front serves HTTPS. Browsers then refuse what offline
 * work needs (service worker, secure storage), except on localhost.
 */
export function exposesPlainHttp(config: Pick<ServerConfig, 'host' | 'publicUrl' | 'tls'>): boolean {
  return !config.tls && !isLoopbackHost(config.host) && !config.publicUrl?.startsWith('https://');
}
