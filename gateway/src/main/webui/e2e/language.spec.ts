import { expect, test } from '@playwright/test';
import { expectAccessible, settled, shot, signIn } from './suite';

test('German: chosen in the bar, every screen in German, numbers in German form', async ({ page }) => {
  await signIn(page, 'manager', '/generation');
  await page.getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Generierungsprozess' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await settled(page);
  await expect(page.getByRole('columnheader', { name: 'Auftrags-ID' })).toBeVisible();
  // 50 400 serials of the demo work order WO-DEMO-1005 read "50.400" in German
  await expect(page.getByRole('cell', { name: /^\d{1,3}(\.\d{3})+$/ }).first()).toBeVisible();
  await expectAccessible(page, 'generation-process-de');
  await shot(page, 'generation-process-de');
  await page.getByRole('link', { name: 'Konfiguration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Konfiguration' })).toBeVisible();
  await expect(page.getByLabel('Abweichungstoleranz')).toBeVisible();
  await shot(page, 'configuration-de');
  // kept for the next visit
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Konfiguration' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Sprache' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Configuration' })).toBeVisible();
});
