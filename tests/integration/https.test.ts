// The server serving HTTPS itself from TLS_CERT and TLS_KEY (a village hall
// laptop with a certificate the tablets trust): a self-signed certificate made
// here with openssl, the real server process.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeServerData, startServerProcess, statusOf, type ServerData } from '../../testing/server';

function selfSignedCertificate(dir: string, name: string): { certFile: string; keyFile: string } {
  const certFile = join(dir, `${name}.pem`);
  const keyFile = join(dir, `${name}-key.pem`);
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=talka.test', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout', keyFile, '-out', certFile,
  ], { stdio: 'ignore' });
  return { certFile, keyFile };
}

describe('HTTPS from TLS_CERT and TLS_KEY', () => {
  let dir: string;
  let data: ServerData;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talka-tls-'));
    data = await makeServerData('sqlite');
  });
  afterAll(async () => {
    await data.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the API over HTTPS with that certificate, and the setup link is https', async () => {
    const tls = selfSignedCertificate(dir, 'talka');
    const server = await startServerProcess(data, { tls });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(await statusOf(`${server.url}/api/health`, readFileSync(tls.certFile))).toBe(200);
      // A client that does not trust the certificate is refused: it is the one served.
      expect(await statusOf(`${server.url}/api/health`)).toBeNull();
      expect(await statusOf(`${server.url}/api/health`, readFileSync(selfSignedCertificate(dir, 'other').certFile))).toBeNull();
      expect(await statusOf(`${server.url.replace('https:', 'http:')}/api/health`)).not.toBe(200);
      expect(await server.setupLink()).toMatch(new RegExp(`^${server.url}/setup#`));
      expect(server.output()).toContain(`Talka listening on ${server.url}`);
      expect(server.output()).not.toContain('Warning');
    } finally {
      await server.stop();
    }
  }, 30_000);

  it('will not start with a certificate that cannot be read or a key that is not its own', async () => {
    const tls = selfSignedCertificate(dir, 'mine');
    const other = selfSignedCertificate(dir, 'theirs');
    writeFileSync(join(dir, 'not-pem.pem'), 'hello');
    const failures: [{ certFile: string; keyFile: string }, string][] = [
      [{ certFile: join(dir, 'missing.pem'), keyFile: tls.keyFile }, `TLS_CERT ${join(dir, 'missing.pem')} cannot be read (ENOENT)`],
      [{ certFile: tls.certFile, keyFile: other.keyFile }, 'TLS_CERT and TLS_KEY must be a PEM certificate and its private key'],
      [{ certFile: join(dir, 'not-pem.pem'), keyFile: tls.keyFile }, 'TLS_CERT and TLS_KEY must be a PEM certificate and its private key'],
    ];
    for (const [files, message] of failures) {
      await expect(startServerProcess(data, { tls: files })).rejects.toThrow(`Configuration error: ${message}`);
    }
  }, 30_000);
});
