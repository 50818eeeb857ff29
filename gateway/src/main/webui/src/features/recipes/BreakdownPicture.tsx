import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Breakdown } from '../../api/types';
import { useFormat } from '../../i18n/format';

/**
 * The packaging hierarchy as nested levels, outermost first: containers per level, what one holds, and the partial
 * last container where the quantity does not fill it. A list underneath, so screen readers get the same.
 */
export function BreakdownPicture({ breakdown }: { breakdown: Breakdown }) {
  const { t } = useTranslation();
  const format = useFormat();
  const levels = [...breakdown.levels].reverse();
  return (
    <Box>
      <Box component="ol" aria-label={t('breakdown.label')} sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {levels.map((level, depth) => {
          const partial = level.level !== 'l1' && level.last_container_children !== level.children_per_container;
          return (
            <Box component="li" key={level.level} sx={{ ml: { xs: depth * 1.5, sm: depth * 4 }, mb: 1 }}>
              <Paper variant="outlined" sx={{ p: 1.5, borderLeft: 6, borderLeftColor: level.identified_by === 'sscc' ? 'secondary.main' : 'primary.main' }}>
                <Typography component="div" sx={{ fontWeight: 600 }}>
                  {t('breakdown.level', { level: level.level.toUpperCase(), name: level.name })}
                  {' · '}{t(`breakdown.identifiedBy.${level.identified_by}`)}
                </Typography>
                <Typography component="div">
                  {t('breakdown.containers', { count: level.containers, formatted: format.number(level.containers) })}
                  {level.level !== 'l1' && ` · ${t('breakdown.holds', {
                    children: format.number(level.children_per_container), units: format.number(level.units_per_container) })}`}
                </Typography>
                {partial && (
                  <Typography component="div" color="warning.main">
                    {t('breakdown.partial', { children: format.number(level.last_container_children),
                      units: format.number(level.last_container_units) })}
                  </Typography>
                )}
              </Paper>
            </Box>
          );
        })}
      </Box>
      <Typography sx={{ mt: 1 }}>
        {t('breakdown.totals', { sscc: format.number(breakdown.sscc_count), bundles: format.number(breakdown.bundle_serial_count),
          source: breakdown.rules_source })}
      </Typography>
    </Box>
  );
}
