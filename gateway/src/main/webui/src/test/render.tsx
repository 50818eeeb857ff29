import { ThemeProvider } from '@mui/material';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { AuthProvider } from '../auth/AuthContext';
import { store } from '../auth/session';
import '../i18n';
import { theme } from '../theme';

/** Renders as the app does (theme, router, the signed-in user with these roles), in English. */
export function renderAs(roles: string[], ui: ReactElement) {
  store({
    token: 'test-token', username: 'tess', roles, expiresAt: Date.now() + 3_600_000, refreshToken: 'test-refresh',
    sessionEndsAt: Date.now() + 8 * 3_600_000,
  });
  return render(
    <ThemeProvider theme={theme}>
      <AuthProvider><MemoryRouter>{ui}</MemoryRouter></AuthProvider>
    </ThemeProvider>,
  );
}

/** A fetch that answers from a table of "METHOD path" → body, and keeps every request it was asked. */
export function fakeFetch(answers: Record<string, unknown>) {
  const calls: { method: string; url: string; headers: Record<string, string>; body: unknown }[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    calls.push({ method, url, headers: init.headers as Record<string, string>, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const key = Object.keys(answers).find((k) => `${method} ${url}`.startsWith(k));
    if (!key) return new Response(JSON.stringify({ error: 'not_found', message: 'no answer for ' + url }), { status: 404 });
    const answer = answers[key];
    if (answer instanceof Response) return answer;
    return new Response(JSON.stringify(answer), { status: method === 'POST' ? 202 : 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch, calls };
}

export const WORK_ORDER = {
  id: 7, wo_id: 'WO-7', wo_name: 'Batch seven', wo_source: 'manual', gtin: '09506000134352', lot: 'L-7', expiry: '2029-01-31',
  quantity: 1000, total_requested_serials: 1050, total_requested_sscc: 10, total_requested_bundle_serials: 100,
  generated_serials: 0, generated_sscc: 0, generated_bundle_serials: 0, decommissioned_serials: 0,
  decommissioned_sscc: 0, decommissioned_bundle_serials: 0, sscc_generation_status: 'pending',
  serial_generation_status: 'pending', bundle_serial_generation_status: 'pending',
  last_sscc_generation_at: null, last_serial_generation_at: null, last_bundle_serial_generation_at: null, config_version: 1, serials_fixed: false,
  error_message: null, erp_conflict: null, erp_confirmed_at: null, created_at: '2026-12-01T10:00:00Z',
  updated_at: '2026-12-01T10:00:00Z',
} as const;
