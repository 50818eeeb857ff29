import { Box, MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { WorkOrderFilter } from '../../api/endpoints';

const STATUSES = ['pending', 'in_progress', 'completed', 'failed'] as const;

/** Search, status, source and creation-date range of the work-order list. */
export function WorkOrderFilters({ filter, onChange }: { filter: WorkOrderFilter; onChange(next: WorkOrderFilter): void }) {
  const { t } = useTranslation();
  const set = (key: keyof WorkOrderFilter) => (event: { target: { value: string } }) =>
    onChange({ ...filter, [key]: event.target.value });
  return (
    <Box role="search" sx={{ display: 'grid', gap: 1.5, mb: 2,
      gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '2fr 1fr 1fr 1fr 1fr' } }}>
      <TextField size="small" type="search" label={t('workOrders.filter.search')} value={filter.search ?? ''}
        onChange={set('search')} />
      <TextField size="small" select label={t('workOrders.filter.status')} value={filter.status ?? ''} onChange={set('status')}>
        <MenuItem value="">{t('workOrders.filter.any')}</MenuItem>
        {STATUSES.map((status) => <MenuItem key={status} value={status}>{t(`status.${status}`)}</MenuItem>)}
      </TextField>
      <TextField size="small" select label={t('workOrders.filter.source')} value={filter.source ?? ''} onChange={set('source')}>
        <MenuItem value="">{t('workOrders.filter.any')}</MenuItem>
        <MenuItem value="erp">{t('source.erp')}</MenuItem>
        <MenuItem value="manual">{t('source.manual')}</MenuItem>
      </TextField>
      <TextField size="small" type="date" label={t('workOrders.filter.createdFrom')} value={filter.created_from ?? ''}
        onChange={set('created_from')} slotProps={{ inputLabel: { shrink: true } }} />
      <TextField size="small" type="date" label={t('workOrders.filter.createdTo')} value={filter.created_to ?? ''}
        onChange={set('created_to')} slotProps={{ inputLabel: { shrink: true } }} />
    </Box>
  );
}
