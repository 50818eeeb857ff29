import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// The demo logins the local run prints (deploy/.local/demo-credentials.txt, or $SERIALGEN_HOME's).
const home = process.env.SERIALGEN_HOME ?? join(here, '../../../../../deploy/.local');
const credentials = Object.fromEntries(readFileSync(join(home, 'demo-credentials.txt'), 'utf8').split('\n')
  .map((line) => line.trim().split(/\s+/)).filter((parts) => parts.length >= 2 && !parts[0].startsWith('#'))
  .map((parts) => [parts[0], parts[1]]));

export function passwordOf(user: string): string {
  const password = credentials[user];
  if (!password) throw new Error(`no demo login ${user} in ${home}`);
  return password;
}

export async function signIn(page: Page, user: string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByLabel(/user name|benutzername/i).fill(user);
  await page.getByLabel(/^password|passwort/i).fill(passwordOf(user));
  await page.getByRole('button', { name: /^sign in$|^anmelden$/i }).click();
  await expect(page.getByTestId('user-name')).toHaveText(user);
}

/** axe-core on the page as it is: no serious or critical violation (WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // a dialog fading in has not its final colours yet: wait for transitions to end
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  axeSummary[screen] = { violations: results.violations.length, serious: serious.length, passes: results.passes.length };
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
}

export const axeSummary: Record<string, { violations: number; serious: number; passes: number }> = {};

export async function shot(page: Page, name: string): Promise<void> {
  // transitions run to their end first: a menu caught while it fades in shows half of itself
  await page.screenshot({ path: join(here, 'results', 'screenshots', `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** A unique work-order id for this run. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36).toUpperCase()}`;
}

/** The page has its data: no loading bar left (the live stream stays open, so the network is never idle). */
export async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('progressbar', { name: /^(loading|wird geladen|chargement)$/i })).toHaveCount(0);
}

/** The signed-in user's bearer token, as the UI keeps it for the session. */
export async function bearer(page: Page): Promise<string> {
  return `Bearer ${await page.evaluate(() => JSON.parse(sessionStorage.getItem('serialgen.session')!).token)}`;
}

/** A manual work order entered through the API as the signed-in user; answers the HTTP status. */
export async function createWorkOrder(page: Page, woId: string, quantity = 100, requestId?: string): Promise<number> {
  const response = await page.request.post('/api/v1/serial-generation/workorders/', {
    headers: { Authorization: await bearer(page), ...(requestId ? { 'X-Request-Id': requestId } : {}) },
    data: { wo_id: woId, wo_name: `Audited ${woId}`, gtin: '09506000134352', lot: 'AUD-1', expiry: '2029-06-30', quantity },
  });
  return response.status();
}
