import { Alert, AlertTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** A failed call said plainly: a refusal for the role (403) in words, the server's message otherwise. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const title = api?.status === 403 ? t('error.forbidden') : api?.status === 409 ? t('error.conflict')
    : api && api.status >= 500 ? t('error.server') : t('error.failed');
  return (
    <Alert severity="error" role="alert" sx={{ my: 2 }}>
      <AlertTitle>{title}</AlertTitle>
      {api ? api.body.message : error instanceof Error ? error.message : String(error)}
      {api?.body.request_id && <div><small>{t('error.requestId', { id: api.body.request_id })}</small></div>}
    </Alert>
  );
}
