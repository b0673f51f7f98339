import { describe, expect, it } from 'vitest';
import { baseUrl, ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    const config = loadConfig({}, '/srv/talka');
    expect(config).toEqual({
      host: '127.0.0.1', port: 8080, dataDir: '/srv/talka/data', blobDir: '/srv/talka/data/blobs', databaseUrl: undefined,
      staticDir: '/srv/talka/dist', publicUrl: undefined, trustProxy: false,
    });
    expect(baseUrl(config)).toBe('http://127.0.0.1:8080');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      HOST: '0.0.0.0', PORT: '18080', DATA_DIR: '/var/lib/talka', BLOB_DIR: 'photos', DATABASE_URL: 'postgres://talka@db/talka',
      STATIC_DIR: '/opt/talka/dist', PUBLIC_URL: 'https://talka.example.lv/', TRUST_PROXY: '1',
    }, '/srv');
    expect(config).toMatchObject({
      host: '0.0.0.0', port: 18080, dataDir: '/var/lib/talka', blobDir: '/srv/photos', databaseUrl: 'postgres://talka@db/talka',
      staticDir: '/opt/talka/dist', publicUrl: 'https://talka.example.lv', trustProxy: true,
    });
    expect(baseUrl(config)).toBe('https://talka.example.lv');
  });

  it('refuses nonsense with a clear message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(ConfigError);
  });
});
