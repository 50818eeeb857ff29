import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible, settled, shot, signIn, uniqueId } from './suite';

/** A GTIN-14 under the seeded company prefix 9520000, with its check digit. */
function gtin(item: number): string {
  const body = `09520000${String(item).padStart(5, '0')}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return body + ((10 - (sum % 10)) % 10);
}

test('a manager issues the bundle serials a recipe asks for and downloads them under the bundle GTIN', async ({ page }) => {
  const seed = 10_000 + (Date.now() % 40_000) * 2;
  const item = gtin(seed);
  const bundle = gtin(seed + 1);
  const woId = uniqueId('WO-BUNDLE');
  await signIn(page, 'manager', '/generation');
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('serialgen.session')!).token);
  const headers = { Authorization: `Bearer ${token}` };
  // the recipe and the work order through the API (their screens have tests of their own): 240 items in bundles of 12
  expect((await page.request.post('/api/v1/serial-generation/aggregation/recipes/', { headers, data: {
    gtin: item, variant: 'default', effective_from: '2026-01-01', levels: [
      { level: 1, name: 'unit', identified_by: 'sgtin' },
      { level: 2, name: 'bundle', children_per_parent: 12, identified_by: 'sgtin', gtin: bundle },
      { level: 3, name: 'case', children_per_parent: 10, identified_by: 'sscc' }] } })).status()).toBe(201);
  expect((await page.request.post('/api/v1/serial-generation/workorders/', { headers, data: {
    wo_id: woId, wo_name: 'Bundled batch', gtin: item, lot: 'B-1', expiry: '2029-06-30', quantity: 240 } })).status())
    .toBe(201);
  await expect.poll(async () => (await page.request.get(`/api/v1/serial-generation/workorders/${woId}/`, { headers })
    .then((r) => r.json())).total_requested_bundle_serials, { timeout: 30_000 }).toBe(20);

  await page.goto(`/workorders/${woId}`);
  await settled(page);
  const card = page.getByRole('region', { name: 'Bundle serials' });
  await expect(card).toContainText('Pending');
  await page.getByRole('button', { name: `Actions for work order ${woId}` }).click();
  await page.getByRole('menuitem', { name: 'Generate Bundle Serials' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate Bundle Serials' });
  await expect(dialog).toContainText('This will generate 20 unique bundle serials');
  await expectAccessible(page, 'generate-bundles-dialog');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText('Completed', { timeout: 30_000 });
  await expect(page.getByRole('table', { name: 'Generation history' })).toContainText('Bundle serial generation');
  await expect(page.getByRole('row').filter({ hasText: 'Bundle serials' }).filter({ hasText: bundle })).toHaveCount(1);
  await expectAccessible(page, 'work-order-details-bundles');
  await shot(page, 'work-order-details-bundles');

  await page.getByRole('button', { name: `Actions for work order ${woId}` }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Bundle serials CSV (element string)' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8').trim().split('\n');
  expect(csv[0]).toBe('gtin,serial,identifier');
  expect(csv.length - 1).toBe(20);
  expect(csv.slice(1).every((line) => line.startsWith(`${bundle},`) && line.includes(`(01)${bundle}(21)`))).toBe(true);

  // the line packs twelve items into the first bundle (through the API): the details show it level by level
  expect((await page.request.post(`/api/v1/serial-generation/workorders/${woId}/generate-serials/`, { headers, data: {} }))
    .status()).toBe(202);
  const items = (await (await page.request.get(`/api/v1/serial-generation/workorders/${woId}/serials.csv`, { headers }))
    .text()).trim().split('\n').slice(1, 13).map((line) => line.split(',')[2]);
  expect((await page.request.post(`/api/v1/serial-generation/workorders/${woId}/packing/`, { headers, data: {
    parent: csv[1].split(',')[2], children: items } })).status()).toBe(201);
  await page.reload();
  await settled(page);
  const packing = page.getByRole('table', { name: 'Recorded packing' });
  await expect(packing.getByRole('row').filter({ hasText: 'L2 bundle' })).toContainText('1 of 20');
  await expect(packing.getByRole('row').filter({ hasText: 'L2 bundle' })).toContainText('12');
  await expectAccessible(page, 'work-order-details-packing');
  await shot(page, 'work-order-details-packing');

  // in German, then on a phone's width: the same cards and tables, translated, in one column
  await page.getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: 'Deutsch' }).click();
  await expect(page.getByRole('region', { name: 'Bündel-Seriennummern' })).toContainText('Abgeschlossen');
  await expect(page.getByRole('table', { name: 'Erfasste Verpackung' })).toContainText('1 von 20');
  await expectAccessible(page, 'work-order-details-bundles-de');
  await shot(page, 'work-order-details-bundles-de');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('region', { name: 'Bündel-Seriennummern' })).toBeVisible();
  await shot(page, 'work-order-details-bundles-390');
});
