import { Alert, Button, Card, CardContent, LinearProgress, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generation } from '../../api/endpoints';
import type { UniquenessReport } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useLoad } from '../../components/useLoad';
import { useFormat } from '../../i18n/format';

/** Serial and SSCC pools with their usage and exhaustion warnings, and the uniqueness audit. */
export function PoolsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const format = useFormat();
  const pools = useLoad(() => generation.pools(), []);
  const [audit, setAudit] = useState<UniquenessReport | null>(null);
  const [auditing, setAuditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const runAudit = async () => {
    setAuditing(true);
    setError(null);
    try {
      setAudit(await generation.audit());
    } catch (failure) {
      setError(failure);
    } finally {
      setAuditing(false);
    }
  };
  return (
    <>
      <PageTitle title={t('nav.pools')} actions={<Button onClick={() => void pools.reload()}>{t('action.refresh')}</Button>} />
      <ErrorAlert error={pools.error} />
      <TableContainer>
        <Table size="small" aria-label={t('nav.pools')}>
          <TableHead><TableRow>
            <TableCell>{t('details.kind')}</TableCell><TableCell>{t('pools.key')}</TableCell>
            <TableCell align="right">{t('pools.capacity')}</TableCell><TableCell align="right">{t('pools.issued')}</TableCell>
            <TableCell align="right">{t('pools.remaining')}</TableCell><TableCell sx={{ minWidth: 160 }}>{t('pools.usage')}</TableCell>
          </TableRow></TableHead>
          <TableBody>
            {(pools.data ?? []).map((pool) => (
              <TableRow key={pool.id}>
                <TableCell>{t(`kind.${pool.kind}`)}</TableCell>
                <TableCell>{pool.kind === 'sscc' ? `${pool.company_prefix} / ${pool.extension_digit}` : `${pool.gtin} · ${pool.alphabet} ${pool.serial_length} · ${pool.mode}`}</TableCell>
                <TableCell align="right">{format.number(pool.capacity)}</TableCell>
                <TableCell align="right">{format.number(pool.issued)}</TableCell>
                <TableCell align="right">{format.number(pool.remaining)}</TableCell>
                <TableCell>
                  <LinearProgress variant="determinate" value={Math.min(100, Number(pool.usage_percent))}
                    color={pool.exhaustion_warning ? 'warning' : 'primary'} aria-label={t('pools.usageOf', { pool: pool.id })} />
                  {format.percent(Number(pool.usage_percent))}{pool.exhaustion_warning && ` — ${t('pools.warning')}`}
                </TableCell>
              </TableRow>
            ))}
            {pools.data?.length === 0 && <TableRow><TableCell colSpan={6}>{t('pools.empty')}</TableCell></TableRow>}
          </TableBody>
        </Table>
      </TableContainer>
      {can('generate') && (
        <Card component="section" aria-labelledby="audit-title" sx={{ mt: 3 }}><CardContent>
          <Typography id="audit-title" variant="h5" component="h2" gutterBottom>{t('pools.audit')}</Typography>
          <Typography gutterBottom>{t('pools.auditHelp')}</Typography>
          <Button variant="contained" onClick={() => void runAudit()} disabled={auditing}>{t('pools.runAudit')}</Button>
          {auditing && <LinearProgress sx={{ mt: 2 }} aria-label={t('app.loading')} />}
          <ErrorAlert error={error} />
          {audit && (
            <Alert severity={audit.overlapping_allocations === 0 ? 'success' : 'error'} sx={{ mt: 2 }} role="status">
              {t('pools.auditResult', { pools: format.number(audit.pools_checked), allocations: format.number(audit.allocations_checked),
                overlaps: format.number(audit.overlapping_allocations), at: format.dateTime(audit.checked_at) })}
            </Alert>
          )}
        </CardContent></Card>
      )}
    </>
  );
}
