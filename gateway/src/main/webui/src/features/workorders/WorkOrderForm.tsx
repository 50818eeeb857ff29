import { Box, Button, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { ManualWorkOrder } from '../../api/types';
import { gtinProblem } from './gtin';

export interface WorkOrderDraft {
  wo_id: string;
  wo_name: string;
  gtin: string;
  lot: string;
  expiry: string;
  quantity: string;
  serial_quantity: string;
}

export const EMPTY_DRAFT: WorkOrderDraft = { wo_id: '', wo_name: '', gtin: '', lot: '', expiry: '', quantity: '', serial_quantity: '' };

type Problems = Partial<Record<keyof WorkOrderDraft, string>>;

/**
 * What the form can tell before asking the server (the same rules the server applies, which has the last word):
 * required fields, the GTIN's check digit, whole numbers in range.
 */
export function check(draft: WorkOrderDraft, t: (key: string) => string): Problems {
  const problems: Problems = {};
  if (!/^[A-Za-z0-9._/-]{1,50}$/.test(draft.wo_id)) problems.wo_id = t('workOrderForm.problem.woId');
  if (!draft.wo_name.trim()) problems.wo_name = t('workOrderForm.problem.required');
  else if (draft.wo_name.length > 200) problems.wo_name = t('workOrderForm.problem.tooLong');
  const gtin = gtinProblem(draft.gtin);
  if (gtin) problems.gtin = t(`workOrderForm.problem.gtin.${gtin}`);
  if (!draft.lot.trim()) problems.lot = t('workOrderForm.problem.required');
  else if (draft.lot.length > 20) problems.lot = t('workOrderForm.problem.lot');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.expiry)) problems.expiry = t('workOrderForm.problem.required');
  if (!/^[0-9]+$/.test(draft.quantity) || Number(draft.quantity) < 1 || Number(draft.quantity) > 100_000_000)
    problems.quantity = t('workOrderForm.problem.quantity');
  if (draft.serial_quantity !== '' && (!/^[0-9]+$/.test(draft.serial_quantity) || Number(draft.serial_quantity) > 100_000_000))
    problems.serial_quantity = t('workOrderForm.problem.serialQuantity');
  return problems;
}

export function toRequest(draft: WorkOrderDraft): ManualWorkOrder {
  return {
    wo_id: draft.wo_id.trim(), wo_name: draft.wo_name.trim(), gtin: draft.gtin, lot: draft.lot.trim(), expiry: draft.expiry,
    quantity: Number(draft.quantity), serial_quantity: draft.serial_quantity === '' ? null : Number(draft.serial_quantity),
  };
}

interface Props {
  initial: WorkOrderDraft;
  editing: boolean;
  onSubmit(request: ManualWorkOrder): Promise<void>;
  onCancel(): void;
  serverError: unknown;
}

/** The work-order form: checked as the user types (GTIN check digit included), the server's messages at their fields. */
export function WorkOrderForm({ initial, editing, onSubmit, onCancel, serverError }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<Partial<Record<keyof WorkOrderDraft, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const problems = check(draft, t);
  const server = serverError instanceof ApiError ? serverError : null;

  const field = (name: keyof WorkOrderDraft, extra: Record<string, unknown> = {}) => {
    const shown = (touched[name] || submitted) ? problems[name] : undefined;
    const fromServer = server?.field(name)[0];
    return {
      id: `wo-${name}`,
      name,
      label: t(`workOrderForm.field.${name}`),
      value: draft[name],
      onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
      onBlur: () => setTouched({ ...touched, [name]: true }),
      error: !!shown || !!fromServer,
      helperText: shown ?? fromServer ?? t(`workOrderForm.help.${name}`, ' '),
      fullWidth: true,
      ...extra,
    };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(toRequest(draft));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" onSubmit={submit} noValidate
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, maxWidth: 900 }}>
      <TextField {...field('wo_id', { required: true, disabled: editing })} />
      <TextField {...field('wo_name', { required: true })} />
      <TextField {...field('gtin', { required: true, slotProps: { htmlInput: { inputMode: 'numeric', maxLength: 14 } } })} />
      <TextField {...field('lot', { required: true })} />
      <TextField {...field('expiry', { required: true, type: 'date', slotProps: { inputLabel: { shrink: true } } })} />
      <TextField {...field('quantity', { required: true, slotProps: { htmlInput: { inputMode: 'numeric' } } })} />
      <TextField {...field('serial_quantity', { slotProps: { htmlInput: { inputMode: 'numeric' } } })} />
      <Box sx={{ gridColumn: '1 / -1', display: 'flex', gap: 1 }}>
        <Button type="submit" variant="contained" disabled={busy}>{editing ? t('action.save') : t('workOrderForm.create')}</Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </Box>
    </Box>
  );
}
