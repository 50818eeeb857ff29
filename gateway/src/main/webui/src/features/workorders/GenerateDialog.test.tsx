import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WorkOrder } from '../../api/types';
import { fakeFetch, renderAs, WORK_ORDER } from '../../test/render';
import { GenerateDialog } from './GenerateDialog';

describe('the generation dialogs', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('read the work order again, say how many will be made, and send one key however often Confirm is pressed', async () => {
    // the list showed no SSCCs to make yet; the work order read when the dialog opens has its breakdown
    const server = fakeFetch({
      'GET /api/v1/serial-generation/workorders/7/': { ...WORK_ORDER, total_requested_sscc: 12 },
      'POST /api/v1/serial-generation/workorders/7/generate-sscc/': { task_id: 't-1', status: 'accepted', message: 'ok', estimated_completion: null },
    });
    vi.stubGlobal('fetch', server.fetch);
    const started = vi.fn();
    renderAs(['supervisor'], <GenerateDialog kind="sscc" workOrder={{ ...WORK_ORDER, total_requested_sscc: 0 } as WorkOrder} onClose={vi.fn()} onStarted={started} />);
    expect(await screen.findByText('This will generate 12 unique SSCCs.')).toBeInTheDocument();
    const confirm = screen.getByRole('button', { name: 'Confirm' });
    await userEvent.click(confirm);
    await userEvent.click(confirm);
    await waitFor(() => expect(started).toHaveBeenCalled());
    const posts = server.calls.filter((call) => call.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(1);
    expect(new Set(posts.map((call) => call.headers['Idempotency-Key'])).size).toBe(1);
    expect(posts[0].body).toEqual({ quantity: 12 });
  });

  it('warn that force regenerate voids what was issued', async () => {
    vi.stubGlobal('fetch', fakeFetch({ 'GET /api/v1/serial-generation/workorders/7/': { ...WORK_ORDER, generated_sscc: 10, sscc_generation_status: 'completed' } }).fetch);
    renderAs(['supervisor'], <GenerateDialog kind="sscc" workOrder={WORK_ORDER as unknown as WorkOrder} onClose={vi.fn()} onStarted={vi.fn()} />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Force regenerate' }));
    expect(screen.getByText(/The 10 numbers already issued will be voided/)).toBeInTheDocument();
  });

  it('refuse a quantity out of range before asking the server', async () => {
    const server = fakeFetch({ 'GET /api/v1/serial-generation/workorders/7/': WORK_ORDER });
    vi.stubGlobal('fetch', server.fetch);
    renderAs(['supervisor'], <GenerateDialog kind="serials" workOrder={WORK_ORDER as unknown as WorkOrder} onClose={vi.fn()} onStarted={vi.fn()} />);
    expect(await screen.findByText('This will generate 1,050 unique serial numbers.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Override the quantity' }));
    const quantity = screen.getByRole('textbox', { name: 'Quantity' });
    await userEvent.clear(quantity);
    await userEvent.type(quantity, '0');
    expect(screen.getByText('A whole number from 1 to 100,000,000')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm' })).toBeDisabled();
  });

  it('issue bundle serials as the breakdown needs them, without a quantity of their own', async () => {
    const server = fakeFetch({
      'GET /api/v1/serial-generation/workorders/7/': { ...WORK_ORDER, total_requested_bundle_serials: 30, generated_bundle_serials: 5, bundle_serial_generation_status: 'in_progress' },
      'POST /api/v1/serial-generation/workorders/7/generate-bundle-serials/': { task_id: 't-2', status: 'accepted', message: 'ok', estimated_completion: null },
    });
    vi.stubGlobal('fetch', server.fetch);
    const started = vi.fn();
    renderAs(['supervisor'], <GenerateDialog kind="bundles" workOrder={WORK_ORDER as unknown as WorkOrder} onClose={vi.fn()} onStarted={started} />);
    expect(await screen.findByRole('dialog', { name: 'Generate Bundle Serials' })).toBeInTheDocument();
    expect(await screen.findByText('This will generate 25 unique bundle serials, each of its bundle’s own GTIN.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Quantity' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(started).toHaveBeenCalled());
    expect(server.calls.filter((call) => call.method === 'POST')[0].body).toEqual({});
  });
});
