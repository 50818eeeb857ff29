import { useTranslation } from 'react-i18next';

/** Numbers and dates in the user's language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return {
    number: (value: number | null | undefined) => (value == null ? '–' : new Intl.NumberFormat(locale).format(value)),
    percent: (value: number | null | undefined) =>
      value == null ? '–' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value) + ' %',
    dateTime: (value: string | null | undefined) =>
      value ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) : '–',
    date: (value: string | null | undefined) =>
      value ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(value)) : '–',
  };
}
