import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import SyncIcon from '@mui/icons-material/Sync';
import { Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { GenerationStatus } from '../api/types';

const ICONS = {
  pending: { Icon: HourglassEmptyIcon, color: 'text.secondary' },
  in_progress: { Icon: SyncIcon, color: 'info.main' },
  completed: { Icon: CheckCircleIcon, color: 'success.main' },
  failed: { Icon: ErrorIcon, color: 'error.main' },
} as const;

/** A generation status as an icon with its name beside it (visible text, so screen readers and the colour-blind get it). */
export function StatusIndicator({ status, compact = false }: { status: GenerationStatus; compact?: boolean }) {
  const { t } = useTranslation();
  const { Icon, color } = ICONS[status] ?? ICONS.pending;
  const label = t(`status.${status}`);
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}
      data-status={status} title={compact ? label : undefined}>
      <Icon fontSize="small" sx={{ color }} aria-hidden="true" />
      <Box component="span" sx={compact ? visuallyHidden : undefined}>{label}</Box>
    </Box>
  );
}

// In sx a bare 1 is 100 %: the one-pixel box a screen reader still reads needs its unit.
export const visuallyHidden = {
  border: 0, clip: 'rect(0 0 0 0)', height: '1px', margin: '-1px', overflow: 'hidden', padding: 0, position: 'absolute',
  whiteSpace: 'nowrap', width: '1px',
} as const;
