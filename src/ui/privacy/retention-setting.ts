// Before the retention period became an organisation setting (the synced
// `settings` record, src/db/settings.ts), each device kept its own in
// idb-keyval. A coordinator's device still offers that value until the
// organisation saves one, so nobody's choice is lost in the upgrade.
import { get } from 'idb-keyval';
import { RETENTION_MONTHS } from '../../domain/retention';

const keyOf = (organisationId: string) => `talka:retention-months:${organisationId || 'device'}`;

/** The period this device kept on its own before settings synced, or null. */
export async function loadDeviceRetentionMonths(organisationId: string): Promise<number | null> {
  const saved = await get<unknown>(keyOf(organisationId)).catch(() => undefined);
  return typeof saved === 'number' && Number.isInteger(saved) && saved >= RETENTION_MONTHS.min && saved <= RETENTION_MONTHS.max ? saved : null;
}
