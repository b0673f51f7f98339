// What the convergence property draws at random: the devices (user, clock
// skew, batch sizes, seed) and a sequence of commands. Commands name records
// by a number taken modulo what the device holds at that moment, so every
// generated sequence is valid and shrinks to a shorter valid one.
import fc from 'fast-check';

export type Fault =
  /** Delivered normally. */
  | 'none'
  /** Lost before the server sees it: the device gets a network error. */
  | 'drop-request'
  /** The server commits, the answer is lost: network error. */
  | 'drop-response'
  /** Sent twice (a retrying proxy); the device gets the second answer. */
  | 'duplicate'
  /** A proxy answers 503 with an HTML page; the server never sees the request. */
  | 'http-503'
  /** The server commits, a proxy answers 502 instead of the reply. */
  | 'http-502-after-commit'
  /** Held in the network and delivered later (reordered after newer requests); the device times out. */
  | 'delay';

export const FAULTS: readonly Fault[] = ['none', 'drop-request', 'drop-response', 'duplicate', 'http-503', 'http-502-after-commit', 'delay'];

/** `programmes` are the organisation's and coordinator-written: only a device signed in as the coordinator (user 0) changes them. */
export const EDITED_TABLES = ['communities', 'workshops', 'needs', 'participants', 'spending', 'visits', 'enrolments', 'programmes'] as const;
export type EditedTable = (typeof EDITED_TABLES)[number];

/** A change a person makes on a device. */
export type LocalCommand =
  | { kind: 'create'; table: EditedTable; text: string; pick: number; pick2: number }
  /**
   * `target`: the picked record and field; `mine`, the field this device edited last (a person keeps
   * working on one record); `hot`, the field another device edited last (two people on the same item).
   * Both fall back to the pick when the device has nothing of the kind.
   */
  | { kind: 'edit'; table: EditedTable; pick: number; field: number; text: string; choice: number; target: EditTarget }
  | { kind: 'delete'; table: EditedTable; pick: number }
  | { kind: 'undelete'; table: EditedTable; pick: number }
  /** `pick2` odd: anyone in the register the device holds, not only the event's community (a visitor). */
  | { kind: 'checkIn'; pick: number; pick2: number }
  | { kind: 'checkOut'; pick: number }
  | { kind: 'castVote'; pick: number; pick2: number; pick3: number; anonymous: boolean }
  | { kind: 'takeBackVote'; pick: number }
  /** A coordinator merges one person into another (`pick2` odd: taking the other's name), or undoes a merge. */
  | { kind: 'merge'; pick: number; pick2: number }
  | { kind: 'unmerge'; pick: number };

export type EditTarget = 'pick' | 'mine' | 'hot';

export type Command =
  | { kind: 'local'; device: number; command: LocalCommand }
  /** One engine run on the device; its requests meet the faults in order (then none). */
  | { kind: 'sync'; device: number; faults: Fault[]; during?: { atRequest: number; command: LocalCommand } }
  /** The oldest request held by the network reaches the server now. */
  | { kind: 'deliver' };

export interface Step {
  /** How far the server's (and every device's) wall clock moves before the command. */
  advanceMs: number;
  command: Command;
}

export interface DeviceSpec {
  /** Index of the organisation's user signed in on the device (0 is the coordinator). */
  user: number;
  /** Device wall clock minus the server's. */
  skewMs: number;
  seed: number;
  pushBatchSize: number;
  pullLimit: number;
  /** Does not pull the morning's data before the commands start. */
  startsOffline: boolean;
}

export interface Scenario {
  devices: DeviceSpec[];
  steps: Step[];
}

export const USERS = 3;
const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365 * DAY;

// Latvian letters, precomposed and decomposed, with quotes, markup and SQL-ish punctuation.
const LETTERS = [
  'a', 'ā', 'c', 'č', 'e', 'ē', 'g', 'ģ', 'i', 'ī', 'k', 'ķ', 'l', 'ļ', 'n', 'ņ', 's', 'š', 'u', 'ū', 'z', 'ž',
  'Ā', 'Č', 'Ē', 'Ģ', 'Ī', 'Ķ', 'Ļ', 'Ņ', 'Š', 'Ū', 'Ž', 'o', 'r', 't', 'm', 'p', 'b', 'd', 'v', 'j',
  ' ', ' ', ' ', '\'', '"', '<', '>', '&', ';', '%', '\\', '\n', 'a\u0304', 'e\u0304', '🙂', '—',
];

