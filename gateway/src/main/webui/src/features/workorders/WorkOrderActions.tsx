import { Alert, Snackbar } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { generation } from '../../api/endpoints';
import type { WorkOrder } from '../../api/types';
import { GenerateDialog, type GenerationKind } from './GenerateDialog';
import type { RowAction } from './WorkOrderRowMenu';

/** What the ⚙ menu's entries do, wherever the menu is: the dialogs, the detail view, the downloads. */
export function useWorkOrderActions(onStarted: () => void): [(wo: WorkOrder, action: RowAction) => void, ReactNode] {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<{ wo: WorkOrder; kind: GenerationKind } | null>(null);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);

  const act = (wo: WorkOrder, action: RowAction) => {
    switch (action.kind) {
      case 'serials':
      case 'sscc':
      case 'bundles':
        setDialog({ wo, kind: action.kind });
        break;
      case 'details':
        navigate(`/workorders/${encodeURIComponent(wo.wo_id)}`);
        break;
      case 'edit':
        navigate(`/workorders/${encodeURIComponent(wo.wo_id)}/edit`);
        break;
      case 'report':
        generation.report(wo, action.report, action.rendering).catch((failure) => setNotice({
          severity: 'error', text: failure instanceof ApiError ? failure.body.message : t('error.failed') }));
        break;
    }
  };
  const started = () => {
    setDialog(null);
    setNotice({ severity: 'success', text: t('generate.started') });
    onStarted();
  };
  const view = (
    <>
      {dialog && <GenerateDialog kind={dialog.kind} workOrder={dialog.wo} onClose={() => setDialog(null)} onStarted={started} />}
      <Snackbar open={!!notice} autoHideDuration={6000} onClose={() => setNotice(null)}>
        {notice ? <Alert severity={notice.severity} onClose={() => setNotice(null)} role="status">{notice.text}</Alert> : undefined}
      </Snackbar>
    </>
  );
  return [act, view];
}
