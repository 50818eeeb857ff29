import { expect, test } from '@playwright/test';
import { expectAccessible, shot, signIn, uniqueId } from './suite';

const ERP = process.env.SERIALGEN_FAKE_ERP_URL ?? 'http://127.0.0.1:8085';

// The specification's E2E scenario "ERP flow": a sync brings a record that fails; it is fixed by manual entry.
test('an ERP operator syncs, sees the failed record with its reason, and enters the work order by hand', async ({ page, request }) => {
  const woId = uniqueId('WO-ERPBAD');
  // the ERP (faked: a third party) holds a record with a wrong GTIN check digit
  const put = await request.post(`${ERP}/_admin/workorders`, { data: {
    wo_id: woId, wo_name: 'Broken in the ERP', gtin: '09506000134353', lot: 'E-9', expiry: '2029-03-31', quantity: 500 } });
  expect(put.ok()).toBeTruthy();

  await signIn(page, 'erp', '/erp');
  await expect(page.getByRole('heading', { level: 1, name: 'ERP' })).toBeVisible();
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await expect(page.getByRole('status')).toBeVisible();
  const failed = page.locator(`tr[data-failed-wo="${woId}"]`);
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(failed).toHaveCount(1, { timeout: 2000 });
  }).toPass({ timeout: 40_000 });
  await expect(failed).toContainText('gtin');
  await expectAccessible(page, 'erp-with-failed-record');
  await shot(page, 'erp-failed-record');
  // dismissing asks why; cancelled here
  await failed.getByRole('button', { name: 'Dismiss' }).click();
  const dismiss = page.getByRole('dialog', { name: `Dismiss the failed record of ${woId}` });
  await expect(dismiss.getByRole('button', { name: 'Dismiss' })).toBeDisabled();
  await expectAccessible(page, 'erp-dismiss-dialog');
  await dismiss.getByRole('button', { name: 'Cancel' }).click();
  await expect(dismiss).toBeHidden();

  await failed.getByRole('link', { name: 'Enter manually' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New work order' })).toBeVisible();
  await expect(page.getByLabel('WO ID')).toHaveValue(woId);
  await page.getByLabel('WO Name').fill('Entered by hand');
  await page.getByLabel('GTIN').fill('09506000134352');
  await page.getByLabel('Lot').fill('E-9');
  await page.getByLabel('Expiry date').fill('2029-03-31');
  await page.getByRole('textbox', { name: /^Quantity/ }).fill('500');
  await page.getByRole('button', { name: 'Create work order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${woId} — Entered by hand` })).toBeVisible();
  await expect(page.getByText('Manual', { exact: true })).toBeVisible();

  // the failed record is no longer open: the manual entry resolved it
  await page.goto('/erp');
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.locator(`tr[data-failed-wo="${woId}"]`)).toHaveCount(0, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
});

test('an ERP operator overrides an ERP work order with a reason, sees it used and listed, then lifts it', async ({ page }) => {
  await signIn(page, 'erp', '/workorders/WO-DEMO-1002');
  const panel = page.getByRole('region', { name: 'In the ERP' });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Override', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Override WO-DEMO-1002' });
  await dialog.getByLabel('Quantity', { exact: true }).fill('2600');
  await dialog.getByLabel(/^Reason/).fill('Line 3 packs 100 more');
  await expectAccessible(page, 'erp-override-dialog');
  await dialog.getByRole('button', { name: 'Override' }).click();
  await expect(page.getByRole('status')).toContainText('Override saved.');
  await expect(panel).toContainText('Line 3 packs 100 more');
  // the override travels to generation-service as the work order's quantity
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('region', { name: 'Work order' })).toContainText('2,600', { timeout: 2000 });
  }).toPass({ timeout: 30_000 });

  await page.goto('/erp');
  await expect(page.getByRole('table', { name: 'Overridden work orders' })).toContainText('WO-DEMO-1002');
  await expect(page.getByRole('table', { name: 'ERP actions' })).toContainText('Override set');

  await page.goto('/workorders/WO-DEMO-1002');
  await page.getByRole('region', { name: 'In the ERP' }).getByRole('button', { name: 'Lift override' }).click();
  const lift = page.getByRole('dialog', { name: 'Lift the override of WO-DEMO-1002' });
  await lift.getByLabel(/^Reason/).fill('Back to the ERP plan');
  await lift.getByRole('button', { name: 'Lift override' }).click();
  await expect(page.getByRole('status')).toContainText('Override lifted.');
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('region', { name: 'Work order' })).toContainText('2,500', { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
});
