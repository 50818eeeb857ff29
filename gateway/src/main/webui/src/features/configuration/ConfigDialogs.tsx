import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, List, ListItem, ListItemText } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ConfigImportResult } from '../../api/types';

import { shown as show } from './configDraft';

/** Someone saved first: which fields they changed, and the choice to load theirs or put the user's edits on top. */
export function ConflictDialog({ fields, by, onReload, onReapply, onClose }: {
  fields: string[]; by: string | null; onReload(): void; onReapply(): void; onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} aria-labelledby="conflict-title" fullWidth maxWidth="sm">
      <DialogTitle id="conflict-title">{t('config.conflict.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('config.conflict.text', { user: by ?? '–' })}</DialogContentText>
        <List dense>{fields.map((field) => <ListItem key={field}><ListItemText primary={<code>{field}</code>} /></ListItem>)}</List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onReload}>{t('config.conflict.reload')}</Button>
        <Button variant="contained" onClick={onReapply}>{t('config.conflict.reapply')}</Button>
      </DialogActions>
    </Dialog>
  );
}

/** An import's dry run: what it would change; nothing is saved until Apply. */
export function ImportPreviewDialog({ preview, onApply, onClose }: { preview: ConfigImportResult; onApply(): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} aria-labelledby="import-title" fullWidth maxWidth="sm">
      <DialogTitle id="import-title">{t('config.import.title')}</DialogTitle>
      <DialogContent>
        {preview.changes.length === 0 ? <Alert severity="info">{t('config.import.nothing')}</Alert> : (
          <List dense>
            {preview.changes.map((change) => (
              <ListItem key={change.field}><ListItemText primary={<code>{change.field}</code>}
                secondary={`${show(change.from)} → ${show(change.to)}`} sx={{ overflowWrap: 'anywhere' }} /></ListItem>
            ))}
          </List>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('action.cancel')}</Button>
        <Button variant="contained" onClick={onApply} disabled={preview.changes.length === 0}>{t('config.import.apply')}</Button>
      </DialogActions>
    </Dialog>
  );
}

export function ResetDialog({ onReset, onClose }: { onReset(): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} aria-labelledby="reset-title">
      <DialogTitle id="reset-title">{t('config.reset.title')}</DialogTitle>
      <DialogContent><DialogContentText>{t('config.reset.text')}</DialogContentText></DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('action.cancel')}</Button>
        <Button variant="contained" color="warning" onClick={onReset}>{t('config.reset.confirm')}</Button>
      </DialogActions>
    </Dialog>
  );
}
