// Programmes (docs/protocol.md, Records: programmes): the limits a new one starts from, its
// targets as a coordinator edits them, and the list events choose their programme from.
import { TARGET_INDICATORS, type Maturity, type ProgrammeTarget, type TargetIndicator } from '../../protocol';

/** The grant limits a new programme's form starts from, in euro cents (1 000 € emerging, 3 000 € active). */
export const DEFAULT_GRANT_LIMIT_CENTS: Readonly<Record<Maturity, number>> = { emerging: 100_000, active: 300_000 };

/** The indicators a new target row may take: those no other row has yet (the row's own stays). */
export function freeIndicators(targets: readonly { indicator: TargetIndicator }[], own?: TargetIndicator): TargetIndicator[] {
  const taken = new Set(targets.map((target) => target.indicator));
  return TARGET_INDICATORS.filter((indicator) => indicator === own || !taken.has(indicator));
}

/** Indicators that appear in more than one row: a programme sets each target once. */
export function repeatedIndicators(targets: readonly { indicator: TargetIndicator }[]): Set<TargetIndicator> {
  const seen = new Set<TargetIndicator>();
  const repeated = new Set<TargetIndicator>();
  for (const { indicator } of targets) {
    if (seen.has(indicator)) repeated.add(indicator);
    seen.add(indicator);
  }
  return repeated;
}

/** Money indicators are counted in cents and typed in euro; every other target is a count. */
export function isMoneyIndicator(indicator: TargetIndicator): boolean {
  return indicator.endsWith('Cents');
}

/** A target as the form holds it: the number as typed. */
export interface TargetInput {
  indicator: TargetIndicator;
  target: string;
  cumulative: boolean;
}

export function targetToInput(target: ProgrammeTarget, centsToText: (cents: number) => string): TargetInput {
  return { indicator: target.indicator, target: isMoneyIndicator(target.indicator) ? centsToText(target.target) : String(target.target), cumulative: target.cumulative };
}

type NamedProgramme = { id: string; name: string; deleted: boolean };

const collator = new Intl.Collator('lv');

/** The programmes an event or a filter chooses from: live ones, by name. */
export function programmeOptions<P extends NamedProgramme>(programmes: readonly P[]): P[] {
  return programmes.filter((programme) => !programme.deleted).sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id));
}

/**
 * The programme a new event starts with: the one this device used last if it is still offered,
 * else the only one, else none.
 */
export function preselectedProgramme(options: readonly { id: string }[], lastUsed: string | null): string | null {
  if (lastUsed !== null && options.some((programme) => programme.id === lastUsed)) return lastUsed;
  return options.length === 1 ? options[0]!.id : null;
}

/** Programme names as once typed on events: "KOPA", "Kopa " and "kopa" are one programme. */
export function programmeKey(programme: string): string {
  return programme.trim().replace(/\s+/g, ' ').toLocaleLowerCase('lv');
}

type EventProgramme = { programme: string; programmeId?: string | null | undefined };

/**
 * Whether an event belongs to a programme: by the id it names, or, for an event written before it
 * named one (only the free text, docs/protocol.md), by the programme's name as typed then.
 */
export function isEventOf(event: EventProgramme, programme: { id: string; name: string }): boolean {
  if (event.programmeId) return event.programmeId === programme.id;
  const name = programmeKey(programme.name);
  return name !== '' && programmeKey(event.programme) === name;
}
