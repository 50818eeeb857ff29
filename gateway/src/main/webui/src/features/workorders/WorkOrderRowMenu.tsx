import SettingsIcon from '@mui/icons-material/Settings';
import { Divider, IconButton, ListSubheader, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report, Rendering } from '../../api/endpoints';
import type { WorkOrder } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';

export type RowAction =
  | { kind: 'serials' } | { kind: 'sscc' } | { kind: 'bundles' } | { kind: 'details' } | { kind: 'edit' }
  | { kind: 'report'; report: Report; rendering: Rendering };

const REPORTS: { report: Report; rendering: Rendering; key: string }[] = [
  { report: 'serials', rendering: 'element', key: 'serialsElement' },
  { report: 'serials', rendering: 'urn', key: 'serialsUrn' },
  { report: 'serials', rendering: 'dl', key: 'serialsDl' },
  { report: 'serials', rendering: 'pack', key: 'serialsPack' },
  { report: 'serials', rendering: 'scan', key: 'serialsScan' },
  { report: 'bundle-serials', rendering: 'element', key: 'bundleSerials' },
  { report: 'sscc', rendering: 'element', key: 'ssccElement' },
  { report: 'sscc', rendering: 'urn', key: 'ssccUrn' },
  { report: 'sscc', rendering: 'dl', key: 'ssccDl' },
  { report: 'labels', rendering: 'element', key: 'ssccLabels' },
  { report: 'epcis', rendering: 'element', key: 'epcis' },
  { report: 'epcis-xml', rendering: 'element', key: 'epcisXml' },
];

/** The ⚙ menu of a work-order row: generation for the roles that may, details, the reports. */
export function WorkOrderRowMenu({ workOrder, onAction }: { workOrder: WorkOrder; onAction(action: RowAction): void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const pick = (action: RowAction) => () => {
    setAnchor(null);
    onAction(action);
  };
  const id = `wo-menu-${workOrder.id}`;
  return (
    <>
      <IconButton aria-label={t('workOrders.menu.label', { woId: workOrder.wo_id })} aria-haspopup="menu"
        aria-controls={anchor ? id : undefined} aria-expanded={anchor ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}>
        <SettingsIcon />
      </IconButton>
      {/* made only when opened: a page of 100 rows renders 100 buttons, not 100 menus */}
      {anchor && <Menu id={id} anchorEl={anchor} open onClose={() => setAnchor(null)}>
        {can('generate') && <MenuItem onClick={pick({ kind: 'sscc' })}>{t('workOrders.menu.generateSscc')}</MenuItem>}
        {can('generate') && <MenuItem onClick={pick({ kind: 'serials' })}>{t('workOrders.menu.generateSerials')}</MenuItem>}
        {can('generate') && workOrder.total_requested_bundle_serials > 0 &&
          <MenuItem onClick={pick({ kind: 'bundles' })}>{t('workOrders.menu.generateBundleSerials')}</MenuItem>}
        <MenuItem onClick={pick({ kind: 'details' })}>{t('workOrders.menu.details')}</MenuItem>
        {can('enterWorkOrders') && workOrder.wo_source === 'manual' &&
          <MenuItem onClick={pick({ kind: 'edit' })}>{t('workOrders.menu.edit')}</MenuItem>}
        <Divider />
        <ListSubheader>{t('workOrders.menu.downloadReport')}</ListSubheader>
        {REPORTS.filter((entry) => entry.report !== 'bundle-serials' || workOrder.total_requested_bundle_serials > 0
          || workOrder.generated_bundle_serials > 0).map((entry) => (
          <MenuItem key={entry.key} onClick={pick({ kind: 'report', report: entry.report, rendering: entry.rendering })}>
            {t(`workOrders.report.${entry.key}`)}
          </MenuItem>
        ))}
      </Menu>}
    </>
  );
}
