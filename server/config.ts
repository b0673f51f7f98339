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
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy: boolean;
  /** Serve HTTPS with this certificate and key (PEM files); plain HTTP when absent. */
  tls?: TlsFiles | undefined;
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

function readTls(cert: string | undefined, key: string | undefined, absolute: (path: string) => string): TlsFiles | undefined {
  if (!cert && !key) return undefined;
  if (!cert || !key) throw new ConfigError('TLS_CERT and TLS_KEY go together: set both (PEM files) to serve HTTPS, or neither');
  return { certFile: absolute(cert), keyFile: absolute(key) };
}

export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): ServerConfig {
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  const dataDir = absolute(env.DATA_DIR || './data');
  return {
    host: env.HOST || '127.0.0.1',
    port: readPort(env.PORT),
    dataDir,
    blobDir: env.BLOB_DIR ? absolute(env.BLOB_DIR) : join(dataDir, 'blobs'),
    databaseUrl: readDatabaseUrl(env.DATABASE_URL),
    staticDir: absolute(env.STATIC_DIR || './dist'),
    publicUrl: readPublicUrl(env.PUBLIC_URL),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
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
