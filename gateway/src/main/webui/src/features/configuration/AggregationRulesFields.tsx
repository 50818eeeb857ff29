import { Box, Checkbox, FormControlLabel, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { FieldGroup } from '../../components/FieldGroup';
import { LEVELS, type ConfigDraft } from './configDraft';

interface Props {
  rules: ConfigDraft['aggregation_rules'];
  onChange(next: ConfigDraft['aggregation_rules']): void;
  problems(path: string): string | undefined;
  disabled: boolean;
}

/** Packaging levels L1 (item) to L4 (pallet): enabled, and L1 units per container. */
export function AggregationRulesFields({ rules, onChange, problems, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <FieldGroup legend={t('config.aggregationRules')} problem={problems('aggregation_rules')}>
      <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' } }}>
        {LEVELS.map((level) => {
          const problem = problems(`aggregation_rules.${level}.multiplier`) ?? problems(`aggregation_rules.${level}`)
            ?? problems(`aggregation_rules.${level}.enabled`);
          return (
            <Box key={level} role="group" aria-label={t(`config.level.${level}`)}>
              <FormControlLabel label={t(`config.level.${level}`)} disabled={disabled || level === 'l1'}
                control={<Checkbox checked={rules[level].enabled}
                  onChange={(e) => onChange({ ...rules, [level]: { ...rules[level], enabled: e.target.checked } })} />} />
              <TextField size="small" fullWidth label={t('config.multiplier', { level: level.toUpperCase() })}
                value={rules[level].multiplier} disabled={disabled || level === 'l1'} inputMode="numeric"
                name={`aggregation_rules.${level}.multiplier`}
                onChange={(e) => onChange({ ...rules, [level]: { ...rules[level], multiplier: e.target.value } })}
                error={!!problem} helperText={problem ?? t('config.multiplierHelp')} />
            </Box>
          );
        })}
      </Box>
    </FieldGroup>
  );
}
