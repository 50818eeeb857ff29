import {
  Alert, Box, Button, Card, CardContent, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel,
  MenuItem, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { erp } from '../../api/endpoints';
import type { FailedRecord } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useLoad } from '../../components/useLoad';
import { useFormat } from '../../i18n/format';
import { ErpActionsTable } from './ErpActionsTable';
import { ErpOverridesTable } from './ErpOverridesTable';

/** The ERP (FR-003): how the sync stands, asking for one, the runs, and the records that failed with what to do. */
export function ErpPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const format = useFormat();
  const status = useLoad(() => erp.status(), []);
  const runs = useLoad(() => erp.runs(), []);
  const [recordStatus, setRecordStatus] = useState('open');
  const failed = useLoad(() => erp.failedRecords(recordStatus), [recordStatus]);
  const [ids, setIds] = useState('');
  const [force, setForce] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dismissing, setDismissing] = useState<FailedRecord | null>(null);

  const [version, setVersion] = useState(0);
  const reload = () => {
    setVersion((v) => v + 1);
    void status.reload();
    void runs.reload();
    void failed.reload();
  };
  const run = async (action: () => Promise<{ message?: string } | unknown>, done: string) => {
    setError(null);
    try {
      const answer = await action() as { message?: string } | undefined;
      setNotice(answer?.message ?? done);
      setTimeout(reload, 1500);
      reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const sync = () => run(() => erp.sync(ids.split(/[\s,]+/).filter(Boolean), force), t('erp.syncAsked'));
  const s = status.data;

  return (
    <>
      <PageTitle title={t('nav.erp')} actions={<Button onClick={reload}>{t('action.refresh')}</Button>} />
      {notice && <Alert severity="success" role="status" onClose={() => setNotice(null)} sx={{ mb: 2 }}>{notice}</Alert>}
      <ErrorAlert error={error ?? status.error} />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, mb: 3 }}>
        <Card component="section" aria-labelledby="erp-status-title"><CardContent>
          <Typography id="erp-status-title" variant="h6" component="h2">{t('erp.status')}</Typography>
          {s && <dl className="facts">
            <dt>{t('erp.state')}</dt><dd data-testid="erp-state">{t(`erp.syncState.${s.status}`, s.status)}</dd>
            <dt>{t('erp.lastSync')}</dt><dd>{format.dateTime(s.last_sync)}</dd>
            <dt>{t('erp.next')}</dt><dd>{format.dateTime(s.next_scheduled_sync)}</dd>
            <dt>{t('erp.interval')}</dt><dd>{s.sync_interval_seconds ? t('erp.seconds', { count: s.sync_interval_seconds }) : t('erp.onDemand')}</dd>
            <dt>{t('erp.synced')}</dt><dd>{format.number(s.synced_records)}</dd>
            <dt>{t('erp.failed')}</dt><dd>{format.number(s.failed_records)}</dd>
            <dt>{t('erp.health')}</dt><dd>{s.erp_health ? `${s.erp_health.status}${s.erp_health.error ? ' — ' + s.erp_health.error : ''}` : '–'}</dd>
            {s.last_run?.failure_message && <><dt>{t('erp.lastFailure')}</dt><dd>{s.last_run.failure_message}</dd></>}
          </dl>}
        </CardContent></Card>
        {can('syncErp') && (
          <Card component="section" aria-labelledby="erp-sync-title"><CardContent>
            <Typography id="erp-sync-title" variant="h6" component="h2">{t('erp.syncNow')}</Typography>
            <TextField fullWidth margin="dense" label={t('erp.workOrderIds')} helperText={t('erp.workOrderIdsHelp')}
              value={ids} onChange={(e) => setIds(e.target.value)} />
            <FormControlLabel control={<Checkbox checked={force} onChange={(e) => setForce(e.target.checked)} />} label={t('erp.force')} />
            <Box><Button variant="contained" onClick={() => void sync()}>{t('erp.sync')}</Button></Box>
          </CardContent></Card>
        )}
      </Box>

      <Box component="section" aria-labelledby="failed-title" sx={{ mb: 3 }}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 1 }}>
          <Typography id="failed-title" variant="h5" component="h2" sx={{ flexGrow: 1 }}>{t('erp.failedRecords')}</Typography>
          <TextField select size="small" label={t('erp.recordStatus')} value={recordStatus} onChange={(e) => setRecordStatus(e.target.value)} sx={{ minWidth: 160 }}>
            {['open', 'resolved', 'dismissed'].map((value) => <MenuItem key={value} value={value}>{t(`erp.record.${value}`)}</MenuItem>)}
          </TextField>
        </Box>
        <ErrorAlert error={failed.error} />
        <TableContainer>
          <Table size="small" aria-labelledby="failed-title">
            <TableHead><TableRow>
              <TableCell>{t('workOrders.column.woId')}</TableCell><TableCell>{t('erp.reasons')}</TableCell>
              <TableCell>{t('erp.received')}</TableCell><TableCell>{t('erp.source')}</TableCell>
              <TableCell>{t('workOrders.column.actions')}</TableCell>
            </TableRow></TableHead>
            <TableBody>
              {(failed.data?.results ?? []).map((record) => (
                <TableRow key={record.id} data-failed-wo={record.wo_id ?? ''}>
                  <TableCell>{record.wo_id ?? '–'}</TableCell>
                  <TableCell>
                    <Box component="ul" sx={{ m: 0, pl: 2 }}>
                      {Object.entries(record.reasons).map(([field, problems]) => (
                        <li key={field}><strong>{field}</strong>: {problems.join('; ')}</li>
                      ))}
                    </Box>
                    <details><summary>{t('erp.raw')}</summary><code style={{ wordBreak: 'break-all' }}>{record.raw_record}</code></details>
                  </TableCell>
                  <TableCell>{format.dateTime(record.received_at)}</TableCell>
                  <TableCell>{record.source}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {record.status === 'open' && can('enterWorkOrders') && record.wo_id && (
                      <Button size="small" component={RouterLink} to={`/workorders/new?wo_id=${encodeURIComponent(record.wo_id)}`}>
                        {t('erp.enterManually')}
                      </Button>
                    )}
                    {record.status === 'open' && can('syncErp') && (<>
                      <Button size="small" onClick={() => void run(() => erp.retry(record.id), t('erp.retried'))}>{t('erp.retry')}</Button>
                      <Button size="small" onClick={() => setDismissing(record)}>{t('erp.dismiss')}</Button>
                    </>)}
                    {record.status !== 'open' && `${record.resolution ?? ''} ${record.resolved_by ?? ''}`}
                  </TableCell>
                </TableRow>
              ))}
              {failed.data?.results.length === 0 && <TableRow><TableCell colSpan={5}>{t('erp.noFailed')}</TableCell></TableRow>}
            </TableBody>
          </Table>
        </TableContainer>
      </Box>

      <ErpOverridesTable version={version} />

      <Box component="section" aria-labelledby="runs-title">
        <Typography id="runs-title" variant="h5" component="h2" gutterBottom>{t('erp.runs')}</Typography>
        <TableContainer>
          <Table size="small" aria-labelledby="runs-title">
            <TableHead><TableRow>
              <TableCell>{t('erp.started')}</TableCell><TableCell>{t('erp.trigger')}</TableCell><TableCell>{t('erp.state')}</TableCell>
              <TableCell align="right">{t('erp.fetched')}</TableCell><TableCell align="right">{t('erp.created')}</TableCell>
              <TableCell align="right">{t('erp.updated')}</TableCell><TableCell align="right">{t('erp.failed')}</TableCell>
            </TableRow></TableHead>
            <TableBody>
              {(runs.data?.results ?? []).map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{format.dateTime(r.started_at)}</TableCell>
                  <TableCell>{t(`erp.triggerKind.${r.trigger}`, r.trigger)}{r.triggered_by ? ` (${r.triggered_by})` : ''}</TableCell>
                  <TableCell>{t(`erp.runStatus.${r.status}`, r.status)}{r.failure_message ? ` — ${r.failure_message}` : ''}</TableCell>
                  <TableCell align="right">{format.number(r.counts.fetched)}</TableCell>
                  <TableCell align="right">{format.number(r.counts.created)}</TableCell>
                  <TableCell align="right">{format.number(r.counts.updated)}</TableCell>
                  <TableCell align="right">{format.number(r.counts.failed)}</TableCell>
                </TableRow>
              ))}
              {runs.data?.results.length === 0 && <TableRow><TableCell colSpan={7}>{t('erp.noRuns')}</TableCell></TableRow>}
            </TableBody>
          </Table>
        </TableContainer>
      </Box>
      {can('auditErp') && <ErpActionsTable version={version} />}
      {dismissing && <DismissDialog record={dismissing} onClose={() => setDismissing(null)}
        onDismiss={(reason) => { setDismissing(null); void run(() => erp.dismiss(dismissing.id, reason), t('erp.dismissed')); }} />}
    </>
  );
}

function DismissDialog({ record, onClose, onDismiss }: { record: FailedRecord; onClose(): void; onDismiss(reason: string): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Dialog open onClose={onClose} aria-labelledby="dismiss-title" fullWidth maxWidth="sm">
      <DialogTitle id="dismiss-title">{t('erp.dismissTitle', { woId: record.wo_id ?? record.id })}</DialogTitle>
      <DialogContent>
        <TextField autoFocus fullWidth margin="dense" label={t('erp.dismissReason')} value={reason} onChange={(e) => setReason(e.target.value)} required />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('action.cancel')}</Button>
        <Button variant="contained" disabled={!reason.trim()} onClick={() => onDismiss(reason.trim())}>{t('erp.dismiss')}</Button>
      </DialogActions>
    </Dialog>
  );
}
