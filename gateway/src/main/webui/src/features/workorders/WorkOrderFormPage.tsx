import { Alert, Button, LinearProgress } from '@mui/material';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { erp, workOrders } from '../../api/endpoints';
import type { ManualWorkOrder } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useLoad } from '../../components/useLoad';
import { EMPTY_DRAFT, WorkOrderForm, type WorkOrderDraft } from './WorkOrderForm';

/** Create or edit a manual work order; for an ERP one, ask the ERP for it again instead. */
export function WorkOrderFormPage() {
  const { t } = useTranslation();
  const { woId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { can } = useAuth();
  const editing = !!woId;
  const existing = useLoad(() => (woId ? workOrders.get(woId) : Promise.resolve(null)), [woId]);
  const [error, setError] = useState<unknown>(null);
  const [synced, setSynced] = useState<string | null>(null);

  const submit = async (request: ManualWorkOrder) => {
    setError(null);
    try {
      const saved = editing ? await workOrders.update(woId!, request) : await workOrders.create(request);
      navigate(`/workorders/${encodeURIComponent(saved.wo_id)}`);
    } catch (failure) {
      setError(failure);
    }
  };
  const syncFromErp = async () => {
    setError(null);
    try {
      const answer = await erp.sync([woId!], true);
      setSynced(answer.message);
    } catch (failure) {
      setError(failure);
    }
  };

  if (editing && existing.loading) return <LinearProgress aria-label={t('app.loading')} />;
  const wo = existing.data;
  const initial: WorkOrderDraft = wo ? {
    wo_id: wo.wo_id, wo_name: wo.wo_name, gtin: wo.gtin, lot: wo.lot, expiry: wo.expiry, quantity: String(wo.quantity),
    serial_quantity: wo.serials_fixed ? String(wo.total_requested_serials) : '',
  } : { ...EMPTY_DRAFT, wo_id: params.get('wo_id') ?? '' };

  return (
    <>
      <PageTitle title={editing ? t('workOrderForm.editTitle', { woId }) : t('workOrderForm.newTitle')} actions={
        editing && can('syncErp') ? <Button onClick={syncFromErp}>{t('workOrderForm.syncFromErp')}</Button> : undefined} />
      {synced && <Alert severity="success" role="status" sx={{ mb: 2 }}>{synced}</Alert>}
      {wo && wo.wo_source === 'erp' && <Alert severity="info" sx={{ mb: 2 }}>{t('workOrderForm.erpOwned')}</Alert>}
      <ErrorAlert error={error ?? existing.error} />
      <WorkOrderForm key={wo?.updated_at ?? 'new'} initial={initial} editing={editing} onSubmit={submit}
        onCancel={() => navigate(-1)} serverError={error} />
    </>
  );
}
