/**
 * The table format: columns laid out once, from the header and the first page, to fit the terminal.
 * Columns that must never be cut (IDs, to copy into `retrieve` or `--starting-after`) keep their
 * width; the others share what is left, widest first, and show a cut with `…`. Every cell is
 * escaped for the terminal and measured in terminal cells.
 */
import { cellWidth, padCells, truncateCells } from './cell-width.js';
import { escapeControl } from './terminal-text.js';

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
}

/** A value as one line of terminal-safe text: `—` for none, objects as JSON. */
export function tableText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return escapeControl(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/**
 * The widths of the columns: each as wide as its widest cell on the first page (or its header),
 * the cuttable ones narrowed to a common cap so that the row fits width, leftover cells given back.
 */
export function columnWidths(
  { columns, width }: TableLayout,
  rows: readonly (readonly string[])[],
  fixed: readonly boolean[],
): number[] {
  const natural = columns.map((column, i) =>
    Math.max(cellWidth(escapeControl(column)), ...rows.map((row) => cellWidth(row[i]!))),
  );
  const budget =
    width - gap * (columns.length - 1) - natural.reduce((sum, cells, i) => sum + (fixed[i] ? cells : 0), 0);
  const cuttable = natural.filter((_, i) => !fixed[i]);
  const fits = (cap: number) => cuttable.reduce((sum, cells) => sum + Math.min(cells, cap), 0) <= budget;
  let cap = Math.max(minimumWidth, ...cuttable);
  while (cap > minimumWidth && !fits(cap)) cap--;
  let spare = budget - cuttable.reduce((sum, cells) => sum + Math.min(cells, cap), 0);
  return natural.map((cells, i) => {
    if (fixed[i] || cells <= cap) return cells;
    const extra = Math.max(0, Math.min(spare, cells - cap));
    spare -= extra;
    return cap + extra;
  });
}

/** One row: each cell cut to its column, padded, the last one without trailing spaces. */
export function tableRow(cells: readonly string[], widths: readonly number[], fixed: readonly boolean[]): string {
  const shown = cells.map((cell, i) => padCells(fixed[i] ? cell : truncateCells(cell, widths[i]!), widths[i]!));
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
    return tableRow(layout.columns.map(escapeControl), widths, fixed);
  };
  return {
    rows(rows: string[][]): string {
      const header = widths ? '' : start(rows);
      return header + rows.map((row) => tableRow(row, widths!, fixed)).join('');
    },
    end: (): string => (widths ? '' : start([])),
  };
}
