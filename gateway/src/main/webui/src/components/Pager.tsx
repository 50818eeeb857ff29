import { TablePagination } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

interface Props {
  count: number;
  /** 1-based, as the API counts pages */
  page: number;
  pageSize: number;
  sizes?: number[];
  onPage(page: number, pageSize: number): void;
}

/** Paging of a server-paged list, in the user's language and number format. */
export function Pager({ count, page, pageSize, sizes = [pageSize], onPage }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TablePagination component="div" count={count} page={page - 1} rowsPerPage={pageSize} rowsPerPageOptions={sizes}
      onPageChange={(_, next) => onPage(next + 1, pageSize)}
      onRowsPerPageChange={(event) => onPage(1, Number(event.target.value))}
      labelRowsPerPage={t('table.rowsPerPage')}
      labelDisplayedRows={({ from, to, count: all }) => t('table.displayedRows', {
        from: format.number(from), to: format.number(to), count: format.number(all) })}
      getItemAriaLabel={(type) => t(`table.${type}Page`)} />
  );
}
