import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WorkOrder } from '../../api/types';
import { renderAs, WORK_ORDER } from '../../test/render';
import { WorkOrderTable } from './WorkOrderTable';

const rows: WorkOrder[] = [
  { ...WORK_ORDER } as WorkOrder,
  { ...WORK_ORDER, id: 8, wo_id: 'WO-8', wo_source: 'erp', total_requested_serials: 50400, sscc_generation_status: 'completed', serial_generation_status: 'failed' } as WorkOrder,
];

function table(roles: string[], props: Partial<Parameters<typeof WorkOrderTable>[0]> = {}) {
  const handlers = { onOrdering: vi.fn(), onPage: vi.fn(), onAction: vi.fn() };
  renderAs(roles, <WorkOrderTable data={{ rows, count: 41, page: 1, pageSize: 20 }} ordering="-id" {...handlers} {...props} />);
  return handlers;
}

describe('the work-order table', () => {
  it('shows each row with its statuses in words, not colour alone', () => {
    table(['viewer']);
    const row = screen.getByRole('row', { name: /WO-8/ });
    expect(within(row).getByText('Completed')).toBeInTheDocument();
    expect(within(row).getByText('Failed')).toBeInTheDocument();
    expect(within(row).getByText('50,400')).toBeInTheDocument();
    expect(screen.getByText('1–20 of 41')).toBeInTheDocument();
  });

  it('sorts by a column: ascending first, then descending', async () => {
    const { onOrdering } = table(['viewer']);
    await userEvent.click(screen.getByRole('button', { name: 'WO ID' }));
    expect(onOrdering).toHaveBeenLastCalledWith('wo_id');
  });

  it('asks the server for the next page', async () => {
    const { onPage } = table(['viewer']);
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onPage).toHaveBeenCalledWith(2, 20);
  });

  it('offers generation in the row menu to a supervisor, not to a viewer', async () => {
    const { onAction } = table(['supervisor']);
    await userEvent.click(screen.getByRole('button', { name: 'Actions for work order WO-7' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Generate SSCC' }));
    expect(onAction).toHaveBeenCalledWith(expect.objectContaining({ wo_id: 'WO-7' }), { kind: 'sscc' });
  });

  it('keeps generation out of a viewer’s menu', async () => {
    table(['viewer']);
    await userEvent.click(screen.getByRole('button', { name: 'Actions for work order WO-7' }));
    expect(screen.queryByRole('menuitem', { name: 'Generate SSCC' })).not.toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'EPCIS document (JSON-LD)' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'EPCIS document (XML)' })).toBeInTheDocument();
  });
});
