import type { ExportCell, ExportTable } from '../../domain/export-table';
import { formatDayInTable, formatEuro, formatNumber } from '../../i18n';

function cellText(cell: ExportCell | undefined, kind: ExportTable['columns'][number]['kind']): string {
  if (cell === undefined || cell === '') return '';
  if (typeof cell === 'number') return kind === 'euro' ? formatEuro(Math.round(cell * 100)) : formatNumber(cell);
  return kind === 'day' ? formatDayInTable(cell) : cell;
}

export interface ReportTableProps {
  table: ExportTable;
  caption: string;
  testId?: string;
}

/** A table the domain shaped (the same one a file gets), as the screen and the printed sheet show it. */
export function ReportTable({ table, caption, testId }: ReportTableProps) {
  const numeric = (index: number) => table.columns[index]?.kind === 'number' || table.columns[index]?.kind === 'euro';
  return (
    <div class="print-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="print-table report-table" data-testid={testId}>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>{table.columns.map((column, index) => <th key={index} scope="col" class={numeric(index) ? 'col-figure' : undefined}>{column.header}</th>)}</tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {table.columns.map((column, index) => (
                <td key={index} class={numeric(index) ? 'col-figure' : undefined}>{cellText(row[index], column.kind)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
