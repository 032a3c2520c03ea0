/**
 * How the CLI writes a list's items: one writer per format, each fed page by page and closed once, so
 * that a stream of millions stays in constant memory and what was written is valid at any stop.
 */
import { type CsvOptions, csvCell, csvRow } from './csv.js';
import { accessor, type Item, selector } from './fields.js';
import type { ListTarget } from './list-target.js';
import { createTable, tableText } from './table.js';

export type Format = 'table' | 'json' | 'jsonl' | 'csv';
export const formats: readonly Format[] = ['table', 'json', 'jsonl', 'csv'];

export type { Item };

export interface Writer {
  /** Text for a page's worth of items. */
  rows(sessions: readonly Item[]): string;
  /** Text that closes the output (CSV's header and JSON's `[` when no row came, JSON's `]`). */
  end(): string;
}

export interface WriterOptions extends CsvOptions {
  format: Format;
  /** The list whose items are written: its fields, paths and extra column. */
  target: ListTarget;
  /** The columns (csv, table) or keys (json, jsonl) to keep; csv defaults to every spec field, table to a few. */
  fields?: readonly string[] | undefined;
  /** The table's columns without --fields. */
  tableFields: readonly string[];
  /** The terminal's width in cells, for the table. */
  width: number;
  /** Whether a table column is never cut. */
  neverCut(column: string, cells: readonly string[]): boolean;
}

/** Each item's line, joined: a page's worth of text, for one write. */
function lines(items: readonly Item[], line: (item: Item) => string): string {
  let text = '';
  for (const item of items) text += line(item);
  return text;
}

/** A writer for a format. */
export function createWriter(options: WriterOptions): Writer {
  const { format, fields, target } = options;
  const select = selector(target, fields);
  if (format === 'jsonl') {
    return { rows: (items) => lines(items, (item) => `${JSON.stringify(select(item))}\n`), end: () => '' };
  }
  if (format === 'json') {
    let count = 0;
    return {
      rows: (items) => lines(items, (item) => `${count++ === 0 ? '[\n' : ',\n'}  ${JSON.stringify(select(item))}`),
      end: () => (count === 0 ? '[]\n' : '\n]\n'),
    };
  }
  const columns = fields ?? (format === 'csv' ? [...target.fields, target.extraColumn] : options.tableFields);
  // Each column's accessor, made once: a cell is read without splitting its path again.
  const cells = columns.map((field) => accessor(target, field));
  if (format === 'csv') {
    // The spec's fields, known before any row: every export has every column, whatever its first session holds.
    let started = false;
    const header = () => {
      if (started) return '';
      started = true;
      return csvRow(columns, options);
    };
    const row = (item: Item) => {
      let line = '';
      for (let i = 0; i < cells.length; i++) {
        const cell = csvCell(cells[i]!(item), options);
        line += i ? `,${cell}` : cell;
      }
      return `${line}\r\n`;
    };
    return { rows: (items) => header() + lines(items, row), end: header };
  }
  const table = createTable({ columns, width: options.width, neverCut: options.neverCut });
  return {
    rows: (items) => table.rows(items.map((item) => cells.map((read) => tableText(read(item))))),
    end: () => table.end(),
  };
}
