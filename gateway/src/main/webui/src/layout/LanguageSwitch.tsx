import { MenuItem, Select, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

/**
 * The language, switchable at any time (kept for the next visit). In the app bar a compact select named for screen
 * readers (a floating label would sit on the bar's colour); elsewhere a labelled field.
 */
export function LanguageSwitch({ inBar = false }: { inBar?: boolean }) {
  const { t, i18n } = useTranslation();
  const value = i18n.resolvedLanguage ?? 'en';
  const change = (language: string) => void i18n.changeLanguage(language);
  const options = LANGUAGES.map((language) => (
    <MenuItem key={language} value={language} lang={language}>{t(`language.${language}`)}</MenuItem>
  ));
  if (inBar) {
    return (
      <Select size="small" value={value} onChange={(event) => change(event.target.value)}
        inputProps={{ 'aria-label': t('app.language') }} sx={{ bgcolor: 'background.paper', minWidth: 110 }}>
        {options}
      </Select>
    );
  }
  return (
    <TextField select size="small" label={t('app.language')} value={value} onChange={(event) => change(event.target.value)}
      sx={{ minWidth: 140 }}>
      {options}
    </TextField>
  );
}
