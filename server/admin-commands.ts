// The operator's commands behind `npm run admin -- …`, as a function of
// arguments and streams so tests can run them without a shell.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { emailSchema, isRole, NAME_MAX, newPasswordSchema, ROLES } from '../protocol/auth';
import { hashPassword, DEFAULT_PASSWORD_COST } from './auth/password';
import type { BlobStore } from './blobs/blob-store';
import { BIN_DAYS, collectPhotos, PHOTO_GRACE_DAYS, planPhotoCollection } from './blobs/collect-photos';
import { baseUrl, type ServerConfig } from './config';
import { issueSetupLink } from './setup-link';
import type { Store } from './store/store';

export const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  add-user --org "<organisation>" --email <email> --name "<name>" --role coordinator|facilitator --password-stdin
      Adds a user, creating the organisation if it does not exist. The password is read from stdin.
  list-users
      Lists every organisation's users.
  setup-link
      Prints a new one-time setup link (valid 24 h) while the server has no users.
  reset-sync
      Gives the database a new sync instance id, so every device re-pushes and re-pulls.
      Run it after restoring a backup.
  collect-photos [--dry-run] [--grace-days ${PHOTO_GRACE_DAYS}] [--bin-days ${BIN_DAYS}]
      Deletes photos no record needs: not named by a live photo record of their organisation,
      nor by one deleted within the bin days, and uploaded more than the grace days ago.
      Lists what it deletes first; --dry-run lists and deletes nothing.

Environment: DATA_DIR (SQLite in DATA_DIR/talka.sqlite) or DATABASE_URL=postgres://…, HOST, PORT, PUBLIC_URL,
BLOB_DIR or BLOB_STORE=s3 with S3_* (photos).`;

export interface AdminIo {
  readStdin: () => Promise<string>;
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface AdminContext {
  openStore: () => Promise<Store>;
  /** The photo store (collect-photos). */
  openBlobs?: () => BlobStore;
  config: Pick<ServerConfig, 'host' | 'port' | 'publicUrl'>;
  now: () => number;
  passwordCost?: number;
}

class UsageError extends Error {}

function required(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${option} is required`);
  return value.trim();
}

async function addUser(args: string[], io: AdminIo, context: AdminContext): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      org: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  const orgName = required(values.org, '--org');
  const name = required(values.name, '--name');
  const role = required(values.role, '--role');
  if (!isRole(role)) throw new UsageError(`--role must be one of: ${ROLES.join(', ')}`);
  if (orgName.length > NAME_MAX || name.length > NAME_MAX) throw new UsageError(`--org and --name are at most ${NAME_MAX} characters`);
  const email = v.safeParse(emailSchema, required(values.email, '--email'));
  if (!email.success) throw new UsageError(`--email is not an email address (${email.issues[0]?.message ?? 'invalid'})`);
  if (!values['password-stdin']) throw new UsageError('--password-stdin is required: pipe the password in, never put it on the command line');
  const password = (await io.readStdin()).replace(/\r?\n$/, '');
  const checked = v.safeParse(newPasswordSchema, password);
  if (!checked.success) throw new UsageError(`The password from stdin is ${checked.issues[0]?.message === 'too_short' ? 'too short (at least 8 characters)' : 'not acceptable'}`);

  const store = await context.openStore();
  try {
    const now = context.now();
    let organisation = await store.findOrganisationByName(orgName);
    if (!organisation) {
      organisation = { id: randomUUID(), name: orgName, createdAt: now };
      await store.createOrganisation(organisation);
      io.out(`Created organisation "${orgName}"`);
    }
    const created = await store.createUser({
      id: randomUUID(),
      orgId: organisation.id,
      email: email.output,
      name,
      role,
      passwordHash: await hashPassword(checked.output, context.passwordCost ?? DEFAULT_PASSWORD_COST),
      active: true,
      createdAt: now,
    });
    if (!created) {
      io.err(`A user with email ${email.output} exists already`);
      return 1;
    }
    io.out(`Added ${role} ${name} <${email.output}> to "${orgName}"`);
    return 0;
  } finally {
    await store.close();
  }
}

