/**
 * The table format: columns laid out once, from the header and the first page, to fit the terminal.
 * Columns that must never be cut (IDs, to copy into `retrieve` or `--starting-after`, and numbers)
 * keep their width; the others share what is left and show a cut with `…`. Every cell is
 * escaped for the terminal and measured in terminal cells.
 */

import { showControlChars as escapeControl } from '../control-chars.js';
import { cellWidth, padCells, truncateCells } from './cell-width.js';

/** Two spaces between columns; a cut column keeps at least four cells (`abc…`). */
const gap = 2;
const minimumWidth = 4;

export interface TableLayout {
  /** The column names, in order. */
  columns: readonly string[];
  /** The terminal's width in cells. */
  width: number;
  /** Whether a column is never cut, given its cells on the first page. */
  neverCut(column: string, cells: readonly string[]): boolean;
  /** Whether a cell stays whole even in a column that is cut (an ID in `retrieve`'s value column). */
  keepWhole?(cell: string): boolean;
}

/** A value as one line of terminal-safe text: `—` for none, objects as JSON. */
export function tableText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return escapeControl(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/**
 * The widths of the columns, from the header and the first page. Each column first gets what shows
 * its cells whole, its header cut to no less than `abc…`; if that is too wide, the cuttable columns
 * are narrowed to a common cap (never below `abc…`). Room left goes back to cut cells first, then
 * to cut headers. Columns that are never cut keep their widest cell, even past the terminal's width.
 */
export function columnWidths(
  { columns, width }: TableLayout,
  rows: readonly (readonly string[])[],
  fixed: readonly boolean[],
): number[] {
  const headers = columns.map((column) => cellWidth(escapeControl(column)));
  const values = columns.map((_, i) => Math.max(0, ...rows.map((row) => cellWidth(row[i]!))));
  const whole = values.map((cells, i) => Math.max(cells, Math.min(headers[i]!, minimumWidth)));
  const budget = width - gap * (columns.length - 1);
  const used = (cap: number) => whole.reduce((sum, cells, i) => sum + (fixed[i] ? cells : Math.min(cells, cap)), 0);
  let cap = Math.max(minimumWidth, ...whole);
  while (cap > minimumWidth && used(cap) > budget) cap--;
  const widths = whole.map((cells, i) => (fixed[i] ? cells : Math.min(cells, cap)));
  let spare = budget - used(cap);
  for (const wanted of [whole, whole.map((cells, i) => Math.max(cells, headers[i]!))]) {
    widths.forEach((cells, i) => {
      const more = Math.max(0, Math.min(spare, wanted[i]! - cells));
      widths[i] = cells + more;
      spare -= more;
    });
  }
  return widths;
}

/** One row: each cell cut to its column (unless whole is true of it), padded, the last one without trailing spaces. */
export function tableRow(
  cells: readonly string[],
  widths: readonly number[],
  whole: (cell: string, column: number) => boolean,
): string {
  const shown = cells.map((cell, i) => padCells(whole(cell, i) ? cell : truncateCells(cell, widths[i]!), widths[i]!));
  return `${shown.join(' '.repeat(gap)).trimEnd()}\n`;
}

/** Lays the table out on the first rows it is given, then writes every row to that layout. */
export function createTable(layout: TableLayout) {
  let widths: number[] | undefined;
  let fixed: boolean[] = [];
  const start = (rows: string[][]): string => {
    fixed = layout.columns.map((column, i) =>
      layout.neverCut(
        column,
        rows.map((row) => row[i]!),
      ),
    );
    widths = columnWidths(layout, rows, fixed);
    // Headers are cut like any cell.
    return tableRow(layout.columns.map(escapeControl), widths, () => false);
  };
  return {
    rows(rows: string[][]): string {
      const header = widths ? '' : start(rows);
      const whole = (cell: string, column: number) => fixed[column]! || layout.keepWhole?.(cell) === true;
      return header + rows.map((row) => tableRow(row, widths!, whole)).join('');
    },
    end: (): string => (widths ? '' : start([])),
  };
}
