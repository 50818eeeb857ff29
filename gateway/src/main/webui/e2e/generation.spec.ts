import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible, settled, shot, signIn, uniqueId } from './suite';

// The specification's E2E scenario "work-order generation".
test('a supervisor creates a work order, generates SSCCs and serials from the menu, watches them complete live, downloads the report', async ({ page }) => {
  const woId = uniqueId('WO-E2E');
  await signIn(page, 'supervisor', '/generation');
  await page.getByRole('link', { name: 'New work order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New work order' })).toBeVisible();

  await page.getByLabel('WO ID').fill(woId);
  await page.getByLabel('WO Name').fill('E2E batch');
  const gtin = page.getByLabel('GTIN');
  await gtin.fill('09506000134353');
  await gtin.blur();
  await expect(page.getByText('The check digit is wrong')).toBeVisible();
  await gtin.fill('09506000134352');
  await expect(page.getByText('The check digit is wrong')).toHaveCount(0);
  await page.getByLabel('Lot').fill('E2E-1');
  await page.getByLabel('Expiry date').fill('2029-06-30');
  await page.getByRole('textbox', { name: /^Quantity/ }).fill('2400');
  await expectAccessible(page, 'work-order-form-filled');
  await page.getByRole('button', { name: 'Create work order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${woId} — E2E batch` })).toBeVisible();

  await page.getByRole('link', { name: 'Generation Process' }).click();
  await page.getByLabel('Search WO ID, name, GTIN or lot').fill(woId);
  const row = page.locator(`tr[data-wo-id="${woId}"]`);
  await expect(row).toHaveCount(1);
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  // aggregation-service answers with the packaging breakdown: the SSCCs to make come from it
  await expect.poll(async () => {
    await page.getByRole('button', { name: 'Export CSV' }).isVisible();
    return (await page.request.get(`/api/v1/serial-generation/workorders/${woId}/`, {
      headers: { Authorization: `Bearer ${await page.evaluate(() => JSON.parse(sessionStorage.getItem('serialgen.session')!).token)}` },
    }).then((r) => r.json())).total_requested_sscc;
  }, { timeout: 30_000 }).toBeGreaterThan(0);

  await row.getByRole('button', { name: `Actions for work order ${woId}` }).click();
  await page.getByRole('menuitem', { name: 'Generate SSCC' }).click();
  const sscc = page.getByRole('dialog', { name: 'Generate SSCC' });
  await expect(sscc).toContainText(/This will generate \d+ unique SSCC/);
  await expectAccessible(page, 'generate-sscc-dialog');
  await shot(page, 'generate-sscc-dialog');
  await sscc.getByRole('button', { name: 'Confirm' }).dblclick();
  await expect(sscc).toBeHidden();
  // the row changes without a reload, from the live events
  await expect(row.locator('[data-column="sscc"] [data-status="completed"]')).toBeVisible({ timeout: 30_000 });

  await row.getByRole('button', { name: `Actions for work order ${woId}` }).click();
  await page.getByRole('menuitem', { name: 'Generate Serial Numbers' }).click();
  const serials = page.getByRole('dialog', { name: 'Generate Serial Numbers' });
  await expect(serials).toContainText(/This will generate [\d,]+ unique serial numbers/);
  const announced = Number((await serials.getByText(/This will generate/).textContent())!.replace(/\D/g, ''));
  await expectAccessible(page, 'generate-serials-dialog');
  await shot(page, 'generate-serials-dialog');
  await serials.getByRole('button', { name: 'Confirm' }).click();
  await expect(row.locator('[data-column="serials"] [data-status="completed"]')).toBeVisible({ timeout: 30_000 });
  await shot(page, 'generation-process-completed');

  await row.getByRole('button', { name: `Actions for work order ${woId}` }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Serials CSV (element string)', exact: true }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8').trim().split('\n');
  expect(csv.length - 1).toBe(announced);
  expect(new Set(csv.slice(1)).size).toBe(announced);

  // the pack codes carry the lot typed in the form; the EPCIS document tells the serials' issue and the SSCCs' apart
  await row.getByRole('button', { name: `Actions for work order ${woId}` }).click();
  await expect(page.getByRole('menuitem', { name: 'SSCC labels (PDF)' })).toBeVisible();
  await shot(page, 'work-order-menu-reports');
  const packs = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Serials CSV (pack codes with expiry and lot)' }).click();
  const pack = readFileSync((await (await packs).path())!, 'utf8').trim().split('\n');
  expect(pack[1]).toMatch(/^\d{14},[^,]+,\(01\)09506000134352\(17\)\d{6}\(10\)E2E-1\(21\)/);
  await row.getByRole('button', { name: `Actions for work order ${woId}` }).click();
  const epcis = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'EPCIS document (JSON-LD)' }).click();
  const epcisFile = await epcis;
  expect(epcisFile.suggestedFilename()).toMatch(/epcis\.jsonld$/);
  const events = JSON.parse(readFileSync((await epcisFile.path())!, 'utf8')).epcisBody.eventList;
  expect(events.map((event: { bizStep: string }) => event.bizStep)).toEqual(['commissioning', 'commissioning']);
  expect(events.flatMap((event: { epcList: string[] }) => event.epcList).length).toBeGreaterThan(announced);
  await row.getByRole('button', { name: `Actions for work order ${woId}` }).click();
  const epcisXml = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'EPCIS document (XML)' }).click();
  const xmlFile = await epcisXml;
  expect(xmlFile.suggestedFilename()).toMatch(/epcis\.xml$/);
  const xml = readFileSync((await xmlFile.path())!, 'utf8');
  expect(xml).toContain('<epcis:EPCISDocument');
  expect(xml.match(/<bizStep>urn:epcglobal:cbv:bizstep:commissioning<\/bizStep>/g)?.length).toBe(2);

  // the details: counts and the history with who did it; one task per dialog although Confirm was clicked twice
  await row.getByRole('link', { name: woId }).click();
  await settled(page);
  await expect(page.getByRole('heading', { name: 'Generation history' })).toBeVisible();
  const history = page.getByRole('table', { name: 'Generation history' });
  await expect(history.getByRole('row').filter({ hasText: 'SSCC generation' }).filter({ hasText: 'Completed' })).toHaveCount(1);
  await expect(history.getByRole('row').filter({ hasText: 'Serial generation' }).filter({ hasText: 'Completed' })).toHaveCount(1);
  await expect(history).toContainText('supervisor');
  await expectAccessible(page, 'work-order-details');
  await shot(page, 'work-order-details');
});
