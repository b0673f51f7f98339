// An S3-compatible store for tests: s3rver on a free loopback port, keeping its
// objects in a temporary folder; stopped (and the folder removed) by `stop`.
// Its credentials are s3rver's fixed ones.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { S3Settings } from '../server/config';

export interface LocalS3 {
  endpoint: string;
  /** A new, empty bucket and the settings that reach it. */
  newBucket: () => Promise<S3Settings>;
  /** The settings as environment variables, for a server process. */
  env: (settings: S3Settings) => Record<string, string>;
  stop: () => Promise<void>;
}

export async function startLocalS3(): Promise<LocalS3> {
  const directory = mkdtempSync(join(tmpdir(), 'talka-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const base = { endpoint, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true };
  const client = new S3Client({ ...base, credentials: { accessKeyId: base.accessKeyId, secretAccessKey: base.secretAccessKey } });
  return {
    endpoint,
    newBucket: async () => {
      const bucket = `talka-${randomBytes(6).toString('hex')}`;
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      return { ...base, bucket };
    },
    env: (settings) => ({
      BLOB_STORE: 's3', S3_ENDPOINT: settings.endpoint ?? '', S3_BUCKET: settings.bucket, S3_REGION: settings.region,
      S3_ACCESS_KEY_ID: settings.accessKeyId, S3_SECRET_ACCESS_KEY: settings.secretAccessKey, S3_FORCE_PATH_STYLE: settings.forcePathStyle ? '1' : '0',
    }),
    stop: async () => {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
