import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface Column {
  header: string;
  /** Numbers align right so digits line up. */
  numeric?: boolean;
}

export interface Row {
  key: string;
  /** The row's header cell (first column). */
  header: ComponentChildren;
  cells: ComponentChildren[];
  class?: string;
}

export interface DataTableProps {
  caption: string;
  /** The caption is read by screen readers but not shown, when a heading above says the same. */
  hideCaption?: boolean;
  columns: Column[];
  rows: Row[];
  foot?: Omit<Row, 'key'>;
  /** Wide tables scroll sideways on a phone inside a focusable region. */
  scroll?: boolean;
  testId?: string;
}

/** A table of figures: row headers, numeric columns aligned, an optional totals row. */
export function DataTable({ caption, hideCaption, columns, rows, foot, scroll, testId }: DataTableProps) {
  const captionId = useId();
  const cellClass = (index: number) => (columns[index + 1]?.numeric ? 'num' : undefined);
  const headerClass = columns[0]?.numeric ? 'num' : undefined;
  const table = (
    <table class="data-table" data-testid={testId}>
      <caption id={captionId} class={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => <th key={column.header} scope="col" class={column.numeric ? 'num' : undefined}>{column.header}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} class={row.class}>
            <th scope="row" class={headerClass}>{row.header}</th>
            {row.cells.map((cell, index) => <td key={index} class={cellClass(index)}>{cell}</td>)}
          </tr>
        ))}
      </tbody>
      {foot && (
        <tfoot>
          <tr class={foot.class}>
            <th scope="row">{foot.header}</th>
            {foot.cells.map((cell, index) => <td key={index} class={cellClass(index)}>{cell}</td>)}
          </tr>
        </tfoot>
      )}
    </table>
  );
  if (!scroll) return table;
  return (
    // A region that scrolls must be reachable by keyboard, so it takes focus.
    <div class="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>{table}</div>
  );
}
