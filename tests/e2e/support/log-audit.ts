// The personal values and passwords the journeys send to the server, for the
// audit of the servers' output at the end of each file (log-audit.setup.ts).
import { seededPersonalValues } from '../../../testing/seed';

const values = new Set<string>();

export function rememberPersonalValues(...found: (string | undefined)[]): void {
  for (const value of found) if (value) values.add(value);
}

export function rememberedValues(): ReadonlySet<string> {
  return new Set([...values, ...seededPersonalValues()]);
}
