import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import {
  Alert, Box, Button, Checkbox, FormControlLabel, LinearProgress, MenuItem, TextField, Typography,
} from '@mui/material';
import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldGroup } from '../../components/FieldGroup';
import { ApiError } from '../../api/client';
import { config } from '../../api/endpoints';
import type { ConfigExport, ConfigImportResult, Configuration } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { AggregationRulesFields } from './AggregationRulesFields';
import { CompanyPrefixList } from './CompanyPrefixList';
import { ConfigHistory } from './ConfigHistory';
import { ConflictDialog, ImportPreviewDialog, ResetDialog } from './ConfigDialogs';
import { differences, reapply, toDocument, toDraft, type ConfigDraft } from './configDraft';
import { SourceList } from './SourceList';

/** The Configuration tab (FR-001): every setting, saved as a new version; history, restore, export and import. */
export function ConfigurationPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const readOnly = !can('configure');
  const [active, setActive] = useState<Configuration | null>(null);
  const [draft, setDraft] = useState<ConfigDraft | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Configuration | null>(null);
  const [preview, setPreview] = useState<{ file: ConfigExport; result: ConfigImportResult } | null>(null);
  const [resetting, setResetting] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = async (keepDraft = false) => {
    try {
      const current = await config.active();
      setActive(current);
      if (!keepDraft) setDraft(toDraft(current));
      return current;
    } catch (failure) {
      setError(failure);
      return null;
    }
  };
  useEffect(() => {
    void load();
  }, []);

  if (!draft || !active) return error ? <ErrorAlert error={error} /> : <LinearProgress aria-label={t('app.loading')} />;

  const server = error instanceof ApiError ? error : null;
  const problems = (path: string) => server?.field(path).join(' ') || undefined;
  const changed = differences(toDocument(toDraft(active)), toDocument(draft)).length > 0;

  const save = async (basedOn: number, document = toDocument(draft)) => {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const next = await config.save(document, basedOn);
      setActive(next);
      setDraft(toDraft(next));
      setSaved(t('config.saved', { version: next.version }));
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409 && failure.body.current) {
        setConflict(failure.body.current as Configuration);
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };
  const afterChange = async (message: string) => {
    const next = await load();
    if (next) setSaved(t(message, { version: next.version }));
  };
  const chooseImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    try {
      const parsed = JSON.parse(await file.text()) as ConfigExport;
      setPreview({ file: parsed, result: await config.import(parsed, true) });
    } catch (failure) {
      setError(failure instanceof SyntaxError ? new Error(t('config.import.notJson')) : failure);
    }
  };
  const run = async (action: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await action();
      await afterChange(message);
    } catch (failure) {
      setError(failure);
    }
  };
  const set = <K extends keyof ConfigDraft>(key: K) => (value: ConfigDraft[K]) => setDraft({ ...draft, [key]: value });
  const numberField = (key: 'manufacturing_percentage' | 'discrepancy_tolerance' | 'pool_exhaustion_warning_percent') => (
    <TextField label={t(`config.${key}`)} value={draft[key]} disabled={readOnly} name={key} inputMode="decimal"
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      error={!!problems(key)} helperText={problems(key) ?? t(`config.help.${key}`)}
      slotProps={{ input: { endAdornment: <span aria-hidden="true">%</span> } }} />
  );

  return (
    <>
      <PageTitle title={t('nav.configuration')} actions={<>
        <Button startIcon={<DownloadIcon />} onClick={() => void config.export().catch(setError)}>{t('action.export')}</Button>
        {!readOnly && <Button component="label" startIcon={<UploadIcon />}>
          {t('action.import')}<input type="file" accept="application/json,.json" hidden onChange={chooseImport} />
        </Button>}
      </>} />
      <Typography sx={{ mb: 2 }} color="text.secondary">
        {t('config.version', { version: active.version, user: active.created_by ?? '–' })}
      </Typography>
      {readOnly && <Alert severity="info" sx={{ mb: 2 }}>{t('config.readOnly')}</Alert>}
      {saved && <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setSaved(null)}>{saved}</Alert>}
      {server?.status === 400 && <Alert severity="error" role="alert" sx={{ mb: 2 }}>{t('config.invalid')}</Alert>}
      {server?.status !== 400 && <ErrorAlert error={error} />}
      <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(active.version); }} sx={{ display: 'grid', gap: 2 }}>
        <SourceList field="serial_sources" sources={draft.serial_sources} onChange={set('serial_sources')} problems={problems} disabled={readOnly} />
        <FormControlLabel label={t('config.builtin_serial_generator')} disabled={readOnly}
          control={<Checkbox checked={draft.builtin_serial_generator} onChange={(e) => setDraft({ ...draft, builtin_serial_generator: e.target.checked })} />} />
        {problems('builtin_serial_generator') && <Typography color="error">{problems('builtin_serial_generator')}</Typography>}
        <SourceList field="sscc_sources" sources={draft.sscc_sources} onChange={set('sscc_sources')} problems={problems} disabled={readOnly} />
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr 1fr' } }}>
          {numberField('manufacturing_percentage')}
          {numberField('discrepancy_tolerance')}
          {numberField('pool_exhaustion_warning_percent')}
        </Box>
        <AggregationRulesFields rules={draft.aggregation_rules} onChange={set('aggregation_rules')} problems={problems} disabled={readOnly} />
        <CompanyPrefixList prefixes={draft.gs1_company_prefixes} onChange={set('gs1_company_prefixes')} problems={problems} disabled={readOnly} />
        <FieldGroup legend={t('config.serialFormat')} problem={problems('serial_format')}>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' } }}>
            <TextField size="small" label={t('config.length')} value={draft.serial_format.length} disabled={readOnly} inputMode="numeric"
              onChange={(e) => setDraft({ ...draft, serial_format: { ...draft.serial_format, length: e.target.value } })}
              error={!!problems('serial_format.length')} helperText={problems('serial_format.length') ?? ' '} />
            <TextField size="small" select label={t('config.alphabet')} value={draft.serial_format.alphabet} disabled={readOnly}
              onChange={(e) => setDraft({ ...draft, serial_format: { ...draft.serial_format, alphabet: e.target.value as ConfigDraft['serial_format']['alphabet'] } })}
              error={!!problems('serial_format.alphabet')} helperText={problems('serial_format.alphabet') ?? ' '}>
              {(['numeric', 'alphanumeric_upper', 'alphanumeric_safe', 'cs82'] as const).map((a) => <MenuItem key={a} value={a}>{t(`config.alphabets.${a}`)}</MenuItem>)}
            </TextField>
            <TextField size="small" select label={t('config.mode')} value={draft.serial_format.mode} disabled={readOnly}
              onChange={(e) => setDraft({ ...draft, serial_format: { ...draft.serial_format, mode: e.target.value as ConfigDraft['serial_format']['mode'] } })}
              error={!!problems('serial_format.mode')} helperText={problems('serial_format.mode') ?? ' '}>
              {(['randomised', 'sequential'] as const).map((m) => <MenuItem key={m} value={m}>{t(`config.modes.${m}`)}</MenuItem>)}
            </TextField>
            <TextField size="small" label={t('config.expectedVolume')} value={draft.serial_format.expected_volume_per_gtin} disabled={readOnly}
              inputMode="numeric"
              onChange={(e) => setDraft({ ...draft, serial_format: { ...draft.serial_format, expected_volume_per_gtin: e.target.value } })}
              error={!!problems('serial_format.expected_volume_per_gtin')} helperText={problems('serial_format.expected_volume_per_gtin') ?? ' '} />
          </Box>
        </FieldGroup>
        {!readOnly && (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, position: 'sticky', bottom: 0, bgcolor: 'background.default', py: 1 }}>
            <Button type="submit" variant="contained" disabled={busy || !changed}>{t('action.save')}</Button>
            <Button disabled={!changed} onClick={() => { setDraft(toDraft(active)); setError(null); }}>{t('action.cancel')}</Button>
            <Button color="warning" onClick={() => setResetting(true)}>{t('config.reset.button')}</Button>
          </Box>
        )}
      </Box>
      <ConfigHistory activeVersion={active.version} canRestore={!readOnly} onRestored={() => void afterChange('config.restored')} />
      {conflict && (
        <ConflictDialog fields={differences(toDocument(toDraft(active)), toDocument(toDraft(conflict)))} by={conflict.created_by}
          onClose={() => setConflict(null)}
          onReload={() => { setConflict(null); setActive(conflict); setDraft(toDraft(conflict)); }}
          onReapply={() => {
            const merged = reapply(toDocument(toDraft(active)), toDocument(draft), toDocument(toDraft(conflict)));
            setConflict(null);
            setActive(conflict);
            setDraft(toDraft(merged));
            void save(conflict.version, merged);
          }} />
      )}
      {preview && (
        <ImportPreviewDialog preview={preview.result} onClose={() => setPreview(null)}
          onApply={() => { const file = preview.file; setPreview(null); void run(() => config.import(file, false), 'config.imported'); }} />
      )}
      {resetting && <ResetDialog onClose={() => setResetting(false)}
        onReset={() => { setResetting(false); void run(() => config.reset(), 'config.resetDone'); }} />}
    </>
  );
}
