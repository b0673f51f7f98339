// Steps of a coordinator's overview: seeding an organisation through the API
// the way a tablet's push would, and reading the overview's figures, charts and
// their table views as a person sees them.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  PROTOCOL_VERSION, attendanceId, formatHlc, initialClock, tick, uuidv7,
  type ClockState, type EditableFields, type Hlc, type Mutation, type PushResponse, type TableName,
} from '../../../protocol';
import { attendanceFields, newRecordFields } from '../../../testing/fixtures';
import { STEP_TIMEOUT_MS, expectScreen, seen } from './notebook-steps';
import type { Account } from './sync-steps';
import { rememberPersonalValues } from './log-audit';

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

// ── Seeding through the API ───────────────────────────────────────────────

/** Completes the one-time setup link through POST /api/setup; the first coordinator's bearer token. */
export async function setUpThroughApi(url: string, setupLink: string, organisation: string, coordinator: Account): Promise<string> {
  rememberPersonalValues(coordinator.name, coordinator.email, coordinator.password);
  const token = new URL(setupLink).hash.slice(1);
  const response = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, organisation, name: coordinator.name, email: coordinator.email, password: coordinator.password }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

/**
 * A batch of changes as a tablet's outbox would hold them: whole records when
 * created, changed fields when edited, each stamped with this device's clock.
 */
export class SeedBatch {
  readonly mutations: Mutation[] = [];
  private clock: ClockState;

  constructor(readonly deviceId: string, private readonly author: string) {
    this.clock = initialClock(deviceId);
  }

  private write(table: TableName, recordId: string, fields: Record<string, unknown>): void {
    this.clock = tick(this.clock, Date.now());
    const hlc: Hlc = formatHlc(this.clock);
    const base = Object.fromEntries(Object.keys(fields).map((field) => [field, null]));
    this.mutations.push({ id: uuidv7(Date.now(), randomBytes), table, recordId, op: 'put', fields, base, hlc });
  }

  create<T extends TableName>(table: T, fields: EditableFields<T>, id = uuidv7(Date.now(), randomBytes)): string {
    this.write(table, id, newRecordFields(fields, { by: this.author, at: Date.now() }));
    return id;
  }

  update<T extends TableName>(table: T, id: string, patch: Partial<EditableFields<T>> & { deleted?: boolean }): void {
    this.write(table, id, { ...patch, updatedAt: Date.now() });
  }

  /** One attendance row per person per workshop, with the id every tablet derives for it. */
  checkIn(workshop: { id: string; communityId: string }, participantId: string): string {
    const at = { communityId: workshop.communityId, workshopId: workshop.id, participantId };
    return this.create('attendance', attendanceFields(at, { checkedInAt: Date.now() }), attendanceId(workshop.id, participantId));
  }
}

/** POST /api/sync/push with the batch; every change must be acknowledged. */
export async function pushBatch(url: string, token: string, batch: SeedBatch): Promise<void> {
  const response = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION, deviceId: batch.deviceId, mutations: batch.mutations }),
  });
  expect(response.status).toBe(200);
  const reply = (await response.json()) as PushResponse;
  expect(reply.rejected).toEqual([]);
  expect(reply.acked).toHaveLength(batch.mutations.length);
}

// ── The overview screen ───────────────────────────────────────────────────

export async function openOverview(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Pārskats', exact: true }).click();
  await expectScreen(page, 'Pārskats');
}

/** The big number of one headline figure, e.g. "Notikušie pasākumi". */
export function figure(page: Page, label: string): Locator {
  return page.locator('dl.figure-grid > div').filter({ has: page.getByRole('term').getByText(label, { exact: true }) }).locator('dd.figure__value');
}

/** A titled section of the overview: a chart, or one of the tables. */
export function overviewSection(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

/** Opens a chart's "Rādīt tabulu" (if closed) and reads its body rows as [label, ...cells] texts. */
export async function chartTable(page: Page, title: string): Promise<string[][]> {
  const section = overviewSection(page, title);
  const details = section.locator('details');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await section.getByText('Rādīt tabulu', { exact: true }).click();
  }
  const table = section.getByRole('table');
  await table.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  return tableRows(table);
}

/** Body rows of a table as texts, whitespace folded. */
export async function tableRows(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) =>
    Array.from(row.children).map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())));
}

/** The described canvas of a chart (role img). */
export function chartCanvas(page: Page, title: string): Locator {
  return overviewSection(page, title).getByRole('img');
}

/** How many of the canvas's pixels are painted (not transparent): 0 for a blank chart. */
export async function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const canvasElement = element as HTMLCanvasElement;
    const context = canvasElement.getContext('2d');
    if (!context || canvasElement.width === 0 || canvasElement.height === 0) return 0;
    const { data } = context.getImageData(0, 0, canvasElement.width, canvasElement.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return painted;
  });
}

/** Waits until the chart has been drawn and has painted at least `minimum` pixels. */
export async function expectChartDrawn(page: Page, title: string, minimum = 2_000): Promise<void> {
  const canvas = chartCanvas(page, title);
  await expect.poll(() => canvas.getAttribute('data-state'), { timeout: STEP_TIMEOUT_MS }).toBe('drawn');
  await expect.poll(() => paintedPixels(canvas), { timeout: STEP_TIMEOUT_MS, interval: 100 }).toBeGreaterThan(minimum);
}

/** Chooses an option of one of the overview's filters by its visible label. */
export async function chooseFilter(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('form', { name: 'Atlase' }).getByLabel(label, { exact: true }).selectOption({ label: option });
}

/** "Atlasei atbilst 2 kopienas no 2" */
export async function shownLine(page: Page): Promise<string> {
  return seen(page.getByTestId('overview-shown'));
}
