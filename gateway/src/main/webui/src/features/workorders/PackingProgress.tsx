import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PackingTree } from '../../api/types';
import { useFormat } from '../../i18n/format';

/**
 * How far the packaging line has recorded its packing, level by level: of each container level, how many containers
 * hold something (of those the breakdown plans) and how many children went into them.
 */
export function PackingProgress({ tree }: { tree: PackingTree }) {
  const { t } = useTranslation();
  const format = useFormat();
  const containers = tree.levels.slice(1);
  if (containers.length === 0) return null;
  return (
    <section aria-labelledby="packing-progress-title">
      <Typography id="packing-progress-title" variant="h5" component="h2" gutterBottom>{t('packing.title')}</Typography>
      <TableContainer>
        <Table size="small" aria-labelledby="packing-progress-title">
          <TableHead><TableRow>
            <TableCell>{t('packing.level')}</TableCell>
            <TableCell align="right">{t('packing.packedContainers')}</TableCell>
            <TableCell align="right">{t('packing.packedChildren')}</TableCell>
            <TableCell align="right">{t('packing.capacity')}</TableCell>
          </TableRow></TableHead>
          <TableBody>
            {containers.map((level) => (
              <TableRow key={level.level}>
                <TableCell>{`${level.level.toUpperCase()} ${level.name} · ${level.identified_by.toUpperCase()}`}</TableCell>
                <TableCell align="right">
                  {t('packing.ofPlanned', { packed: format.number(level.packed_containers), planned: format.number(level.containers) })}
                </TableCell>
                <TableCell align="right">{format.number(level.packed_children)}</TableCell>
                <TableCell align="right">{format.number(level.children_per_container)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </section>
  );
}
