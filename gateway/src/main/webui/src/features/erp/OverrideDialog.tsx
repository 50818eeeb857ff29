import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { erp } from '../../api/endpoints';
import type { ErpWorkOrder } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * Override an ERP work order's name, quantity or serial quantity, saying why (later syncs keep the override until it
 * is lifted or a forced sync takes the ERP's values); or lift the override, saying why.
 */
export function OverrideDialog({ workOrder, lifting, onClose, onDone }: {
  workOrder: ErpWorkOrder; lifting: boolean; onClose(): void; onDone(next: ErpWorkOrder): void;
}) {
  const { t } = useTranslation();
  const current = workOrder.override;
  const [name, setName] = useState(current?.wo_name ?? '');
  const [quantity, setQuantity] = useState(current?.quantity != null ? String(current.quantity) : '');
  const [serials, setSerials] = useState(current?.serial_quantity != null ? String(current.serial_quantity) : '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const server = error instanceof ApiError ? error : null;
  const field = (name: string) => server?.field(name)[0];

  const submit = async () => {
    setError(null);
    try {
      onDone(lifting ? await erp.liftOverride(workOrder.wo_id, reason.trim()) : await erp.override(workOrder.wo_id, {
        reason: reason.trim(),
        ...(name.trim() ? { wo_name: name.trim() } : {}),
        ...(quantity !== '' ? { quantity: Number(quantity) } : {}),
        ...(serials !== '' ? { serial_quantity: Number(serials) } : {}),
      }));
    } catch (failure) {
      setError(failure);
    }
  };
  const title = lifting ? t('erp.override.liftTitle', { woId: workOrder.wo_id }) : t('erp.override.title', { woId: workOrder.wo_id });
  return (
    <Dialog open onClose={onClose} aria-labelledby="override-title" fullWidth maxWidth="sm">
      <DialogTitle id="override-title">{title}</DialogTitle>
      <DialogContent>
        {lifting ? <Alert severity="info">{t('erp.override.liftText')}</Alert> : <>
          <Alert severity="info" sx={{ mb: 1 }}>{t('erp.override.text')}</Alert>
          <TextField fullWidth margin="dense" label={t('workOrderForm.field.wo_name')} value={name}
            onChange={(e) => setName(e.target.value)} error={!!field('wo_name')} helperText={field('wo_name') ?? ' '} />
          <TextField fullWidth margin="dense" label={t('workOrderForm.field.quantity')} value={quantity}
            onChange={(e) => setQuantity(e.target.value)} slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            error={!!field('quantity')} helperText={field('quantity') ?? ' '} />
          <TextField fullWidth margin="dense" label={t('workOrderForm.field.serial_quantity')} value={serials}
            onChange={(e) => setSerials(e.target.value)} slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            error={!!field('serial_quantity')} helperText={field('serial_quantity') ?? ' '} />
        </>}
        <TextField fullWidth margin="dense" required label={t('erp.dismissReason')} value={reason}
          onChange={(e) => setReason(e.target.value)} error={!!field('reason')} helperText={field('reason') ?? ' '} />
        {!server?.body.details && <ErrorAlert error={error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('action.cancel')}</Button>
        <Button variant="contained" disabled={!reason.trim()} onClick={() => void submit()}>
          {lifting ? t('erp.override.lift') : t('erp.override.set')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
