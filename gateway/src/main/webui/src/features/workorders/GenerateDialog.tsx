import {
  Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel,
  LinearProgress, TextField,
} from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, idempotencyKey } from '../../api/client';
import { generation, workOrders } from '../../api/endpoints';
import type { GenerateRequest, GenerationStatus, TaskAccepted, WorkOrder } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../i18n/format';

export type GenerationKind = 'serials' | 'sscc' | 'bundles';

/** What a work order asks for and holds of one kind, and where that generation stands. */
export function progressOf(wo: WorkOrder, kind: GenerationKind) {
  switch (kind) {
    case 'serials':
      return { requested: wo.total_requested_serials, generated: wo.generated_serials, status: wo.serial_generation_status };
    case 'sscc':
      return { requested: wo.total_requested_sscc, generated: wo.generated_sscc, status: wo.sscc_generation_status };
    case 'bundles':
      return { requested: wo.total_requested_bundle_serials, generated: wo.generated_bundle_serials,
        status: wo.bundle_serial_generation_status };
  }
}

const START = { serials: generation.serials, sscc: generation.sscc, bundles: generation.bundleSerials };

interface Props {
  kind: GenerationKind;
  workOrder: WorkOrder;
  onClose(): void;
  onStarted(task: TaskAccepted): void;
}

/**
 * Generate Serial Numbers, SSCC or bundle serials: what the work order asks for now (read again when the dialog opens: the
 * packaging breakdown may have arrived since the list was shown), the quantity, force regenerate with its warning,
 * and how many will be made; bundle serials are issued as each bundle GTIN needs them. The server checks all of it
 * again.
 */
export function GenerateDialog({ kind, workOrder, onClose, onStarted }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [wo, setWo] = useState<WorkOrder | null>(null);
  const [override, setOverride] = useState(kind === 'sscc');
  const [quantity, setQuantity] = useState('');
  const [force, setForce] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // one key per dialog: a second click (or a retry after a lost answer) names the same request, so one task starts
  const key = useMemo(() => idempotencyKey(), []);

  useEffect(() => {
    workOrders.get(workOrder.id).then((fresh) => {
      setWo(fresh);
      const { requested, generated } = progressOf(fresh, kind);
      setQuantity(String(Math.max(requested - generated, 0) || requested || ''));
    }).catch(setError);
  }, [workOrder.id, kind]);

  const { requested, generated, status } = wo ? progressOf(wo, kind)
    : { requested: 0, generated: 0, status: 'pending' as GenerationStatus };
  const invalid = override && (!/^[0-9]+$/.test(quantity) || Number(quantity) < 1 || Number(quantity) > 100_000_000);
  const amount = override ? Number(quantity) : Math.max(requested - generated, 0) || requested;
  const fieldError = error instanceof ApiError ? error.field('quantity')[0] : undefined;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: GenerateRequest = {
        ...(override ? { quantity: Number(quantity) } : {}),
        ...(override && kind === 'serials' ? { override_config: true } : {}),
        ...(force ? { force_regenerate: true } : {}),
      };
      onStarted(await START[kind](workOrder.id, body, key));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const title = `generate-${kind}-title`;
  return (
    <Dialog open onClose={onClose} aria-labelledby={title} fullWidth maxWidth="sm">
      <DialogTitle id={title}>{t(`generate.${kind}.title`)}</DialogTitle>
      <DialogContent>
        {!wo && !error && <LinearProgress aria-label={t('app.loading')} />}
        {wo && <>
          <DialogContentText component="div">
            <dl className="facts">
              <dt>{t('workOrders.column.woId')}</dt><dd>{wo.wo_id} — {wo.wo_name}</dd>
              <dt>{t(`generate.${kind}.requested`)}</dt><dd>{format.number(requested)}</dd>
              <dt>{t(`generate.${kind}.generated`)}</dt><dd>{format.number(generated)}</dd>
            </dl>
          </DialogContentText>
          {kind === 'serials' && (
            <FormControlLabel label={t('generate.serials.override')}
              control={<Checkbox checked={override} onChange={(e) => setOverride(e.target.checked)} />} />
          )}
          {override && (
            <TextField label={t('generate.quantity')} value={quantity} onChange={(e) => setQuantity(e.target.value)}
              fullWidth margin="dense" error={invalid || !!fieldError} autoFocus={kind === 'sscc'}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              helperText={fieldError ?? (invalid ? t('generate.quantityRange') : ' ')} />
          )}
          {(kind === 'sscc' || status === 'completed') && (
            <FormControlLabel label={t('generate.forceRegenerate')}
              control={<Checkbox checked={force} onChange={(e) => setForce(e.target.checked)} />} />
          )}
          {force && <Alert severity="warning">{t('generate.voidWarning', { count: generated })}</Alert>}
          {!invalid && amount > 0 && (
            <Alert severity="info" sx={{ mt: 1 }}>
              {t(`generate.${kind}.willGenerate`, { count: amount, formatted: format.number(amount) })}
            </Alert>
          )}
        </>}
        <ErrorAlert error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('action.cancel')}</Button>
        <Button variant="contained" onClick={confirm} disabled={!wo || busy || invalid || amount < 1}>{t('action.confirm')}</Button>
      </DialogActions>
    </Dialog>
  );
}
