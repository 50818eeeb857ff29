import { Box, Button, MenuItem, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { AuditFilter } from '../../api/endpoints';
import { AUDIT_OUTCOMES, AUDIT_SERVICES } from './auditNames';

type Draft = Required<{ [K in keyof AuditFilter]: string }>;

const EMPTY: Draft = {
  service: '', actor: '', action: '', entity_type: '', entity_id: '', outcome: '', request_id: '', from: '', to: '',
};

/** A `datetime-local` value (the user's own time) as the instant the API takes; blank stays blank. */
function instant(local: string): string | undefined {
  if (!local) return undefined;
  const at = new Date(local);
  // an unreadable date goes to the server as written: its 400 names the field
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
}

export function toFilter(draft: Draft): AuditFilter {
  const text = (value: string) => value.trim() || undefined;
  return {
    service: (draft.service || undefined) as AuditFilter['service'],
    outcome: (draft.outcome || undefined) as AuditFilter['outcome'],
    actor: text(draft.actor), action: text(draft.action), entity_type: text(draft.entity_type),
    entity_id: text(draft.entity_id), request_id: text(draft.request_id),
    from: instant(draft.from), to: instant(draft.to),
  };
}

/**
 * The trail's filters. They apply when the user asks (Enter in any field, or Show entries), not at each keystroke:
 * the trail is read from every service at once.
 */
export function AuditFilters({ error, onApply }: { error: unknown; onApply(filter: AuditFilter): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const refused = error instanceof ApiError && error.status === 400 ? error : null;
  const field = (name: keyof Draft, label: string, type = 'text') => {
    const problems = refused?.field(name) ?? [];
    return (
      <TextField size="small" type={type} label={label} name={name} value={draft[name]}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
        error={problems.length > 0} helperText={problems.join(' ') || undefined}
        slotProps={type === 'datetime-local' ? { inputLabel: { shrink: true } } : undefined} />
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(toFilter(draft));
  };
  return (
    <Box component="form" role="search" aria-label={t('audit.filter.label')} onSubmit={submit} noValidate
      sx={{ display: 'grid', gap: 1.5, mb: 2, gridTemplateColumns: {
        xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))', lg: 'repeat(4, minmax(0, 1fr))' } }}>
      <TextField size="small" select label={t('audit.filter.service')} value={draft.service}
        onChange={(event) => setDraft({ ...draft, service: event.target.value })}>
        <MenuItem value="">{t('audit.filter.anyService')}</MenuItem>
        {AUDIT_SERVICES.map((service) => <MenuItem key={service} value={service}>{t(`audit.service.${service}`)}</MenuItem>)}
      </TextField>
      <TextField size="small" select label={t('audit.filter.outcome')} value={draft.outcome}
        onChange={(event) => setDraft({ ...draft, outcome: event.target.value })}>
        <MenuItem value="">{t('audit.filter.anyOutcome')}</MenuItem>
        {AUDIT_OUTCOMES.map((outcome) => <MenuItem key={outcome} value={outcome}>{t(`audit.outcome.${outcome}`)}</MenuItem>)}
      </TextField>
      {field('actor', t('audit.filter.actor'))}
      {field('action', t('audit.filter.action'))}
      {field('entity_type', t('audit.filter.entityType'))}
      {field('entity_id', t('audit.filter.entityId'))}
      {field('request_id', t('audit.filter.requestId'))}
      {field('from', t('audit.filter.from'), 'datetime-local')}
      {field('to', t('audit.filter.to'), 'datetime-local')}
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', gridColumn: { sm: 'span 1', lg: 'span 3' } }}>
        <Button type="submit" variant="contained">{t('audit.filter.show')}</Button>
        <Button onClick={() => { setDraft(EMPTY); onApply({}); }}>{t('audit.filter.clear')}</Button>
      </Box>
    </Box>
  );
}
