import { expect, test } from '@playwright/test';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
import { axeSummary, expectAccessible, settled, shot, signIn } from './suite';

const SCREENS = [
  { path: '/', heading: 'Dashboard', name: 'dashboard' },
  { path: '/configuration', heading: 'Configuration', name: 'configuration' },
  { path: '/generation', heading: 'Generation Process', name: 'generation-process' },
  { path: '/workorders/new', heading: 'New work order', name: 'work-order-form' },
  { path: '/recipes', heading: 'Recipes', name: 'recipes' },
  { path: '/erp', heading: 'ERP', name: 'erp' },
  { path: '/pools', heading: 'Pools and audit', name: 'pools' },
  { path: '/audit', heading: 'Audit trail', name: 'audit' },
];

test.afterAll(() => {
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'axe-screens.json'), JSON.stringify(axeSummary, null, 2));
});

test('the sign-in page is accessible', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'login');
  await shot(page, 'login');
});

for (const width of [1366, 768, 390]) {
  test(`every screen at ${width} px: shown whole, accessible`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, 'manager');
    for (const screen of SCREENS) {
      await page.goto(screen.path);
      await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
      await settled(page);
      // nothing wider than the window: the page itself never scrolls sideways (tables scroll inside their box)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${screen.path} overflows at ${width}px`).toBeLessThanOrEqual(0);
      await expectAccessible(page, `${screen.name}@${width}`);
      await shot(page, `${screen.name}-${width}`);
    }
  });
}
