/**
 * How the CLI writes a list's items: one writer per format, each fed page by page and closed once, so
 * that a stream of millions stays in constant memory and what was written is valid at any stop.
 */
import { type CsvOptions, csvRow } from './csv.js';
import { pick } from './fields.js';
import type { ListTarget } from './list-target.js';
import { createTable, tableText } from './table.js';

export type Format = 'table' | 'json' | 'jsonl' | 'csv';
export const formats: readonly Format[] = ['table', 'json', 'jsonl', 'csv'];

/** An item as the API sent it: an object, or (from a faulty server) null. */
export type Item = Record<string, unknown> | null;

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

/** An item reduced to the chosen fields, each by its path (absent ones as null). */
function selector(target: ListTarget, fields: readonly string[] | undefined): (item: Item) => unknown {
  if (!fields) return (item) => item;
  return (item) =>
    item === null ? null : Object.fromEntries(fields.map((field) => [field, pick(target, item, field) ?? null]));
}

/** A writer for a format. */
export function createWriter(options: WriterOptions): Writer {
  const { format, fields, target } = options;
  const select = selector(target, fields);
  const cell = (item: Item, field: string) => pick(target, item, field);
  if (format === 'jsonl') {
    return { rows: (items) => items.map((item) => `${JSON.stringify(select(item))}\n`).join(''), end: () => '' };
  }
  if (format === 'json') {
    let count = 0;
    return {
      rows: (items) =>
        items.map((item) => `${count++ === 0 ? '[\n' : ',\n'}  ${JSON.stringify(select(item))}`).join(''),
      end: () => (count === 0 ? '[]\n' : '\n]\n'),
    };
  }
  if (format === 'csv') {
    // The spec's fields, known before any row: every export has every column, whatever its first session holds.
    const columns = fields ?? [...target.fields, target.extraColumn];
    let started = false;
    const header = () => {
      if (started) return '';
      started = true;
      return csvRow(columns, options);
    };
    return {
      rows: (items) =>
        header() +
        items
          .map((item) =>
            csvRow(
              columns.map((field) => cell(item, field)),
              options,
            ),
          )
          .join(''),
      end: header,
    };
  }
  const columns = fields ?? options.tableFields;
  const table = createTable({ columns, width: options.width, neverCut: options.neverCut });
  return {
    rows: (items) => table.rows(items.map((item) => columns.map((field) => tableText(cell(item, field))))),
    end: () => table.end(),
  };
}
