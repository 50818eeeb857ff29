import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { erp } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Pager } from '../../components/Pager';
import { useLoad } from '../../components/useLoad';
import { useFormat } from '../../i18n/format';

/** Who asked for syncs, set or lifted overrides, retried or dismissed failed records, and why. */
export function ErpActionsTable({ version }: { version: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const list = useLoad(() => erp.actions(page), [page, version]);
  return (
    <Box component="section" aria-labelledby="actions-title" sx={{ mt: 3 }}>
      <Typography id="actions-title" variant="h5" component="h2" gutterBottom>{t('erp.actions.title')}</Typography>
      <ErrorAlert error={list.error} />
      <TableContainer>
        <Table size="small" aria-labelledby="actions-title">
          <TableHead><TableRow>
            <TableCell>{t('details.time')}</TableCell><TableCell>{t('details.action')}</TableCell>
            <TableCell>{t('erp.actions.subject')}</TableCell><TableCell>{t('details.user')}</TableCell>
            <TableCell>{t('erp.dismissReason')}</TableCell>
          </TableRow></TableHead>
          <TableBody>
            {(list.data?.results ?? []).map((a) => (
              <TableRow key={a.id}>
                <TableCell>{format.dateTime(a.at)}</TableCell>
                <TableCell>{t(`erp.actions.kind.${a.action}`, a.action)}</TableCell>
                <TableCell>{a.wo_id ?? a.target ?? ''}</TableCell>
                <TableCell>{a.actor}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{a.reason ?? ''}</TableCell>
              </TableRow>
            ))}
            {list.data?.results.length === 0 && <TableRow><TableCell colSpan={5}>{t('erp.actions.none')}</TableCell></TableRow>}
          </TableBody>
        </Table>
      </TableContainer>
      <Pager count={list.data?.count ?? 0} page={page} pageSize={20} onPage={setPage} />
    </Box>
  );
}
