import { Box, Link, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { erp } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Pager } from '../../components/Pager';
import { useLoad } from '../../components/useLoad';
import { useFormat } from '../../i18n/format';

/** The ERP work orders the suite overrides, with what and why; set and lifted on each work order's page. */
export function ErpOverridesTable({ version }: { version: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const list = useLoad(() => erp.overridden(page), [page, version]);
  return (
    <Box component="section" aria-labelledby="overrides-title" sx={{ mb: 3 }}>
      <Typography id="overrides-title" variant="h5" component="h2" gutterBottom>{t('erp.override.list')}</Typography>
      <ErrorAlert error={list.error} />
      <TableContainer>
        <Table size="small" aria-labelledby="overrides-title">
          <TableHead><TableRow>
            <TableCell>{t('workOrders.column.woId')}</TableCell><TableCell align="right">{t('erp.override.erpQuantity')}</TableCell>
            <TableCell align="right">{t('erp.override.forwarded')}</TableCell><TableCell>{t('erp.override.current')}</TableCell>
          </TableRow></TableHead>
          <TableBody>
            {(list.data?.results ?? []).map((w) => (
              <TableRow key={w.wo_id}>
                <TableCell><Link component={RouterLink} to={`/workorders/${encodeURIComponent(w.wo_id)}`}>{w.wo_id}</Link></TableCell>
                <TableCell align="right">{format.number(Number(w.erp.quantity ?? NaN) || null)}</TableCell>
                <TableCell align="right">{format.number(w.forwarded.quantity)}</TableCell>
                <TableCell>{w.override && t('erp.override.line', { reason: w.override.reason, by: w.override.by, at: format.dateTime(w.override.at) })}</TableCell>
              </TableRow>
            ))}
            {list.data?.results.length === 0 && <TableRow><TableCell colSpan={4}>{t('erp.override.none')}</TableCell></TableRow>}
          </TableBody>
        </Table>
      </TableContainer>
      <Pager count={list.data?.count ?? 0} page={page} pageSize={20} onPage={setPage} />
    </Box>
  );
}
