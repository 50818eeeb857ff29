import { request } from '@playwright/test';
import { passwordOf } from './suite';

/**
 * The screens are tried on the demo work orders the embedded default's fake ERP holds: a sync is asked for (as an ERP
 * operator would) and awaited, so every list has rows whatever the schedule did so far.
 */
export default async function globalSetup(): Promise<void> {
  const api = await request.newContext({ baseURL: process.env.SERIALGEN_URL ?? 'http://127.0.0.1:8080' });
  const token = (await (await api.post('/api/v1/auth/token', { data: { username: 'erp', password: passwordOf('erp') } })).json()).access_token;
  const headers = { Authorization: `Bearer ${token}` };
  const asked = await api.post('/api/v1/serial-generation/erp/sync/', { headers, data: {} });
  if (![202, 409].includes(asked.status())) throw new Error(`ERP sync answered ${asked.status()}`);
  for (let i = 0; i < 120; i++) {
    const wo = await api.get('/api/v1/serial-generation/workorders/WO-DEMO-1005/', { headers });
    if (wo.ok() && (await wo.json()).total_requested_sscc > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the demo work orders did not arrive from the ERP');
}
