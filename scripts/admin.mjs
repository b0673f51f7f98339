// `npm run admin -- <command>`: the compiled admin commands, so they run on a
// production install too (see server/admin.ts for the commands).
import { ADMIN_ENTRY, ensureBuilt } from './built.mjs';

await ensureBuilt({ app: false });
await import(ADMIN_ENTRY);
