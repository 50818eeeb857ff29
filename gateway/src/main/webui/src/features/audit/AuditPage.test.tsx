import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AuditEntry } from '../../api/types';
import { fakeFetch, renderAs } from '../../test/render';
import { AuditPage } from './AuditPage';

const API = '/api/v1/serial-generation/audit/';

function entry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    entry_id: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`, at: '2026-12-07T10:00:00Z',
    service: 'generation-service', sequence: n, actor: 'mia', roles: ['manager'], action: 'workorder.create',
    entity_type: 'workorder', entity_id: `WO-${n}`, outcome: 'success', change: { after: { quantity: n } },
    request_id: `req-${n}`, cursor: `1796637600000000.generation-service.${n}`, ...overrides,
  };
}

const page = (results: AuditEntry[], count: number, next: string | null) => ({ count, next, previous: null, results });

describe('the audit trail', () => {
  it('shows each entry with its outcome in words and opens its change on request', async () => {
    vi.stubGlobal('fetch', fakeFetch({
      [`GET ${API}?limit=50`]: page([entry(2, { outcome: 'refused', actor: 'system', roles: [], change: null }), entry(1)], 2, null),
    }).fetch);
    renderAs(['manager'], <AuditPage />);
    expect(await screen.findByText('2 of 2 entries shown')).toBeInTheDocument();
    const refused = screen.getByRole('row', { name: /WO-2/ });
    expect(within(refused).getByText('Refused')).toBeInTheDocument();
    expect(within(refused).getByText('The suite (scheduled or automatic)')).toBeInTheDocument();
    expect(within(refused).getByText('No details')).toBeInTheDocument();
    const done = screen.getByRole('row', { name: /WO-1/ });
    expect(within(done).getByText('Done')).toBeInTheDocument();
    const disclosure = within(done).getByRole('button', { name: /Show change: workorder.create/ });
    expect(disclosure).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(disclosure);
    expect(disclosure).toHaveAttribute('aria-expanded', 'true');
    const change = document.getElementById(disclosure.getAttribute('aria-controls') ?? '');
    expect(change?.textContent).toContain('"quantity": 1');
    expect(screen.queryByRole('button', { name: 'Show older entries' })).not.toBeInTheDocument();
  });

  it('goes on from the last entry shown, and applies the filters on Enter', async () => {
    const server = fakeFetch({
      [`GET ${API}?outcome=refused&actor=olga`]: page([entry(9, { outcome: 'refused', actor: 'olga' })], 1, null),
      [`GET ${API}?before=`]: page([entry(3)], 3, null),
      [`GET ${API}?limit=50`]: page([entry(5), entry(4)], 3, `${API}?before=x`),
    });
    vi.stubGlobal('fetch', server.fetch);
    renderAs(['admin'], <AuditPage />);
    expect(await screen.findByText('2 of 3 entries shown')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show older entries' }));
    expect(await screen.findByText('3 of 3 entries shown')).toBeInTheDocument();
    expect(server.calls.map((call) => call.url)).toContain(`${API}?before=${encodeURIComponent(entry(4).cursor)}&limit=50`);
    expect(screen.queryByRole('button', { name: 'Show older entries' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('combobox', { name: 'Outcome' }));
    await userEvent.click(screen.getByRole('option', { name: 'Refused' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'User' }), 'olga{Enter}');
    expect(await screen.findByText('1 of 1 entry shown')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /WO-9/ })).toBeInTheDocument();
  });

  it('names the filter the server refused', async () => {
    vi.stubGlobal('fetch', fakeFetch({
      [`GET ${API}?limit=50`]: page([], 0, null),
      [`GET ${API}?request_id=`]: new Response(JSON.stringify({ error: 'validation_error', message: 'Invalid input data',
        details: { request_id: ['Must be 1 to 200 characters'] }, request_id: 'req-x' }), { status: 400 }),
    }).fetch);
    renderAs(['manager'], <AuditPage />);
    expect(await screen.findByText('No entry matches these filters.')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: 'Request ID' }), 'r'.repeat(5));
    await userEvent.click(screen.getByRole('button', { name: 'Show entries' }));
    expect(await screen.findByText('Must be 1 to 200 characters')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Request ID' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('is not read for a role that may not', () => {
    const server = fakeFetch({});
    vi.stubGlobal('fetch', server.fetch);
    renderAs(['supervisor'], <AuditPage />);
    expect(screen.getByText('Only administrators and managers may read the audit trail.')).toBeInTheDocument();
    expect(server.calls).toEqual([]);
  });
});
