import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../api/client';
import { renderAs } from '../../test/render';
import { EMPTY_DRAFT, WorkOrderForm } from './WorkOrderForm';

const field = (name: RegExp) => screen.getByRole('textbox', { name });

describe('the work-order form', () => {
  it('checks the GTIN check digit as the user leaves the field, and clears it once right', async () => {
    renderAs(['supervisor'], <WorkOrderForm initial={EMPTY_DRAFT} editing={false} onSubmit={vi.fn()} onCancel={vi.fn()} serverError={null} />);
    const gtin = field(/^GTIN/);
    await userEvent.type(gtin, '09506000134353');
    await userEvent.tab();
    expect(screen.getByText('The check digit is wrong')).toBeInTheDocument();
    expect(gtin).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(gtin);
    await userEvent.type(gtin, '09506000134352');
    expect(screen.queryByText('The check digit is wrong')).not.toBeInTheDocument();
  });

  it('sends nothing while a field is wrong, and names each one', async () => {
    const submit = vi.fn();
    renderAs(['supervisor'], <WorkOrderForm initial={EMPTY_DRAFT} editing={false} onSubmit={submit} onCancel={vi.fn()} serverError={null} />);
    await userEvent.type(field(/^Quantity/), '0');
    await userEvent.click(screen.getByRole('button', { name: 'Create work order' }));
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getAllByText('Required').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText('A whole number from 1 to 100,000,000')).toBeInTheDocument();
  });

  it('sends a valid work order with its numbers as numbers, the serial quantity left to the configuration', async () => {
    const submit = vi.fn().mockResolvedValue(undefined);
    renderAs(['supervisor'], <WorkOrderForm initial={EMPTY_DRAFT} editing={false} onSubmit={submit} onCancel={vi.fn()} serverError={null} />);
    await userEvent.type(field(/^WO ID/), 'WO-9');
    await userEvent.type(field(/^WO Name/), 'Nine');
    await userEvent.type(field(/^GTIN/), '09506000134352');
    await userEvent.type(field(/^Lot/), 'L9');
    await userEvent.type(screen.getByLabelText(/^Expiry date/), '2029-12-31');
    await userEvent.type(field(/^Quantity/), '250');
    await userEvent.click(screen.getByRole('button', { name: 'Create work order' }));
    await waitFor(() => expect(submit).toHaveBeenCalledWith({
      wo_id: 'WO-9', wo_name: 'Nine', gtin: '09506000134352', lot: 'L9', expiry: '2029-12-31', quantity: 250, serial_quantity: null }));
  });

  it("shows the server's message at its field", () => {
    const refused = new ApiError(400, { error: 'validation_error', message: 'Invalid', details: { lot: ['Characters outside GS1 set 82'] } });
    renderAs(['supervisor'], <WorkOrderForm initial={{ ...EMPTY_DRAFT, lot: 'ä' }} editing={false} onSubmit={vi.fn()} onCancel={vi.fn()} serverError={refused} />);
    expect(field(/^Lot/)).toHaveAccessibleDescription('Characters outside GS1 set 82');
  });
});
