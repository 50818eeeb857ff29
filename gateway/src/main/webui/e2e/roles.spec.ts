import { expect, test } from '@playwright/test';
import { settled, shot, signIn } from './suite';

test('a viewer sees the work orders and reports but no control to change or generate anything', async ({ page }) => {
  await signIn(page, 'viewer', '/generation');
  await settled(page);
  await expect(page.getByRole('link', { name: 'New work order' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Actions for work order/ }).first().click();
  await expect(page.getByRole('menuitem', { name: 'View Details' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Serials CSV (element string)' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Generate SSCC' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: 'Generate Serial Numbers' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.goto('/configuration');
  await settled(page);
  await expect(page.getByText('Your role may view the configuration, not change it.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
  await expect(page.getByLabel('Discrepancy tolerance')).toBeDisabled();
  await page.goto('/erp');
  await expect(page.getByRole('button', { name: 'Sync', exact: true })).toHaveCount(0);
  await shot(page, 'viewer-erp');
});

test('a manager has the controls the viewer lacks', async ({ page }) => {
  await signIn(page, 'manager', '/generation');
  await settled(page);
  await expect(page.getByRole('link', { name: 'New work order' })).toBeVisible();
  await page.getByRole('button', { name: /^Actions for work order/ }).first().click();
  await expect(page.getByRole('menuitem', { name: 'Generate SSCC' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.goto('/configuration');
  await settled(page);
  await expect(page.getByRole('button', { name: 'Save' })).toBeVisible();
});

test('a 401 sends the user back to sign in, and back to the page afterwards', async ({ page }) => {
  await signIn(page, 'manager', '/pools');
  // the token goes bad (as after a key rotation or expiry): the next call answers 401
  await page.evaluate(() => {
    const session = JSON.parse(sessionStorage.getItem('serialgen.session')!);
    session.token = session.token.slice(0, -4) + 'AAAA';
    sessionStorage.setItem('serialgen.session', JSON.stringify(session));
  });
  await page.reload();
  await expect(page.getByText('Your session has ended. Please sign in again.')).toBeVisible();
  await page.getByLabel('User name').fill('manager');
  await page.getByLabel('Password').fill((await import('./suite')).passwordOf('manager'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pools and audit' })).toBeVisible();
});

test('keyboard only: the row menu opens, moves and closes, and focus returns to its button', async ({ page }) => {
  await signIn(page, 'manager', '/generation');
  await settled(page);
  const menuButton = page.getByRole('button', { name: /^Actions for work order/ }).first();
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Generate SSCC' }).press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Generate SSCC' });
  await expect(dialog).toBeVisible();
  // the focus stays in the dialog (trap) and comes back to the menu's button when it closes
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
