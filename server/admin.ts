// `npm run admin -- <command>`: user and setup commands for operators and scripts.
import { text } from 'node:stream/consumers';
import { runAdmin } from './admin-commands';
import { openBlobStore } from './blobs/blob-store';
import { ConfigError, loadConfig } from './config';
import { openStore, storeTarget } from './store/open';

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  return runAdmin(
    process.argv.slice(2),
    { readStdin: () => text(process.stdin), out: (line) => console.log(line), err: (line) => console.error(line) },
    { openStore: () => openStore(storeTarget(config)), openBlobs: () => openBlobStore(config), config, now: () => Date.now() },
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  },
);
