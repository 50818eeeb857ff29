import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import {
  Alert, Box, Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, List,
  ListItem, ListItemText, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField,
  Typography,
} from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recipes } from '../../api/endpoints';
import type { Breakdown, Recipe } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Pager } from '../../components/Pager';
import { PageTitle } from '../../components/PageTitle';
import { useLoad } from '../../components/useLoad';
import { useFormat } from '../../i18n/format';
import { BreakdownPicture } from './BreakdownPicture';
import { RecipeEditor } from './RecipeEditor';

/** Packaging recipes (FR-004): list and search, create and change, versions, import/export, and the breakdown. */
export function RecipesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const list = useLoad(() => recipes.list(search, page), [search, page]);
  const [editing, setEditing] = useState<Recipe | 'new' | null>(null);
  const [versionsOf, setVersionsOf] = useState<Recipe | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    try {
      const report = await recipes.import(await file.text()) as Record<string, unknown>;
      setNotice(t('recipes.imported', { summary: JSON.stringify(report) }));
      void list.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <PageTitle title={t('nav.recipes')} actions={<>
        <Button startIcon={<DownloadIcon />} onClick={() => void recipes.export().catch(setError)}>{t('action.export')}</Button>
        {can('configure') && <Button component="label" startIcon={<UploadIcon />}>
          {t('action.import')}<input type="file" accept=".csv,text/csv" hidden onChange={upload} />
        </Button>}
        {can('configure') && <Button variant="contained" onClick={() => setEditing('new')}>{t('recipes.new')}</Button>}
      </>} />
      {notice && <Alert severity="success" role="status" onClose={() => setNotice(null)} sx={{ mb: 2, wordBreak: 'break-word' }}>{notice}</Alert>}
      <ErrorAlert error={error ?? list.error} />
      <TextField type="search" size="small" label={t('recipes.search')} value={search}
        onChange={(e) => { setSearch(e.target.value); setPage(1); }} sx={{ mb: 2, minWidth: 280 }} />
      {list.loading && <LinearProgress aria-label={t('app.loading')} />}
      <TableContainer>
        <Table size="small" aria-label={t('nav.recipes')}>
          <TableHead><TableRow>
            <TableCell>{t('recipes.field.gtin')}</TableCell><TableCell>{t('recipes.field.variant')}</TableCell>
            <TableCell>{t('recipes.levels')}</TableCell><TableCell align="right">{t('recipes.version')}</TableCell>
            <TableCell>{t('recipes.field.effectiveFrom')}</TableCell><TableCell>{t('recipes.changed')}</TableCell>
            <TableCell>{t('workOrders.column.actions')}</TableCell>
          </TableRow></TableHead>
          <TableBody>
            {(list.data?.results ?? []).map((recipe) => (
              <TableRow key={recipe.id}>
                <TableCell>{recipe.gtin}</TableCell><TableCell>{recipe.variant}</TableCell>
                <TableCell>{recipe.levels.map((level) => level.name + (level.children_per_parent ? ` ×${level.children_per_parent}` : '')).join(' → ')}</TableCell>
                <TableCell align="right">{recipe.version}</TableCell>
                <TableCell>{format.date(recipe.effective_from)}</TableCell>
                <TableCell>{recipe.changed_by ?? ''} {format.dateTime(recipe.changed_at)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {can('configure') && <Button size="small" onClick={() => setEditing(recipe)}
                    aria-label={t('recipes.editLabel', { gtin: recipe.gtin, variant: recipe.variant })}>{t('action.edit')}</Button>}
                  <Button size="small" onClick={() => setVersionsOf(recipe)}
                    aria-label={t('recipes.versionsLabel', { gtin: recipe.gtin, variant: recipe.variant })}>{t('recipes.versions')}</Button>
                </TableCell>
              </TableRow>
            ))}
            {list.data?.results.length === 0 && <TableRow><TableCell colSpan={7}>{t('recipes.empty')}</TableCell></TableRow>}
          </TableBody>
        </Table>
      </TableContainer>
      <Pager count={list.data?.count ?? 0} page={page} pageSize={20} onPage={setPage} />
      <BreakdownCalculator />
      {editing && <RecipeEditor recipe={editing === 'new' ? null : editing} onClose={() => setEditing(null)}
        onSaved={() => { setEditing(null); setNotice(t('recipes.saved')); void list.reload(); }} />}
      {versionsOf && <RecipeVersions recipe={versionsOf} onClose={() => setVersionsOf(null)} />}
    </>
  );
}

function RecipeVersions({ recipe, onClose }: { recipe: Recipe; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useLoad(() => recipes.versions(recipe.id), [recipe.id]);
  return (
    <Dialog open onClose={onClose} aria-labelledby="versions-title" fullWidth maxWidth="sm">
      <DialogTitle id="versions-title">{t('recipes.versionsTitle', { gtin: recipe.gtin, variant: recipe.variant })}</DialogTitle>
      <DialogContent>
        <ErrorAlert error={versions.error} />
        <List>
          {(versions.data?.results ?? []).map((version) => (
            <ListItem key={version.version} divider>
              <ListItemText primary={t('recipes.versionLine', { version: version.version, from: format.date(version.effective_from) })}
                secondary={`${version.levels.map((level) => level.name + (level.children_per_parent ? ` ×${level.children_per_parent}` : '')).join(' → ')}${version.deleted ? ' · ' + t('recipes.deleted') : ''} · ${version.changed_by ?? ''} ${format.dateTime(version.changed_at)}`} />
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions><Button onClick={onClose}>{t('action.close')}</Button></DialogActions>
    </Dialog>
  );
}

function BreakdownCalculator() {
  const { t } = useTranslation();
  const [gtin, setGtin] = useState('');
  const [quantity, setQuantity] = useState('1000');
  const [result, setResult] = useState<Breakdown | null>(null);
  const [error, setError] = useState<unknown>(null);
  const calculate = async () => {
    setError(null);
    try {
      setResult(await recipes.calculate(gtin.trim(), Number(quantity)));
    } catch (failure) {
      setResult(null);
      setError(failure);
    }
  };
  return (
    <Card component="section" aria-labelledby="calculator-title" sx={{ mt: 3 }}><CardContent>
      <Typography id="calculator-title" variant="h5" component="h2" gutterBottom>{t('breakdown.title')}</Typography>
      <Box component="form" onSubmit={(e) => { e.preventDefault(); void calculate(); }}
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
        <TextField size="small" label={t('recipes.field.gtin')} value={gtin} onChange={(e) => setGtin(e.target.value)}
          helperText={t('breakdown.gtinHelp')} />
        <TextField size="small" label={t('details.quantity')} value={quantity} onChange={(e) => setQuantity(e.target.value)} inputMode="numeric" />
        <Box><Button type="submit" variant="contained">{t('breakdown.calculate')}</Button></Box>
      </Box>
      <ErrorAlert error={error} />
      {result && <BreakdownPicture breakdown={result} />}
    </CardContent></Card>
  );
}
