import { Alert, Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { erp } from '../../api/endpoints';
import type { ErpWorkOrder } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { useFormat } from '../../i18n/format';
import { OverrideDialog } from './OverrideDialog';

/** An ERP work order on its detail page: what the ERP said, its override, "Sync from ERP", override and lift. */
export function ErpWorkOrderPanel({ woId, onChanged }: { woId: string; onChanged(): void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const format = useFormat();
  const held = useLoad(() => erp.workOrder(woId), [woId]);
  const [dialog, setDialog] = useState<'set' | 'lift' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const sync = async () => {
    setError(null);
    try {
      setNotice((await erp.sync([woId], true)).message);
      setTimeout(() => { void held.reload(); onChanged(); }, 1500);
    } catch (failure) {
      setError(failure);
    }
  };
  const done = (next: ErpWorkOrder) => {
    setDialog(null);
    held.setData(next);
    setNotice(next.override ? t('erp.override.saved') : t('erp.override.lifted'));
    setTimeout(onChanged, 1500);
  };
  const w = held.data;
  return (
    <Card component="section" aria-labelledby="erp-panel-title" sx={{ mb: 3 }}><CardContent>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        <Typography id="erp-panel-title" variant="h6" component="h2" sx={{ flexGrow: 1 }}>{t('erp.override.panel')}</Typography>
        {can('syncErp') && <Button onClick={() => void sync()}>{t('workOrderForm.syncFromErp')}</Button>}
        {can('overrideErp') && w && <Button onClick={() => setDialog('set')}>{t('erp.override.set')}</Button>}
        {can('overrideErp') && w?.override && <Button onClick={() => setDialog('lift')}>{t('erp.override.lift')}</Button>}
      </Box>
      {notice && <Alert severity="success" role="status" sx={{ my: 1 }} onClose={() => setNotice(null)}>{notice}</Alert>}
      <ErrorAlert error={error ?? held.error} />
      {w && (
        <dl className="facts">
          <dt>{t('erp.override.erpQuantity')}</dt><dd>{format.number(Number(w.erp.quantity ?? NaN) || null)}</dd>
          <dt>{t('erp.override.forwarded')}</dt><dd>{format.number(w.forwarded.quantity)}{w.forwarded.serial_quantity != null ? ` · ${t('workOrderForm.field.serial_quantity')}: ${format.number(w.forwarded.serial_quantity)}` : ''}</dd>
          <dt>{t('erp.lastSync')}</dt><dd>{format.dateTime(w.last_synced_at)}</dd>
          <dt>{t('erp.override.current')}</dt>
          <dd>{w.override ? t('erp.override.line', { reason: w.override.reason, by: w.override.by, at: format.dateTime(w.override.at) }) : '–'}</dd>
        </dl>
      )}
      {dialog && w && <OverrideDialog workOrder={w} lifting={dialog === 'lift'} onClose={() => setDialog(null)} onDone={done} />}
    </CardContent></Card>
  );
}
