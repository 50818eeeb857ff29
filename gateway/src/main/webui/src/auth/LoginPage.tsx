import { Alert, Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { PageTitle } from '../components/PageTitle';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { useAuth } from './AuthContext';

/** Sign in with the gateway's token endpoint; afterwards back to the page that asked for it. */
export function LoginPage() {
  const { t } = useTranslation();
  const { user, reason, signIn } = useAuth();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user) return <Navigate to={from} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 401 ? t('auth.invalid')
        : failure instanceof ApiError ? failure.body.message : t('error.unreachable'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2, bgcolor: 'grey.100' }}>
      <Paper component="form" onSubmit={submit} sx={{ p: 4, width: '100%', maxWidth: 400 }} noValidate>
        <PageTitle title={t('auth.title')} />
        <Typography sx={{ mb: 2 }}>{t('app.title')}</Typography>
        {reason === 'expired' && <Alert severity="info" sx={{ mb: 2 }}>{t('auth.expired')}</Alert>}
        {error && <Alert severity="error" role="alert" sx={{ mb: 2 }}>{error}</Alert>}
        <TextField label={t('auth.username')} value={username} onChange={(e) => setUsername(e.target.value)}
          autoComplete="username" required fullWidth margin="normal" autoFocus />
        <TextField label={t('auth.password')} type="password" value={password}
          onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required fullWidth margin="normal" />
        <Button type="submit" variant="contained" fullWidth sx={{ mt: 2 }} disabled={busy || !username || !password}>
          {t('auth.signIn')}
        </Button>
        <Box sx={{ mt: 3 }}><LanguageSwitch /></Box>
      </Paper>
    </Box>
  );
}
