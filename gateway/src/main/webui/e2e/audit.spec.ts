import { expect, test } from '@playwright/test';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bearer, createWorkOrder, expectAccessible, settled, shot, signIn, uniqueId } from './suite';

const here = dirname(fileURLToPath(import.meta.url));

test('an admin finds who entered a work order and who was refused, reads the change, and exports the trail', async ({ page }) => {
  const woId = uniqueId('WO-AUDIT');
  const refusal = `req-${woId.toLowerCase()}-again`;
  await signIn(page, 'admin');
  expect(await createWorkOrder(page, woId, 120)).toBe(201);
  // the same wo_id again: refused, and in the trail as refused under its request id
  expect(await createWorkOrder(page, woId, 5, refusal)).toBe(409);

  await page.getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await settled(page);
  const filters = page.getByRole('search', { name: 'Audit trail filters' });
  await filters.getByRole('textbox', { name: 'Entity ID' }).fill(woId);
  await filters.getByRole('textbox', { name: 'Entity ID' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '1 of 1 entry shown' })).toBeVisible();
  const created = page.getByRole('row').filter({ hasText: woId });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText('Done');
  await expect(created).toContainText('workorder.create');
  await expect(created).toContainText('admin');

  // the change opens by keyboard and says what was written
  // its name says what a press does next: Show change, then Hide change
  const disclosure = created.getByRole('button', { name: /change: workorder.create/ });
  await expect(disclosure).toHaveAccessibleName(/^Show change/);
  await disclosure.focus();
  await page.keyboard.press('Enter');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  await expect(disclosure).toHaveAccessibleName(/^Hide change/);
  const change = page.locator(`[id="${await disclosure.getAttribute('aria-controls')}"]`);
  await expect(change).toContainText('"quantity": 120');
  await expect(change).toContainText(`"wo_name": "Audited ${woId}"`);
  // a keyboard-focused button pulsates for as long as it has focus: axe waits for animations to end
  await disclosure.blur();
  await expectAccessible(page, 'audit-trail');
  await shot(page, 'audit-trail');
  mkdirSync(join(here, '../../../../../docs/screenshots'), { recursive: true });
  copyFileSync(join(here, 'results', 'screenshots', 'audit-trail.png'), join(here, '../../../../../docs/screenshots/audit-trail.png'));

  // the refusal: found by its request id, with what the caller was answered
  await filters.getByRole('textbox', { name: 'Entity ID' }).fill('');
  await filters.getByRole('textbox', { name: 'Request ID' }).fill(refusal);
  await filters.getByRole('combobox', { name: 'Outcome' }).click();
  await page.getByRole('option', { name: 'Refused' }).click();
  await filters.getByRole('button', { name: 'Show entries' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 of 1 entry shown' })).toBeVisible();
  const refused = page.getByRole('row').filter({ hasText: 'POST /serial-generation/workorders/' });
  await expect(refused).toContainText('Refused');
  await refused.getByRole('button', { name: /^Show change/ }).click();
  await expect(page.getByText('"status": 409')).toBeVisible();

  // the export is the filtered trail, whole
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8').trim().split('\n');
  expect(csv[0]).toContain('at,service,sequence,actor');
  expect(csv).toHaveLength(2);
  expect(csv[1]).toContain(refusal);
  expect(csv[1]).toContain('refused');

  // a time window the server refuses is named at its field
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByLabel('From').fill('2026-12-07T12:00');
  await filters.getByLabel('Until (exclusive)').fill('2026-12-07T11:00');
  await filters.getByRole('button', { name: 'Show entries' }).click();
  await expect(filters.getByText('Must be after from')).toBeVisible();
});

test('the audit trail is offered to admins and managers only', async ({ page }) => {
  await signIn(page, 'supervisor');
  await expect(page.getByRole('link', { name: 'Pools and audit' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Audit trail' })).toHaveCount(0);
  await page.goto('/audit');
  await expect(page.getByText('Only administrators and managers may read the audit trail.')).toBeVisible();
  const answer = await page.request.get('/api/v1/serial-generation/audit/', {
    headers: { Authorization: await bearer(page) },
  });
  expect(answer.status()).toBe(403);
});
