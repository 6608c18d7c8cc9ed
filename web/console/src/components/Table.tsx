// A table with one row per item under a row of column headings (th scope="col"); with `rowHeaders` each row's
// first cell is that row's heading (th scope="row"). The caption names the table to screen readers, and may be
// hidden from sight where a heading above already names it.
import type { ReactNode } from 'react';

export interface Column<R> {
  /** The column's heading; also its key, so unique within a table. */
  heading: string;
  cell: (row: R) => ReactNode;
}

export function Table<R>({
  caption,
  labelledBy,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  rowHeaders = false,
}: {
  caption?: ReactNode;
  /** The id of a heading outside the table that names it, for a table without a caption. */
  labelledBy?: string;
  captionHidden?: boolean;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowHeaders?: boolean;
}) {
  return (
    <table aria-labelledby={labelledBy}>
      {caption !== undefined && <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.heading} scope="col">
              {c.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c, i) =>
              rowHeaders && i === 0 ? (
                <th key={c.heading} scope="row">
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.heading}>{c.cell(row)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
