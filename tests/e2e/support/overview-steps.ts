// Steps of a coordinator's overview: reading the overview's figures, charts
// and their table views as a person sees them. (Seeding an organisation through
// the API is in testing/seed.ts.)
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { STEP_TIMEOUT_MS, expectScreen, seen } from './notebook-steps';

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
