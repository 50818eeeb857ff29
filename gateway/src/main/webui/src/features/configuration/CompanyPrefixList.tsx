import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, IconButton, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { FieldGroup } from '../../components/FieldGroup';
import type { ConfigDraft } from './configDraft';

interface Props {
  prefixes: ConfigDraft['gs1_company_prefixes'];
  onChange(next: ConfigDraft['gs1_company_prefixes']): void;
  problems(path: string): string | undefined;
  disabled: boolean;
}

/** GS1 company prefixes SSCCs are issued under, each with its extension digit. */
export function CompanyPrefixList({ prefixes, onChange, problems, disabled }: Props) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<ConfigDraft['gs1_company_prefixes'][number]>) =>
    onChange(prefixes.map((p, i) => (i === index ? { ...p, ...change } : p)));
  return (
    <FieldGroup legend={t('config.companyPrefixes')} problem={problems('gs1_company_prefixes')}>
      {prefixes.map((p, i) => (
        <Box key={i} role="group" aria-label={t('config.prefixGroup', { position: i + 1 })}
          sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr auto' }, alignItems: 'start' }}>
          <TextField size="small" label={t('config.prefix')} value={p.prefix} disabled={disabled} inputMode="numeric"
            onChange={(e) => set(i, { prefix: e.target.value })}
            error={!!problems(`gs1_company_prefixes[${i}].prefix`)} helperText={problems(`gs1_company_prefixes[${i}].prefix`) ?? t('config.prefixHelp')} />
          <TextField size="small" label={t('config.extensionDigit')} value={p.sscc_extension_digit} disabled={disabled} inputMode="numeric"
            onChange={(e) => set(i, { sscc_extension_digit: e.target.value })}
            error={!!problems(`gs1_company_prefixes[${i}].sscc_extension_digit`)}
            helperText={problems(`gs1_company_prefixes[${i}].sscc_extension_digit`) ?? ' '} />
          <IconButton aria-label={t('config.remove', { name: p.prefix || i + 1 })} disabled={disabled}
            onClick={() => onChange(prefixes.filter((_, j) => j !== i))}><DeleteIcon /></IconButton>
        </Box>
      ))}
      <Button startIcon={<AddIcon />} disabled={disabled} onClick={() => onChange([...prefixes, { prefix: '', sscc_extension_digit: '0' }])}>
        {t('config.addPrefix')}
      </Button>
    </FieldGroup>
  );
}
