import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, MenuItem, TextField, Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { recipes } from '../../api/endpoints';
import type { Recipe, RecipeLevel, RecipeRequest } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { gtinProblem } from '../workorders/gtin';

const NAMES = ['unit', 'bundle', 'case', 'pallet'];

function blank(): RecipeRequest {
  return {
    gtin: '', variant: 'default', effective_from: new Date().toISOString().slice(0, 10),
    levels: [{ level: 1, name: 'unit', children_per_parent: null, identified_by: 'sgtin', gtin: null }],
  };
}

/** Create a recipe or change one (a new version): levels L1–L4, each with its count of the level below. */
export function RecipeEditor({ recipe, onClose, onSaved }: { recipe: Recipe | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<RecipeRequest>(() => recipe
    ? { gtin: recipe.gtin, variant: recipe.variant, effective_from: new Date().toISOString().slice(0, 10), levels: recipe.levels }
    : blank());
  const [error, setError] = useState<unknown>(null);
  const server = error instanceof ApiError ? error : null;
  const gtin = draft.gtin ? gtinProblem(draft.gtin) : 'length';

  const setLevel = (index: number, change: Partial<RecipeLevel>) =>
    setDraft({ ...draft, levels: draft.levels.map((level, i) => (i === index ? { ...level, ...change } : level)) });
  const addLevel = () => setDraft({ ...draft, levels: [...draft.levels, {
    level: draft.levels.length + 1, name: NAMES[draft.levels.length], children_per_parent: 10,
    identified_by: draft.levels.length >= 2 ? 'sscc' : 'sgtin', gtin: null }] });
  const removeLevel = () => setDraft({ ...draft, levels: draft.levels.slice(0, -1) });

  const save = async () => {
    setError(null);
    try {
      const body = { ...draft, levels: draft.levels.map((level, i) => ({ ...level, level: i + 1,
        children_per_parent: i === 0 ? null : Number(level.children_per_parent),
        gtin: level.identified_by === 'sgtin' && i > 0 ? level.gtin : null })) };
      if (recipe) await recipes.update(recipe.id, body, recipe.version);
      else await recipes.create(body);
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  };
  const fieldError = (name: string) => server?.field(name)[0];

  return (
    <Dialog open onClose={onClose} aria-labelledby="recipe-title" fullWidth maxWidth="md">
      <DialogTitle id="recipe-title">{recipe ? t('recipes.editTitle', { gtin: recipe.gtin }) : t('recipes.newTitle')}</DialogTitle>
      <DialogContent>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr 1fr' }, mt: 1 }}>
          <TextField label={t('recipes.field.gtin')} value={draft.gtin} disabled={!!recipe}
            onChange={(e) => setDraft({ ...draft, gtin: e.target.value })}
            error={(!!draft.gtin && !!gtin) || !!fieldError('gtin')}
            helperText={fieldError('gtin') ?? (draft.gtin && gtin ? t(`workOrderForm.problem.gtin.${gtin}`) : ' ')} />
          <TextField label={t('recipes.field.variant')} value={draft.variant} disabled={!!recipe}
            onChange={(e) => setDraft({ ...draft, variant: e.target.value })}
            error={!!fieldError('variant')} helperText={fieldError('variant') ?? ' '} />
          <TextField label={t('recipes.field.effectiveFrom')} type="date" value={draft.effective_from}
            onChange={(e) => setDraft({ ...draft, effective_from: e.target.value })} slotProps={{ inputLabel: { shrink: true } }}
            error={!!fieldError('effective_from')} helperText={fieldError('effective_from') ?? ' '} />
        </Box>
        <Typography variant="h6" component="h3" sx={{ mt: 1 }}>{t('recipes.levels')}</Typography>
        {draft.levels.map((level, i) => (
          <Box key={i} role="group" aria-label={t('recipes.levelGroup', { level: i + 1 })}
            sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', sm: '60px 1fr 1fr 1fr 1fr' }, alignItems: 'start', mb: 1 }}>
            <Typography sx={{ pt: 1 }}>L{i + 1}</Typography>
            <TextField size="small" label={t('recipes.field.name')} value={level.name}
              onChange={(e) => setLevel(i, { name: e.target.value })}
              error={!!fieldError(`levels[${i}].name`)} helperText={fieldError(`levels[${i}].name`) ?? ' '} />
            <TextField size="small" label={t('recipes.field.childrenPerParent')} disabled={i === 0}
              value={i === 0 ? '' : String(level.children_per_parent ?? '')}
              onChange={(e) => setLevel(i, { children_per_parent: Number(e.target.value) })} inputMode="numeric"
              error={!!fieldError(`levels[${i}].children_per_parent`)} helperText={fieldError(`levels[${i}].children_per_parent`) ?? ' '} />
            <TextField size="small" select label={t('recipes.field.identifiedBy')} value={level.identified_by} disabled={i === 0}
              onChange={(e) => setLevel(i, { identified_by: e.target.value })}>
              <MenuItem value="sgtin">{t('breakdown.identifiedBy.sgtin')}</MenuItem>
              <MenuItem value="sscc">{t('breakdown.identifiedBy.sscc')}</MenuItem>
            </TextField>
            <TextField size="small" label={t('recipes.field.levelGtin')} value={level.gtin ?? ''}
              disabled={i === 0 || level.identified_by !== 'sgtin'} onChange={(e) => setLevel(i, { gtin: e.target.value })}
              error={!!fieldError(`levels[${i}].gtin`)} helperText={fieldError(`levels[${i}].gtin`) ?? ' '} />
          </Box>
        ))}
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button startIcon={<AddIcon />} onClick={addLevel} disabled={draft.levels.length >= 4}>{t('recipes.addLevel')}</Button>
          <IconButton aria-label={t('recipes.removeLevel')} onClick={removeLevel} disabled={draft.levels.length <= 1}><DeleteIcon /></IconButton>
        </Box>
        <ErrorAlert error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('action.cancel')}</Button>
        <Button variant="contained" onClick={save}>{t('action.save')}</Button>
      </DialogActions>
    </Dialog>
  );
}
