import {
  Alert, Box, Button, Card, CardContent, LinearProgress, Table, TableBody, TableCell, TableContainer, TableHead, TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { workOrders } from '../../api/endpoints';
import type { WorkOrder } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { StatusIndicator } from '../../components/StatusIndicator';
import { useLoad } from '../../components/useLoad';
import { useFormat } from '../../i18n/format';
import { ErpWorkOrderPanel } from '../erp/ErpWorkOrderPanel';
import { BreakdownPicture } from '../recipes/BreakdownPicture';
import { PackingProgress } from './PackingProgress';
import { TaskProgress } from './TaskProgress';
import { useWorkOrderEvents } from './useWorkOrderEvents';
import { useWorkOrderActions } from './WorkOrderActions';
import { WorkOrderRowMenu } from './WorkOrderRowMenu';

/** One work order: what it asks for and holds, its packaging, its generation history, and a running task's progress. */
export function WorkOrderDetailsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { woId = '' } = useParams();
  const wo = useLoad(() => workOrders.get(woId), [woId]);
  const history = useLoad(() => workOrders.history(woId), [woId]);
  const breakdown = useLoad(() => workOrders.breakdown(woId).catch(() => null), [woId]);
  const packing = useLoad(() => workOrders.packing(woId).catch(() => null), [woId]);
  const [running, setRunning] = useState<string[]>([]);
  const reload = () => {
    void wo.reload();
    void history.reload();
  };
  useWorkOrderEvents((changed, event) => {
    if (changed !== woId) return;
    const taskId = event.payload.task_id;
    if (event.event_type === 'generation.task.started' && typeof taskId === 'string') {
      setRunning((ids) => (ids.includes(taskId) ? ids : [...ids, taskId]));
    }
    reload();
  });
  const [act, dialogs] = useWorkOrderActions(() => {
    reload();
    // the task's id is in the history once it started; its events move the bar
    setTimeout(() => void history.reload(), 500);
  });

  if (wo.loading && !wo.data) return <LinearProgress aria-label={t('app.loading')} />;
  if (!wo.data) return <ErrorAlert error={wo.error} />;
  const order: WorkOrder = wo.data;
  const startedTasks = (history.data?.results ?? []).filter((entry) => entry.action_status === 'started' && entry.task_id)
    .map((entry) => entry.task_id!) ;
  const active = [...new Set([...running, ...(order.serial_generation_status === 'in_progress' ||
    order.sscc_generation_status === 'in_progress' || order.bundle_serial_generation_status === 'in_progress'
    ? startedTasks.slice(0, 1) : [])])];
  const bundles = order.total_requested_bundle_serials > 0 || order.generated_bundle_serials > 0;
  const discrepancy = order.total_requested_serials - order.quantity;

  const facts: [string, string | number][] = [
    [t('workOrderForm.field.gtin'), order.gtin],
    [t('workOrderForm.field.lot'), order.lot],
    [t('workOrderForm.field.expiry'), format.date(order.expiry)],
    [t('workOrderForm.field.quantity'), format.number(order.quantity)],
    [t('workOrders.column.source'), t(`source.${order.wo_source}`)],
    [t('details.configVersion'), order.config_version ?? '–'],
    [t('details.created'), format.dateTime(order.created_at)],
    [t('details.erpConfirmed'), format.dateTime(order.erp_confirmed_at)],
  ];

  return (
    <>
      <PageTitle title={`${order.wo_id} — ${order.wo_name}`} actions={<WorkOrderRowMenu workOrder={order} onAction={(action) => act(order, action)} />} />
      {order.error_message && <Alert severity="error" sx={{ mb: 2 }}>{t('details.lastError', { message: order.error_message })}</Alert>}
      {order.erp_conflict && <Alert severity="warning" sx={{ mb: 2 }}>{t('details.erpConflict', { record: order.erp_conflict })}</Alert>}
      {active.map((taskId) => (
        <TaskProgress key={taskId} taskId={taskId} onEnded={() => {
          setRunning((ids) => ids.filter((id) => id !== taskId));
          reload();
        }} />
      ))}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, mb: 3 }}>
        {/* with a third kind of numbers, the work order's own facts take a row of their own above the three */}
        <Card component="section" aria-labelledby="facts-title" sx={{ gridColumn: bundles ? '1 / -1' : undefined }}><CardContent>
          <Typography id="facts-title" variant="h6" component="h2">{t('details.workOrder')}</Typography>
          <dl className="facts">{facts.map(([name, value]) => <FactRow key={name} name={name} value={value} />)}</dl>
        </CardContent></Card>
        <Card component="section" aria-labelledby="serials-title"><CardContent>
          <Typography id="serials-title" variant="h6" component="h2">{t('details.serials')}</Typography>
          <StatusIndicator status={order.serial_generation_status} />
          <dl className="facts">
            <FactRow name={t('details.requested')} value={format.number(order.total_requested_serials)} />
            <FactRow name={t('details.generated')} value={format.number(order.generated_serials)} />
            <FactRow name={t('details.decommissioned')} value={format.number(order.decommissioned_serials)} />
            <FactRow name={t('details.discrepancy')} value={format.number(discrepancy)} />
            <FactRow name={t('details.lastGeneration')} value={format.dateTime(order.last_serial_generation_at)} />
          </dl>
        </CardContent></Card>
        <Card component="section" aria-labelledby="sscc-title"><CardContent>
          <Typography id="sscc-title" variant="h6" component="h2">{t('details.sscc')}</Typography>
          <StatusIndicator status={order.sscc_generation_status} />
          <dl className="facts">
            <FactRow name={t('details.requested')} value={format.number(order.total_requested_sscc)} />
            <FactRow name={t('details.generated')} value={format.number(order.generated_sscc)} />
            <FactRow name={t('details.decommissioned')} value={format.number(order.decommissioned_sscc)} />
            <FactRow name={t('details.lastGeneration')} value={format.dateTime(order.last_sscc_generation_at)} />
          </dl>
        </CardContent></Card>
        {bundles && <Card component="section" aria-labelledby="bundles-title"><CardContent>
          <Typography id="bundles-title" variant="h6" component="h2">{t('details.bundleSerials')}</Typography>
          <StatusIndicator status={order.bundle_serial_generation_status} />
          <dl className="facts">
            <FactRow name={t('details.requested')} value={format.number(order.total_requested_bundle_serials)} />
            <FactRow name={t('details.generated')} value={format.number(order.generated_bundle_serials)} />
            <FactRow name={t('details.decommissioned')} value={format.number(order.decommissioned_bundle_serials)} />
            <FactRow name={t('details.lastGeneration')} value={format.dateTime(order.last_bundle_serial_generation_at)} />
          </dl>
        </CardContent></Card>}
      </Box>
      {order.wo_source === 'erp' && <ErpWorkOrderPanel woId={order.wo_id} onChanged={reload} />}
      {breakdown.data && (
        <Box component="section" aria-labelledby="packaging-title" sx={{ mb: 3 }}>
          <Typography id="packaging-title" variant="h5" component="h2" gutterBottom>{t('details.packaging')}</Typography>
          <BreakdownPicture breakdown={breakdown.data} />
        </Box>
      )}
      {packing.data && <Box sx={{ mb: 3 }}><PackingProgress tree={packing.data} /></Box>}
      <Box component="section" aria-labelledby="allocations-title" sx={{ mb: 3 }}>
        <Typography id="allocations-title" variant="h5" component="h2" gutterBottom>{t('details.allocations')}</Typography>
        <TableContainer>
          <Table size="small">
            <TableHead><TableRow>
              <TableCell>{t('details.kind')}</TableCell><TableCell>{t('details.gtin')}</TableCell>
              <TableCell>{t('details.source')}</TableCell>
              <TableCell align="right">{t('details.quantity')}</TableCell><TableCell>{t('details.status')}</TableCell>
              <TableCell>{t('details.time')}</TableCell>
            </TableRow></TableHead>
            <TableBody>
              {(order.allocations ?? []).map((holding) => (
                <TableRow key={holding.task_id + holding.kind + holding.created_at}>
                  <TableCell>{t(`kind.${holding.kind}`)}</TableCell><TableCell>{holding.gtin ?? '–'}</TableCell>
                  <TableCell>{holding.source}</TableCell>
                  <TableCell align="right">{format.number(holding.quantity)}</TableCell>
                  <TableCell>{t(`holding.${holding.status}`, holding.status)}</TableCell>
                  <TableCell>{format.dateTime(holding.created_at)}</TableCell>
                </TableRow>
              ))}
              {(order.allocations ?? []).length === 0 && <TableRow><TableCell colSpan={6}>{t('details.noAllocations')}</TableCell></TableRow>}
            </TableBody>
          </Table>
        </TableContainer>
      </Box>
      <Box component="section" aria-labelledby="history-title">
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <Typography id="history-title" variant="h5" component="h2" sx={{ flexGrow: 1 }}>{t('details.history')}</Typography>
          <Button onClick={reload}>{t('action.refresh')}</Button>
        </Box>
        <ErrorAlert error={history.error} />
        <TableContainer>
          <Table size="small" aria-labelledby="history-title">
            <TableHead><TableRow>
              <TableCell>{t('details.action')}</TableCell><TableCell>{t('details.status')}</TableCell>
              <TableCell align="right">{t('details.requested')}</TableCell><TableCell align="right">{t('details.generated')}</TableCell>
              <TableCell>{t('details.error')}</TableCell><TableCell>{t('details.time')}</TableCell><TableCell>{t('details.user')}</TableCell>
            </TableRow></TableHead>
            <TableBody>
              {(history.data?.results ?? []).map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell>{t(`historyAction.${entry.action_type}`, entry.action_type)}</TableCell>
                  <TableCell>{t(`historyStatus.${entry.action_status}`, entry.action_status)}</TableCell>
                  <TableCell align="right">{format.number(entry.requested_quantity)}</TableCell>
                  <TableCell align="right">{format.number(entry.generated_quantity)}</TableCell>
                  <TableCell sx={{ maxWidth: 320, wordBreak: 'break-word' }}>{entry.error_details ?? ''}</TableCell>
                  <TableCell>{format.dateTime(entry.created_at)}</TableCell>
                  <TableCell>{entry.user ?? ''}</TableCell>
                </TableRow>
              ))}
              {(history.data?.results ?? []).length === 0 && <TableRow><TableCell colSpan={7}>{t('details.noHistory')}</TableCell></TableRow>}
            </TableBody>
          </Table>
        </TableContainer>
      </Box>
      {dialogs}
    </>
  );
}

function FactRow({ name, value }: { name: string; value: string | number }) {
  return <><dt>{name}</dt><dd>{value}</dd></>;
}
