import {
  Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TableSortLabel,
} from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../api/types';
import { Pager } from '../../components/Pager';
import { StatusIndicator } from '../../components/StatusIndicator';
import { useFormat } from '../../i18n/format';
import { WorkOrderRowMenu, type RowAction } from './WorkOrderRowMenu';

const SORTABLE: Record<string, string> = {
  wo_id: 'wo_id', wo_name: 'wo_name', total_requested_serials: 'total_requested_serials', created_at: 'created_at',
};

export interface TablePage {
  rows: WorkOrder[];
  count: number;
  page: number;
  pageSize: number;
}

interface Props {
  data: TablePage;
  ordering: string;
  onOrdering(ordering: string): void;
  onPage(page: number, pageSize: number): void;
  onAction(workOrder: WorkOrder, action: RowAction): void;
  busy?: boolean;
}

/** The Generation Process table: one page of work orders from the server, sortable, with a ⚙ menu per row. */
export function WorkOrderTable({ data, ordering, onOrdering, onPage, onAction, busy }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const descending = ordering.startsWith('-');
  const orderedBy = descending ? ordering.slice(1) : ordering;
  const header = (field: string, label: string, numeric = false) => (
    <TableCell align={numeric ? 'right' : 'left'} sortDirection={orderedBy === field ? (descending ? 'desc' : 'asc') : false}>
      {SORTABLE[field] ? (
        <TableSortLabel active={orderedBy === field} direction={orderedBy === field && descending ? 'desc' : 'asc'}
          onClick={() => onOrdering(orderedBy === field && !descending ? `-${field}` : field)}>
          {label}
        </TableSortLabel>
      ) : label}
    </TableCell>
  );
  return (
    <Paper>
      <TableContainer sx={{ maxWidth: '100%', overflowX: 'auto' }}>
        <Table size="small" aria-label={t('workOrders.table.label')} aria-busy={busy ? 'true' : 'false'}>
          <TableHead>
            <TableRow>
              {header('wo_id', t('workOrders.column.woId'))}
              {header('wo_name', t('workOrders.column.woName'))}
              {header('source', t('workOrders.column.source'))}
              {header('total_requested_serials', t('workOrders.column.requestedSerials'), true)}
              {header('sscc_status', t('workOrders.column.ssccStatus'))}
              {header('sn_status', t('workOrders.column.snStatus'))}
              <TableCell><span>{t('workOrders.column.actions')}</span></TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.rows.map((wo) => (
              <TableRow key={wo.id} hover data-wo-id={wo.wo_id}>
                <TableCell>
                  <Link component={RouterLink} to={`/workorders/${encodeURIComponent(wo.wo_id)}`}>{wo.wo_id}</Link>
                </TableCell>
                <TableCell sx={{ minWidth: 140 }}>{wo.wo_name}</TableCell>
                <TableCell>{t(`source.${wo.wo_source}`)}</TableCell>
                <TableCell align="right">{format.number(wo.total_requested_serials)}</TableCell>
                <TableCell data-column="sscc"><StatusIndicator status={wo.sscc_generation_status} /></TableCell>
                <TableCell data-column="serials"><StatusIndicator status={wo.serial_generation_status} /></TableCell>
                <TableCell><WorkOrderRowMenu workOrder={wo} onAction={(action) => onAction(wo, action)} /></TableCell>
              </TableRow>
            ))}
            {data.rows.length === 0 && !busy && (
              <TableRow><TableCell colSpan={7}>{t('workOrders.table.empty')}</TableCell></TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <Pager count={data.count} page={data.page} pageSize={data.pageSize} sizes={[20, 50, 100]} onPage={onPage} />
    </Paper>
  );
}