export const textArb = fc.string({ unit: fc.constantFrom(...LETTERS), maxLength: 24 });

const skewArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: -10 * 60_000, max: 10 * 60_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(YEAR, -YEAR) },
  { weight: 1, arbitrary: fc.integer({ min: -YEAR, max: YEAR }) },
);

export const deviceArb: fc.Arbitrary<DeviceSpec> = fc.record({
  user: fc.nat(USERS - 1),
  skewMs: skewArb,
  seed: fc.integer(),
  pushBatchSize: fc.integer({ min: 1, max: 8 }),
  pullLimit: fc.integer({ min: 2, max: 40 }),
  startsOffline: fc.boolean(),
});

// Small numbers often, so devices pick the same records and fields and edit them concurrently.
const pick = fc.oneof({ weight: 3, arbitrary: fc.nat(2) }, { weight: 1, arbitrary: fc.nat(1000) });
const fieldPick = fc.oneof({ weight: 3, arbitrary: fc.nat(1) }, { weight: 1, arbitrary: fc.nat(9) });
const tableArb = fc.constantFrom(...EDITED_TABLES);

export const localCommandArb: fc.Arbitrary<LocalCommand> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), table: tableArb, text: textArb, pick, pick2: pick }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('edit' as const), table: tableArb, pick, field: fieldPick, text: textArb, choice: fc.nat(20), target: fc.constantFrom<EditTarget>('pick', 'pick', 'mine', 'hot') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), table: tableArb, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undelete' as const), table: tableArb, pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('checkIn' as const), pick, pick2: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('checkOut' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('castVote' as const), pick, pick2: pick, pick3: pick, anonymous: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('takeBackVote' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), pick, pick2: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unmerge' as const), pick }) },
);

/** A write while a sync is in flight: often the field another device just edited (a concurrent edit racing the pull). */
const duringCommandArb: fc.Arbitrary<LocalCommand> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), table: tableArb, pick, field: fieldPick, text: textArb, choice: fc.nat(20), target: fc.constant<EditTarget>('hot') }) },
  { weight: 1, arbitrary: localCommandArb },
);

const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('none' as const) },
  { weight: 1, arbitrary: fc.constantFrom(...FAULTS.filter((fault) => fault !== 'none')) },
);

const deviceIndex = fc.nat(4);

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('local' as const), device: deviceIndex, command: localCommandArb }) },
  {
    weight: 5,
    arbitrary: fc.record(
      {
        kind: fc.constant('sync' as const),
        device: deviceIndex,
        faults: fc.array(faultArb, { maxLength: 6 }),
        during: fc.record({ atRequest: fc.oneof(fc.constant(0), fc.nat(4)), command: duringCommandArb }),
      },
      { requiredKeys: ['kind', 'device', 'faults'] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deliver' as const) }) },
);

const advanceArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 3_000 }) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 * 60 * 60_000 }) },
);

export function scenarioArb(maxSteps: number): fc.Arbitrary<Scenario> {
  return fc.record({
    devices: fc.array(deviceArb, { minLength: 2, maxLength: 5 }),
    steps: fc.array(fc.record({ advanceMs: advanceArb, command: commandArb }), { maxLength: maxSteps, size: 'max' }),
  });
}

/** A one-line rendering of a step, for the failure report. */
export function describeStep(step: Step): string {
  const { command } = step;
  const local = (c: LocalCommand) => JSON.stringify(c);
  switch (command.kind) {
    case 'local':
      return `+${step.advanceMs}ms device ${command.device}: ${local(command.command)}`;
    case 'sync':
      return `+${step.advanceMs}ms device ${command.device}: sync faults=${command.faults.join(',') || 'none'}${command.during ? ` during request ${command.during.atRequest}: ${local(command.during.command)}` : ''}`;
    case 'deliver':
      return `+${step.advanceMs}ms deliver one delayed request`;
  }
}
