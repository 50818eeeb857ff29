import { Box, Button, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { config } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Pager } from '../../components/Pager';
import { useLoad } from '../../components/useLoad';
import { useFormat } from '../../i18n/format';

import { shown as show } from './configDraft';

/** Configuration versions with who changed which field from what to what; an older one can be restored. */
export function ConfigHistory({ activeVersion, canRestore, onRestored }: { activeVersion: number; canRestore: boolean; onRestored(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const history = useLoad(() => config.history(page), [page, activeVersion]);
  const [error, setError] = useState<unknown>(null);
  const restore = async (version: number) => {
    setError(null);
    try {
      await config.restore(version);
      onRestored();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Box component="section" aria-labelledby="history-title" sx={{ mt: 4 }}>
      <Typography id="history-title" variant="h5" component="h2">{t('config.history')}</Typography>
      <ErrorAlert error={error ?? history.error} />
      <List>
        {(history.data?.results ?? []).map((entry) => (
          <ListItem key={entry.version} divider alignItems="flex-start"
            secondaryAction={canRestore && entry.version !== activeVersion
              ? <Button size="small" onClick={() => void restore(entry.version)}
                aria-label={t('config.restoreLabel', { version: entry.version })}>{t('config.restore')}</Button> : undefined}>
            <ListItemText
              primary={t('config.historyLine', { version: entry.version, action: t(`config.action.${entry.action}`, entry.action),
                user: entry.user ?? '–', at: format.dateTime(entry.created_at) })}
              secondary={entry.changes.length === 0 ? t('config.noChanges') : (
                <Box component="ul" sx={{ m: 0, pl: 2, pr: 8, overflowWrap: 'anywhere' }}>
                  {entry.changes.map((change) => (
                    <li key={change.field}><code>{change.field}</code>: {show(change.from)} → {show(change.to)}</li>
                  ))}
                </Box>
              )}
              slotProps={{ secondary: { component: 'div' } }} />
          </ListItem>
        ))}
      </List>
      <Pager count={history.data?.count ?? 0} page={page} pageSize={10} onPage={setPage} />
    </Box>
  );
}
