// `npm start`: the compiled server, run in this very process so a SIGTERM or
// SIGINT from npm, systemd or a terminal reaches it directly and no child is
// left holding the port. Builds the app and the server first when needed.
import { ensureBuilt, SERVER_ENTRY } from './built.mjs';

await ensureBuilt({ app: true });
await import(SERVER_ENTRY);
