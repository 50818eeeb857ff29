import { Alert, Box, Button, LinearProgress, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditTrail, type AuditExport, type AuditFilter } from '../../api/endpoints';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useFormat } from '../../i18n/format';
import { AUDIT_COLUMNS, AuditEntryRow } from './AuditEntryRow';
import { AuditFilters } from './AuditFilters';
import { useAuditTrail } from './useAuditTrail';

/** The suite's audit trail (NFR-004): every service's writes, refused ones too, and every sign-in, newest first. */
export function AuditPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const format = useFormat();
  const allowed = can('readAuditTrail');
  const [filter, setFilter] = useState<AuditFilter>({});
  const trail = useAuditTrail(filter, allowed);
  const [exportError, setExportError] = useState<unknown>(null);
  const exportAs = async (as: AuditExport) => {
    setExportError(null);
    try {
      await auditTrail.export(filter, as);
    } catch (failure) {
      setExportError(failure);
    }
  };
  if (!allowed) {
    return (
      <>
        <PageTitle title={t('nav.audit')} />
        <Alert severity="info">{t('audit.notAllowed')}</Alert>
      </>
    );
  }
  return (
    <>
      <PageTitle title={t('nav.audit')} actions={<>
        <Button onClick={() => void exportAs('csv')}>{t('audit.exportCsv')}</Button>
        <Button onClick={() => void exportAs('ndjson')}>{t('audit.exportNdjson')}</Button>
        <Button onClick={() => void trail.reload()}>{t('action.refresh')}</Button>
      </>} />
      <Typography sx={{ mb: 2 }}>{t('audit.help')}</Typography>
      <AuditFilters error={trail.error} onApply={setFilter} />
      <ErrorAlert error={trail.error} />
      <ErrorAlert error={exportError} />
      <Typography role="status" sx={{ mb: 1 }}>
        {trail.loading ? t('app.loading') : t('audit.shown', { count: trail.count, shown: format.number(trail.entries.length), total: format.number(trail.count) })}
      </Typography>
      {trail.loading && <LinearProgress aria-label={t('app.loading')} />}
      <TableContainer sx={{ maxWidth: '100%', overflowX: 'auto' }}>
        <Table size="small" aria-label={t('nav.audit')}>
          <TableHead><TableRow>
            <TableCell>{t('audit.column.time')}</TableCell>
            <TableCell>{t('audit.column.service')}</TableCell>
            <TableCell>{t('audit.column.actor')}</TableCell>
            <TableCell>{t('audit.column.action')}</TableCell>
            <TableCell>{t('audit.column.entity')}</TableCell>
            <TableCell>{t('audit.column.outcome')}</TableCell>
            <TableCell>{t('audit.column.change')}</TableCell>
          </TableRow></TableHead>
          <TableBody>
            {trail.entries.map((entry) => <AuditEntryRow key={entry.entry_id} entry={entry} />)}
            {!trail.loading && trail.entries.length === 0 && (
              <TableRow><TableCell colSpan={AUDIT_COLUMNS}>{t('audit.empty')}</TableCell></TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {trail.more && (
        <Box sx={{ mt: 2 }}>
          <Button variant="outlined" onClick={() => void trail.older()} disabled={trail.loading}>{t('audit.older')}</Button>
        </Box>
      )}
    </>
  );
}
