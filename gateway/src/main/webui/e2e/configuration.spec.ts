import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible, settled, shot, signIn } from './suite';

// The specification's E2E scenario "complete configuration setup".
test('a manager changes the configuration, saves, reloads it persisted, and sees a validation error at its field', async ({ page }) => {
  await signIn(page, 'manager', '/configuration');
  await expect(page.getByRole('heading', { level: 1, name: 'Configuration' })).toBeVisible();
  await settled(page);

  const tolerance = page.getByLabel('Discrepancy tolerance');
  const current = Number(await tolerance.inputValue());
  const next = current >= 9 ? 2.5 : current + 1.25;
  await tolerance.fill(String(next));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText(/Saved as version \d+/);

  await page.reload();
  await settled(page);
  await expect(page.getByLabel('Discrepancy tolerance')).toHaveValue(String(next));
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(page.getByText(`discrepancy_tolerance`).first()).toBeVisible();

  // a multiplier is a positive whole number: 0 items per bundle is refused at its field
  const l2 = page.getByLabel('L2 multiplier');
  await l2.fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Some fields need attention');
  const problem = page.locator('#' + (await l2.getAttribute('aria-describedby'))!.split(' ')[0]);
  await expect(problem).toContainText(/positive whole number/i);
  await expect(l2).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'configuration-with-errors');
  await shot(page, 'configuration-validation-error');

  // nothing was saved: Cancel brings back the stored value, a reload too
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(l2).not.toHaveValue('0');
  await page.reload();
  await settled(page);
  await expect(page.getByLabel('L2 multiplier')).not.toHaveValue('0');
});

test('an import is previewed as a dry run before it is applied', async ({ page }) => {
  await signIn(page, 'manager', '/configuration');
  await settled(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file!, 'utf8'));
  exported.config.pool_exhaustion_warning_percent = exported.config.pool_exhaustion_warning_percent === 75 ? 85 : 75;
  await page.locator('input[type=file]').setInputFiles({
    name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  const dialog = page.getByRole('dialog', { name: 'Import: changes to apply' });
  await expect(dialog).toContainText('pool_exhaustion_warning_percent');
  await expectAccessible(page, 'configuration-import-preview');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status')).toContainText(/Imported as version/);
  await expect(page.getByLabel('Pool warning at')).toHaveValue(String(exported.config.pool_exhaustion_warning_percent));
});

test('someone saved first: the second editor sees which fields changed and re-applies on top', async ({ browser, baseURL }) => {
  const firstContext = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
  const secondContext = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
  const first = await firstContext.newPage();
  const second = await secondContext.newPage();
  await signIn(first, 'manager', '/configuration');
  await signIn(second, 'admin', '/configuration');
  await settled(first);
  await settled(second);
  const warning = first.getByLabel('Pool warning at');
  const next = (await warning.inputValue()) === '70' ? '71' : '70';
  await warning.fill(next);
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first.getByRole('status')).toContainText(/Saved as version/);

  await second.getByLabel('Serial number percentage').fill('99');
  await second.getByRole('button', { name: 'Save' }).click();
  const conflict = second.getByRole('dialog', { name: 'Someone saved first' });
  await expect(conflict).toContainText('pool_exhaustion_warning_percent');
  await expectAccessible(second, 'configuration-conflict');
  await conflict.getByRole('button', { name: 'Apply my changes on top' }).click();
  await expect(second.getByRole('status')).toContainText(/Saved as version/);
  await second.reload();
  await settled(second);
  await expect(second.getByLabel('Serial number percentage')).toHaveValue('99');
  await expect(second.getByLabel('Pool warning at')).toHaveValue(next);
  await second.getByLabel('Serial number percentage').fill('100');
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second.getByRole('status')).toContainText(/Saved as version/);

  // Reset to Default asks first
  await second.getByRole('button', { name: 'Reset to Default' }).click();
  const reset = second.getByRole('dialog', { name: 'Reset to the defaults?' });
  await expectAccessible(second, 'configuration-reset-dialog');
  await reset.getByRole('button', { name: 'Cancel' }).click();
  await expect(reset).toBeHidden();
  await firstContext.close();
  await secondContext.close();
});
