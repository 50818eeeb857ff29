import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AuditOutcome } from '../../api/types';

const COLOURS = { success: 'success', refused: 'warning', failed: 'error' } as const;

/** An entry's outcome in words; the colour only repeats them. */
export function AuditOutcomeChip({ outcome }: { outcome: AuditOutcome }) {
  const { t } = useTranslation();
  return <Chip size="small" variant="outlined" color={COLOURS[outcome] ?? 'default'} label={t(`audit.outcome.${outcome}`, outcome)} />;
}
