import { expect, test } from '@playwright/test';
import { expectAccessible, settled, shot, signIn } from './suite';

// GTIN-13s of GS1's demonstration range 952 with their check digits: the recipe's item, its bundle
function gtinFor(seed: number): string {
  const body = `952${String(seed).padStart(9, '0')}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return body + ((10 - (sum % 10)) % 10);
}

test('a manager creates a recipe, changes it to a second version, reads its versions and the breakdown of a quantity', async ({ page }) => {
  const seed = Date.now() % 1_000_000_000;
  const gtin = gtinFor(seed);
  // the server keeps every GTIN as GTIN-14
  const stored = gtin.padStart(14, '0');
  await signIn(page, 'manager', '/recipes');
  await settled(page);
  await page.getByRole('button', { name: 'New recipe' }).click();
  const editor = page.getByRole('dialog', { name: 'New recipe' });
  await editor.getByLabel('GTIN').first().fill(gtin);
  await editor.getByRole('button', { name: 'Add level' }).click();
  await editor.getByRole('group', { name: 'Level 2' }).getByLabel('Per container (level below)').fill('12');
  await editor.getByRole('group', { name: 'Level 2' }).getByLabel('Level GTIN').fill(gtinFor(seed + 1));
  await editor.getByRole('button', { name: 'Add level' }).click();
  await editor.getByRole('group', { name: 'Level 3' }).getByLabel('Per container (level below)').fill('0');
  await expectAccessible(page, 'recipe-editor');
  await editor.getByRole('button', { name: 'Save' }).click();
  // the server's rule, at its field: a level holds at least one of the level below
  await expect(editor.getByRole('group', { name: 'Level 3' }).locator('.Mui-error').first()).toBeVisible();
  await editor.getByRole('group', { name: 'Level 3' }).getByLabel('Per container (level below)').fill('10');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByRole('status')).toContainText('Recipe saved.');

  await page.getByLabel('Search GTIN or variant').fill(gtin);
  await expect(page.getByRole('row').filter({ hasText: gtin })).toContainText('unit → bundle ×12 → case ×10');
  await page.getByRole('button', { name: `Edit recipe ${stored} default` }).click();
  const change = page.getByRole('dialog', { name: `Change recipe for ${stored}` });
  await change.getByRole('group', { name: 'Level 3' }).getByLabel('Per container (level below)').fill('20');
  await change.getByRole('button', { name: 'Save' }).click();
  await expect(change).toBeHidden();
  await page.getByRole('button', { name: `Versions of recipe ${stored} default` }).click();
  const versions = page.getByRole('dialog', { name: `Versions of ${stored} (default)` });
  await expect(versions.getByRole('listitem')).toHaveCount(2);
  await expectAccessible(page, 'recipe-versions');
  await versions.getByRole('button', { name: 'Close' }).click();

  const calculator = page.getByRole('region', { name: 'Breakdown for a quantity' });
  await calculator.getByLabel('GTIN').fill(gtin);
  await calculator.getByLabel('Quantity').fill('1000');
  await calculator.getByRole('button', { name: 'Calculate' }).click();
  const hierarchy = page.getByRole('list', { name: 'Packaging hierarchy' });
  await expect(hierarchy).toContainText('L3 case');
  // 1000 items: 84 bundles of 12 (the last holds 4), 5 cases of 20 bundles (the last holds 4 bundles)
  await expect(hierarchy).toContainText('84 containers');
  await expect(hierarchy).toContainText('5 containers');
  await expect(hierarchy).toContainText('The last one is partial');
  await expectAccessible(page, 'recipes-breakdown');
  await shot(page, 'recipes-breakdown');
});
