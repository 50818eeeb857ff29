import AddIcon from '@mui/icons-material/Add';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, Chip, LinearProgress } from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { workOrders, type WorkOrderFilter } from '../../api/endpoints';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useLoad } from '../../components/useLoad';
import { useWorkOrderEvents } from './useWorkOrderEvents';
import { useWorkOrderActions } from './WorkOrderActions';
import { WorkOrderFilters } from './WorkOrderFilters';
import { WorkOrderTable } from './WorkOrderTable';

const FILTER_KEYS = ['search', 'status', 'source', 'created_from', 'created_to'] as const;

/** The Generation Process tab: the work orders, filtered and paged by the server, changing live. */
export function GenerationProcessPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  // the list's state lives in the address: a reload, a shared link or a sign-in on the way keep it
  const [params, setParams] = useSearchParams();
  const filter = useMemo<WorkOrderFilter>(() => Object.fromEntries(
    FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as WorkOrderFilter, [params]);
  const ordering = params.get('ordering') ?? '-id';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('page_size') ?? 20);
  const [search, setSearch] = useState(filter.search ?? '');

  const update = (changes: Record<string, string | number>) => {
    const next = new URLSearchParams(params);
    Object.entries(changes).forEach(([key, value]) => (value === '' ? next.delete(key) : next.set(key, String(value))));
    setParams(next, { replace: true });
  };
  // typing waits a moment before it asks the server
  useEffect(() => {
    if (search === (filter.search ?? '')) return undefined;
    const timer = setTimeout(() => update({ search, page: 1 }), 300);
    return () => clearTimeout(timer);
    // only new text restarts the wait: the address changing under it must not
  }, [search]);

  const query = { ...filter, ordering };
  const list = useLoad(() => workOrders.list(query, page, pageSize), [JSON.stringify(query), page, pageSize]);
  const refresh = useRef<ReturnType<typeof setTimeout>>(undefined);
  const later = () => {
    clearTimeout(refresh.current);
    refresh.current = setTimeout(() => void list.reload(), 400);
  };
  const connected = useWorkOrderEvents((woId) => {
    if (list.data?.results.some((wo) => wo.wo_id === woId) || page === 1) later();
  });
  const [act, dialogs] = useWorkOrderActions(later);

  return (
    <>
      <PageTitle title={t('nav.generationProcess')} actions={<>
        <Chip size="small" color={connected ? 'success' : 'default'} label={connected ? t('live.on') : t('live.off')} />
        <Button startIcon={<DownloadIcon />} onClick={() => void workOrders.export(query)}>{t('workOrders.exportCsv')}</Button>
        {can('enterWorkOrders') &&
          <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="/workorders/new">{t('workOrders.new')}</Button>}
      </>} />
      <WorkOrderFilters filter={{ ...filter, search }} onChange={(next) => {
        if (next.search !== search) setSearch(next.search ?? '');
        else update({ ...next, page: 1 } as Record<string, string | number>);
      }} />
      {list.loading && <LinearProgress aria-label={t('app.loading')} />}
      <ErrorAlert error={list.error} />
      <WorkOrderTable busy={list.loading} ordering={ordering}
        data={{ rows: list.data?.results ?? [], count: list.data?.count ?? 0, page, pageSize }}
        onOrdering={(next) => update({ ordering: next, page: 1 })}
        onPage={(nextPage, nextSize) => update({ page: nextPage, page_size: nextSize })}
        onAction={act} />
      {dialogs}
    </>
  );
}
