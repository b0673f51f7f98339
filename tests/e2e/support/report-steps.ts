// Steps of the coordinator's desk: exports downloaded and read back, the print
// views rendered as print and PDF, and a personal data request. Driven by the
// Latvian words on screen like notebook-steps.ts.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { expect } from 'vitest';
import { STEP_TIMEOUT_MS, expectScreen, visible } from './notebook-steps';

export interface DownloadedFile {
  name: string;
  bytes: Buffer;
}

/** Clicks a download button and returns the file the browser saved. */
export async function downloadBy(page: Page, button: Locator): Promise<DownloadedFile> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** Every sheet of an XLSX file as rows of cell values. */
export async function readWorkbook(bytes: Buffer): Promise<Map<string, unknown[][]>> {
  const sheets = await readXlsxFile(bytes);
  return new Map(sheets.map((sheet) => [sheet.sheet, sheet.data as unknown[][]]));
}

export const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** A CSV file's rows (after its byte-order mark; fields split by semicolons, as Excel in Latvia expects), read with papaparse. */
export function readCsv(bytes: Buffer): string[][] {
  const text = bytes.subarray(UTF8_BOM.length).toString('utf8');
  const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** Pages in a PDF Chromium printed (each page object is `/Type /Page`). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The first page's size in PDF points, from its MediaBox. */
export function pdfPageSize(pdf: Buffer): { width: number; height: number } | null {
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  return box ? { width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) } : null;
}

/** Share of a PNG's pixels that are not near-white, measured by drawing it on a canvas in the page. */
export async function inkShare(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) ink++;
    return ink / (data.length / 4);
  }, png.toString('base64'));
}

// ── Getting there ─────────────────────────────────────────────────────────

/** From the workshop's page: "Reģistrācijas lapa". */
export async function openSignInSheet(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^Reģistrācijas lapa/ }).click();
  await expectScreen(page, 'Reģistrācijas lapa');
  await visible(page.getByRole('article', { name: 'Drukājamā reģistrācijas lapa' }));
}

/** From the workshop's page: "Pasākuma pārskats". */
export async function openWorkshopReport(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^Pasākuma pārskats/ }).click();
  await expectScreen(page, 'Pasākuma pārskats');
  await visible(page.getByRole('article', { name: 'Drukājamais pasākuma pārskats' }));
}

/** From the workshop report: "Eksportēt dalībniekus", the exports with this workshop chosen. */
export async function openExportsFromReport(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Eksportēt dalībniekus', exact: true }).click();
  await expectScreen(page, 'Eksports un atskaites');
}

/** On a community's participant list (coordinators): "Dati" of one person. */
export async function openParticipantData(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: `Personas dati: ${name}`, exact: true }).click();
  await expectScreen(page, `Personas dati: ${name}`);
}

/** On a participant's data page: "Dzēst personas datus", tick, confirm; ends on the erased record. */
export async function eraseOnDataPage(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Dzēst personas datus', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await visible(dialog);
  await dialog.getByLabel('Saprotu, ka dzēšanu nevar atsaukt', { exact: true }).check();
  await dialog.getByRole('button', { name: 'Dzēst personas datus', exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  await expectScreen(page, 'Personas dati: Dzēsts dalībnieks');
}
