import { Alert, Box, Card, CardActionArea, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { erp, generation, workOrders } from '../../api/endpoints';
import { PageTitle } from '../../components/PageTitle';
import { useLoad } from '../../components/useLoad';
import { useFormat } from '../../i18n/format';

/** The specification's dashboard metrics, each linking to the screen it comes from. */
export function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const counts = useLoad(async () => {
    const [all, running, completed, failed] = await Promise.all([
      workOrders.list({}, 1, 1), workOrders.list({ status: 'in_progress' }, 1, 1),
      workOrders.list({ status: 'completed' }, 1, 1), workOrders.list({ status: 'failed', ordering: '-updated_at' }, 1, 5),
    ]);
    return { all: all.count, running: running.count, completed: completed.count, failed: failed.count, recent: failed.results };
  }, []);
  const status = useLoad(() => erp.status(), []);
  const pools = useLoad(() => generation.pools(), []);
  const c = counts.data;
  const rate = c && c.completed + c.failed > 0 ? (100 * c.completed) / (c.completed + c.failed) : null;
  const warnings = (pools.data ?? []).filter((pool) => pool.exhaustion_warning);

  return (
    <>
      <PageTitle title={t('nav.dashboard')} />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' }, mb: 3 }}>
        <Metric to="/generation" title={t('dashboard.workOrders')} value={format.number(c?.all)} />
        <Metric to="/generation?status=in_progress" title={t('dashboard.active')} value={format.number(c?.running)} />
        <Metric to="/generation?status=completed" title={t('dashboard.successRate')} value={format.percent(rate)} />
        <Metric to="/erp" title={t('dashboard.erp')} value={status.data ? t(`erp.syncState.${status.data.status}`, status.data.status) : '–'}>
          {status.data && <Typography variant="body2">{t('dashboard.erpDetail', { last: format.dateTime(status.data.last_sync),
            every: status.data.sync_interval_seconds ? t('erp.seconds', { count: status.data.sync_interval_seconds }) : t('erp.onDemand') })}</Typography>}
        </Metric>
      </Box>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <Card component="section" aria-labelledby="pool-title"><CardActionArea component={RouterLink} to="/pools"><CardContent>
          <Typography id="pool-title" variant="h6" component="h2">{t('dashboard.pools')}</Typography>
          {warnings.length === 0
            ? <Typography>{t('dashboard.poolsFine', { count: pools.data?.length ?? 0 })}</Typography>
            : warnings.map((pool) => <Alert key={pool.id} severity="warning" sx={{ mt: 1 }}>
              {t('dashboard.poolWarning', { key: pool.gtin ?? pool.company_prefix, percent: format.percent(Number(pool.usage_percent)) })}</Alert>)}
        </CardContent></CardActionArea></Card>
        <Card component="section" aria-labelledby="failures-title"><CardContent>
          <Typography id="failures-title" variant="h6" component="h2">{t('dashboard.recentFailures')}</Typography>
          <List dense>
            {(c?.recent ?? []).map((wo) => (
              <ListItem key={wo.id} component={RouterLink} to={`/workorders/${encodeURIComponent(wo.wo_id)}`}>
                <ListItemText primary={`${wo.wo_id} — ${wo.wo_name}`} secondary={wo.error_message ?? format.dateTime(wo.updated_at)} />
              </ListItem>
            ))}
            {c && c.recent.length === 0 && <ListItem><ListItemText primary={t('dashboard.noFailures')} /></ListItem>}
          </List>
        </CardContent></Card>
      </Box>
    </>
  );
}

function Metric({ to, title, value, children }: { to: string; title: string; value: string; children?: ReactNode }) {
  return (
    <Card><CardActionArea component={RouterLink} to={to} sx={{ height: '100%' }}><CardContent>
      <Typography variant="subtitle1" component="h2">{title}</Typography>
      <Typography variant="h4" component="p">{value}</Typography>
      {children}
    </CardContent></CardActionArea></Card>
  );
}
