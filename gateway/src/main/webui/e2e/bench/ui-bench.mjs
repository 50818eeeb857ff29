// Browser benchmark of the web UI (NFR-003, the specification's performance benchmarks): page load and the
// work-order table's first render of 100 rows, in headless Chromium, on the packaged suite. Measured twice in the same
// run — on the few demo work orders (the baseline), then after the fake ERP's work orders have been synced in
// (BENCH_UI_WORK_ORDERS, default 100 000) — and reported as figures and as ratios to the baseline. Run by
// deploy/bench-ui.sh (plain JavaScript: Node 20 runs it as it is); never part of the test suite.
import { chromium } from 'playwright-core';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const base = process.env.SERIALGEN_URL ?? 'http://127.0.0.1:8080';
const erp = process.env.SERIALGEN_FAKE_ERP_URL ?? 'http://127.0.0.1:8085';
const count = Number(process.env.BENCH_UI_WORK_ORDERS ?? 100_000);
const runs = Number(process.env.BENCH_UI_RUNS ?? 7);
const home = process.env.SERIALGEN_HOME;
const password = (user) => readFileSync(join(home, 'demo-credentials.txt'), 'utf8').match(new RegExp(`^\\s*${user}\\s+(\\S+)`, 'm'))[1];

async function token(user) {
  const answer = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: user, password: password(user) }) });
  return (await answer.json()).access_token;
}

async function workOrderCount(bearer) {
  const answer = await fetch(`${base}/api/v1/serial-generation/workorders/?page_size=1`, { headers: { Authorization: `Bearer ${bearer}` } });
  return (await answer.json()).count;
}

/** One visit in a fresh browser context (empty cache): navigation start to the load event, and to 100 rows shown. */
async function visit(browser, bearer, rows) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript((session) => sessionStorage.setItem('serialgen.session', session), JSON.stringify({
    token: bearer, username: 'manager', roles: ['manager'], expiresAt: Date.now() + 3_600_000 }));
  const page = await context.newPage();
  let api = 0;
  let answeredAt = 0;
  page.on('requestfinished', (request) => {
    if (request.url().includes('/workorders/?')) {
      const timing = request.timing();
      api = Math.max(api, timing.responseEnd);
      answeredAt = Math.max(answeredAt, timing.startTime + timing.responseEnd);
    }
  });
  await page.goto(`${base}/generation?page_size=100`);
  await page.locator('tbody tr[data-wo-id]').nth(rows - 1).waitFor({ timeout: 60_000 });
  const [table, origin] = await page.evaluate(() => [performance.now(), performance.timeOrigin]);
  const load = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return nav.loadEventEnd;
  });
  await context.close();
  // the rows' render: from the list's answer arriving to the last row on screen
  return { load, table, api, render: table - (answeredAt - origin) };
}

async function sync(operator) {
  await fetch(`${base}/api/v1/serial-generation/erp/sync/`, {
    method: 'POST', headers: { Authorization: `Bearer ${operator}`, 'Content-Type': 'application/json' }, body: '{}' });
}

async function arrived(bearer, atLeast, started) {
  while (await workOrderCount(bearer) < atLeast) {
    if (Date.now() - started > 15 * 60_000) throw new Error('the work orders did not arrive within 15 minutes');
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(browser, bearer, label) {
  const workOrders = await workOrderCount(bearer);
  const rows = Math.min(100, workOrders);
  await visit(browser, bearer, rows); // warm-up: the services' first queries, the JIT
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await visit(browser, bearer, rows));
  const result = { label, workOrders, rows, load: median(samples.map((s) => s.load)),
    table: median(samples.map((s) => s.table)), api: median(samples.map((s) => s.api)),
    render: median(samples.map((s) => s.render)) };
  console.log(`[bench-ui] ${label}: ${result.workOrders} work orders, page load ${result.load.toFixed(0)} ms, `
    + `table of ${result.rows} rows shown ${result.table.toFixed(0)} ms after navigation start (the list call took ${result.api.toFixed(0)} ms, the rows' render after its answer ${result.render.toFixed(0)} ms); median of ${runs}`);
  return result;
}

async function main() {
  const executablePath = process.env.CHROMIUM_PATH ?? execSync('command -v chromium').toString().trim();
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const manager = await token('manager');
  const operator = await token('erp');
  // the baseline: the fake ERP's demo work orders, synced in first
  await sync(operator);
  await arrived(manager, 5, Date.now());
  const baseline = await measure(browser, manager, 'baseline');

  const started = Date.now();
  await fetch(`${erp}/_admin/generate?count=${count}&prefix=WO-UIB`, { method: 'POST' });
  await sync(operator);
  await arrived(manager, baseline.workOrders + count, started);
  console.log(`[bench-ui] ${count} work orders synced in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const loaded = await measure(browser, manager, 'loaded');
  await browser.close();

  const ratio = (a, b) => (a / b).toFixed(2);
  console.log('\n| work orders | page load (ms) | table shown after navigation start (ms) | list call (ms) | rows rendered after the answer (ms) |\n|---|---|---|---|---|');
  for (const r of [baseline, loaded]) console.log(`| ${r.workOrders} | ${r.load.toFixed(0)} | ${r.table.toFixed(0)} (${r.rows} rows) | ${r.api.toFixed(0)} | ${r.render.toFixed(0)} |`);
  console.log(`| ratio | ${ratio(loaded.load, baseline.load)} | ${ratio(loaded.table, baseline.table)} | ${ratio(loaded.api, baseline.api)} | ${ratio(loaded.render, baseline.render)} |`);
}

main().catch((failure) => {
  console.error(failure);
  process.exit(1);
});
