// The retention period ("flag participants not seen for N months"), kept on
// this device in idb-keyval per organisation. It is not synced: a setting the
// whole organisation shares would need an organisation table on the server.
import { get, set } from 'idb-keyval';
import { RETENTION_MONTHS } from '../../domain/retention';

const keyOf = (organisationId: string) => `talka:retention-months:${organisationId || 'device'}`;

export async function loadRetentionMonths(organisationId: string): Promise<number> {
  const saved = await get<unknown>(keyOf(organisationId)).catch(() => undefined);
  return typeof saved === 'number' && Number.isInteger(saved) && saved >= RETENTION_MONTHS.min && saved <= RETENTION_MONTHS.max
    ? saved
    : RETENTION_MONTHS.default;
}

export async function saveRetentionMonths(organisationId: string, months: number): Promise<void> {
  await set(keyOf(organisationId), months);
}
