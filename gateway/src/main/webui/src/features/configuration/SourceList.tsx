import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, Checkbox, FormControlLabel, IconButton, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { FieldGroup } from '../../components/FieldGroup';
import type { SourceDraft } from './configDraft';

interface Props {
  field: 'serial_sources' | 'sscc_sources';
  sources: SourceDraft[];
  onChange(next: SourceDraft[]): void;
  problems(path: string): string | undefined;
  disabled: boolean;
}

/** External providers, tried in this order while enabled: add, remove, move up or down, enable. */
export function SourceList({ field, sources, onChange, problems, disabled }: Props) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<SourceDraft>) =>
    onChange(sources.map((source, i) => (i === index ? { ...source, ...change } : source)));
  const move = (index: number, by: number) => {
    const next = [...sources];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  };
  return (
    <FieldGroup legend={t(`config.${field}`)} problem={problems(field)}>
      {sources.length === 0 && <Typography color="text.secondary">{t('config.noSources')}</Typography>}
      {sources.map((source, i) => (
        <Box key={i} role="group" aria-label={t('config.sourceGroup', { position: i + 1 })}
          sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', md: '1fr 2fr auto auto' }, alignItems: 'start', mb: 1 }}>
          <TextField size="small" label={t('config.sourceName')} value={source.name} disabled={disabled}
            onChange={(e) => set(i, { name: e.target.value })}
            error={!!problems(`${field}[${i}].name`)} helperText={problems(`${field}[${i}].name`) ?? ' '} />
          <TextField size="small" label={t('config.sourceUrl')} value={source.url} disabled={disabled} type="url"
            onChange={(e) => set(i, { url: e.target.value })}
            error={!!problems(`${field}[${i}].url`)} helperText={problems(`${field}[${i}].url`) ?? ' '} />
          <FormControlLabel label={t('config.enabled')} disabled={disabled}
            control={<Checkbox checked={source.enabled} onChange={(e) => set(i, { enabled: e.target.checked })} />} />
          <Box sx={{ whiteSpace: 'nowrap' }}>
            <IconButton aria-label={t('config.moveUp', { name: source.name || i + 1 })} disabled={disabled || i === 0} onClick={() => move(i, -1)}><ArrowUpwardIcon /></IconButton>
            <IconButton aria-label={t('config.moveDown', { name: source.name || i + 1 })} disabled={disabled || i === sources.length - 1} onClick={() => move(i, 1)}><ArrowDownwardIcon /></IconButton>
            <IconButton aria-label={t('config.remove', { name: source.name || i + 1 })} disabled={disabled} onClick={() => onChange(sources.filter((_, j) => j !== i))}><DeleteIcon /></IconButton>
          </Box>
        </Box>
      ))}
      <Button startIcon={<AddIcon />} disabled={disabled} onClick={() => onChange([...sources, { name: '', url: 'https://', enabled: true }])}>
        {t('config.addSource')}
      </Button>
    </FieldGroup>
  );
}
