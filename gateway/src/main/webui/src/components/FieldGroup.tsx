import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** Related fields under a visible legend (a fieldset, so screen readers name the group), with the group's own problem. */
export function FieldGroup({ legend, problem, children }: { legend: string; problem?: string; children: ReactNode }) {
  return (
    <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, m: 0, minWidth: 0 }}>
      <Typography component="legend" sx={{ px: 0.5, fontWeight: 600 }}>{legend}</Typography>
      {problem && <Typography color="error" role="alert">{problem}</Typography>}
      {children}
    </Box>
  );
}
