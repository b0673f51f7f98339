import { describe, expect, it } from 'vitest';
import { baseUrl, ConfigError, exposesPlainHttp, isLoopbackHost, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    const config = loadConfig({}, '/srv/talka');
    expect(config).toEqual({
      host: '127.0.0.1', port: 8080, dataDir: '/srv/talka/data', blobDir: '/srv/talka/data/blobs', databaseUrl: undefined,
      staticDir: '/srv/talka/dist', publicUrl: undefined, trustProxy: 0, databasePoolSize: 10, appliedMutationRetentionDays: 90,
      blobStore: 'files', s3: undefined, tls: undefined, metricsToken: undefined,
    });
    expect(baseUrl(config)).toBe('http://127.0.0.1:8080');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      HOST: '0.0.0.0', PORT: '18080', DATA_DIR: '/var/lib/talka', BLOB_DIR: 'photos', DATABASE_URL: 'postgres://talka@db/talka',
      STATIC_DIR: '/opt/talka/dist', PUBLIC_URL: 'https://talka.example.lv/', TRUST_PROXY: '2', DATABASE_POOL_SIZE: '25',
      APPLIED_MUTATION_RETENTION_DAYS: '120', BLOB_STORE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'talka-photos',
      S3_REGION: 'eu-north-1', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret', S3_FORCE_PATH_STYLE: '1', METRICS_TOKEN: 'scrape-me',
    }, '/srv');
    expect(config).toMatchObject({
      host: '0.0.0.0', port: 18080, dataDir: '/var/lib/talka', blobDir: '/srv/photos', databaseUrl: 'postgres://talka@db/talka',
      staticDir: '/opt/talka/dist', publicUrl: 'https://talka.example.lv', trustProxy: 2, databasePoolSize: 25, appliedMutationRetentionDays: 120,
      blobStore: 's3', metricsToken: 'scrape-me',
      s3: {
        endpoint: 'http://127.0.0.1:9000', bucket: 'talka-photos', region: 'eu-north-1', accessKeyId: 'key', secretAccessKey: 'secret', forcePathStyle: true,
      },
    });
    expect(baseUrl(config)).toBe('https://talka.example.lv');
  });

  it('refuses nonsense with a clear message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ BLOB_STORE: 's3', S3_BUCKET: 'b' })).toThrow(/S3_ACCESS_KEY_ID/);
    expect(() => loadConfig({ BLOB_STORE: 'ftp' })).toThrow(/BLOB_STORE/);
  });

  it('TRUST_PROXY: 1 and true mean one proxy, as before; false and 0 none', () => {
    expect([loadConfig({ TRUST_PROXY: '1' }), loadConfig({ TRUST_PROXY: 'true' }), loadConfig({ TRUST_PROXY: 'false' }), loadConfig({ TRUST_PROXY: '0' })]
      .map((config) => config.trustProxy)).toEqual([1, 1, 0, 0]);
  });

  it('serves HTTPS with both TLS_CERT and TLS_KEY, relative to the working folder', () => {
    const config = loadConfig({ HOST: '192.168.1.10', PORT: '8443', TLS_CERT: 'tls/talka.pem', TLS_KEY: '/etc/talka/key.pem' }, '/srv/talka');
    expect(config.tls).toEqual({ certFile: '/srv/talka/tls/talka.pem', keyFile: '/etc/talka/key.pem' });
    expect(baseUrl(config)).toBe('https://192.168.1.10:8443');
    expect(() => loadConfig({ TLS_CERT: 'cert.pem' })).toThrow(/TLS_CERT and TLS_KEY go together/);
    expect(() => loadConfig({ TLS_KEY: 'key.pem' })).toThrow(ConfigError);
  });

  it('knows loopback addresses, where browsers trust plain HTTP', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'talka.local', '127.0.0.1.example.lv']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('warns of plain HTTP only where other machines reach it without HTTPS in front', () => {
    const on = (env: Record<string, string>) => exposesPlainHttp(loadConfig(env, '/srv'));
    expect(on({})).toBe(false);
    expect(on({ HOST: '0.0.0.0' })).toBe(true);
    expect(on({ HOST: '0.0.0.0', PUBLIC_URL: 'http://192.168.1.10:8080' })).toBe(true);
    expect(on({ HOST: '0.0.0.0', TLS_CERT: 'c.pem', TLS_KEY: 'k.pem' })).toBe(false);
    expect(on({ HOST: '0.0.0.0', PUBLIC_URL: 'https://talka.example.lv' })).toBe(false);
  });
});
