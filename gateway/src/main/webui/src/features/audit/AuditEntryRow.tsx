import { Box, Button, TableCell, TableRow } from '@mui/material';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types';
import { useFormat } from '../../i18n/format';
import { AuditOutcomeChip } from './AuditOutcomeChip';

export const AUDIT_COLUMNS = 7;

/** One entry of the trail; what it changed opens below it on request (a disclosure, announced as such). */
export function AuditEntryRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const changeId = `audit-change-${entry.entry_id}`;
  const hasChange = entry.change !== null && entry.change !== undefined;
  return (
    <Fragment>
      <TableRow>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.at)}</TableCell>
        <TableCell>{t(`audit.service.${entry.service}`, entry.service)}</TableCell>
        <TableCell>
          {entry.actor === 'system' ? t('audit.system') : entry.actor}
          {entry.roles.length > 0 && <Box component="small" sx={{ display: 'block', color: 'text.secondary' }}>{entry.roles.join(', ')}</Box>}
        </TableCell>
        <TableCell sx={{ fontFamily: 'monospace' }}>{entry.action}</TableCell>
        <TableCell sx={{ overflowWrap: 'anywhere' }}>
          {entry.entity_type}{entry.entity_id && <Box component="span" sx={{ fontFamily: 'monospace' }}> {entry.entity_id}</Box>}
        </TableCell>
        <TableCell><AuditOutcomeChip outcome={entry.outcome} /></TableCell>
        <TableCell>
          {hasChange ? (
            <Button size="small" aria-expanded={open} aria-controls={changeId} onClick={() => setOpen(!open)}
              aria-label={t(open ? 'audit.hideChangeOf' : 'audit.showChangeOf', { action: entry.action, at: format.dateTime(entry.at) })}>
              {t(open ? 'audit.hideChange' : 'audit.showChange')}
            </Button>
          ) : t('audit.noChange')}
          {entry.request_id && <Box component="small" sx={{ display: 'block', color: 'text.secondary', overflowWrap: 'anywhere' }}>
            {t('audit.requestId', { id: entry.request_id })}</Box>}
        </TableCell>
      </TableRow>
      {open && (
        <TableRow>
          <TableCell colSpan={AUDIT_COLUMNS} id={changeId}>
            <Box component="pre" sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, overflowX: 'auto', fontSize: '0.8rem' }}>
              {JSON.stringify(entry.change, null, 2)}
            </Box>
          </TableCell>
        </TableRow>
      )}
    </Fragment>
  );
}