async function listUsers(io: AdminIo, context: AdminContext): Promise<number> {
  const store = await context.openStore();
  try {
    const organisations = await store.listOrganisations();
    if (organisations.length === 0) io.out('No organisations yet.');
    for (const organisation of organisations) {
      io.out(`${organisation.name}`);
      for (const user of await store.listUsers(organisation.id)) {
        io.out(`  ${user.email}\t${user.name}\t${user.role}${user.active ? '' : '\t(deactivated)'}`);
      }
    }
    return 0;
  } finally {
    await store.close();
  }
}

async function setupLink(io: AdminIo, context: AdminContext): Promise<number> {
  const store = await context.openStore();
  try {
    if ((await store.countUsers()) > 0) {
      io.err('This server has users already; add more with add-user, or sign in as a coordinator.');
      return 1;
    }
    io.out(await issueSetupLink(store, context.config, context.now()));
    return 0;
  } finally {
    await store.close();
  }
}

async function resetSync(io: AdminIo, context: AdminContext): Promise<number> {
  const store = await context.openStore();
  try {
    await store.renewInstanceId(randomUUID());
    io.out(`New sync instance id: devices syncing with ${baseUrl(context.config)} will re-push and re-pull.`);
    return 0;
  } finally {
    await store.close();
  }
}

function days(text: string | undefined, fallback: number, option: string): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,5}$/.test(text)) throw new UsageError(`${option} takes a whole number of days`);
  return Number(text);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function collectPhotosCommand(args: string[], io: AdminIo, context: AdminContext): Promise<number> {
  const { values } = parseArgs({
    args, strict: true, options: { 'dry-run': { type: 'boolean' }, 'grace-days': { type: 'string' }, 'bin-days': { type: 'string' } },
  });
  const rules = { graceDays: days(values['grace-days'], PHOTO_GRACE_DAYS, '--grace-days'), binDays: days(values['bin-days'], BIN_DAYS, '--bin-days') };
  if (!context.openBlobs) throw new Error('No photo store configured');
  const blobs = context.openBlobs();
  const store = await context.openStore();
  try {
    const plan = await planPhotoCollection(store, blobs, context.now(), rules);
    const names = new Map((await store.listOrganisations()).map((organisation) => [organisation.id, organisation.name]));
    const verb = values['dry-run'] ? 'Would' : 'Will';
    io.out(`${verb} forget ${plan.owners.length} organisation photo(s) no record needs (uploaded over ${rules.graceDays} days ago, not in a photo record live or deleted within ${rules.binDays} days):`);
    for (const owner of plan.owners) io.out(`  ${names.get(owner.orgId) ?? owner.orgId}\t${owner.sha256}\t${megabytes(owner.size)}\tuploaded ${new Date(owner.createdAt).toISOString()}`);
    const bytes = plan.blobs.reduce((sum, blob) => sum + blob.size, 0);
    io.out(`${verb} delete ${plan.blobs.length} stored photo(s) no organisation owns then (${megabytes(bytes)}):`);
    for (const blob of plan.blobs) io.out(`  ${blob.sha256}\t${megabytes(blob.size)}`);
    if (values['dry-run']) return 0;
    await collectPhotos(store, blobs, plan);
    io.out('Done.');
    return 0;
  } finally {
    await store.close();
  }
}

/** Runs one admin command; returns the process exit code (2 for bad arguments). */
export async function runAdmin(argv: string[], io: AdminIo, context: AdminContext): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'add-user':
        return await addUser(args, io, context);
      case 'list-users':
        if (args.length > 0) throw new UsageError(`list-users takes no arguments, got: ${args.join(' ')}`);
        return await listUsers(io, context);
      case 'setup-link':
        return await setupLink(io, context);
      case 'reset-sync':
        return await resetSync(io, context);
      case 'collect-photos':
        return await collectPhotosCommand(args, io, context);
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } catch (error) {
    // parseArgs reports unknown or malformed options as TypeErrors with a code.
    const isArgumentError = error instanceof UsageError
      || (error instanceof TypeError && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS'));
    if (!isArgumentError) throw error;
    io.err(`Error: ${error.message}\n\n${USAGE}`);
    return 2;
  }
}
