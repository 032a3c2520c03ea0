/**
 * A list operation as the CLI exports it, from the spec alone (generated/): its rules and paging,
 * what it lists in the command's words, its items' fields and paths, the table's default columns,
 * and the column for fields the spec does not know yet.
 */
import { catalog } from '../../generated/catalog.js';
import { listItemFields, listItemPaths, operationMetadata } from '../../generated/operations.js';
import type { Operation, Pagination } from '../operation.js';

export interface ListTarget {
  operation: Operation;
  paging: Pagination;
  /** What the list holds, as its command names it: `sessions` for `sessions list`. */
  noun: string;
  /** The items' top-level fields, in spec order: the CSV columns. */
  fields: readonly string[];
  /** Every path into an item (`total_details.amount_tax`), top-level fields included. */
  paths: readonly string[];
  /** The paths of objects whose keys are free (`metadata`): any key below them is a path too. */
  mapPaths: readonly string[];
  /** The table's columns without --fields: the list's `x-cli-columns`, else its first six fields. */
  tableFields: readonly string[];
  /** The column of the fields the spec does not know: `extra`, or `_extra` should the spec name a field so. */
  extraColumn: string;
}

type Entry = { command: readonly string[]; columns?: readonly string[] };

/** The list operation of the spec with this operationId, as the CLI exports it. */
export function listTarget(id: string): ListTarget {
  const operation = (operationMetadata as Record<string, Operation>)[id]!;
  const fields = (listItemFields as Record<string, readonly string[]>)[id]!;
  const { paths, mapPaths } = (
    listItemPaths as Record<string, { paths: readonly string[]; mapPaths: readonly string[] }>
  )[id]!;
  const entry = (catalog as Record<string, Entry>)[id]!;
  let extraColumn = 'extra';
  while (fields.includes(extraColumn)) extraColumn = `_${extraColumn}`;
  return {
    operation,
    paging: operation.pagination!,
    noun: entry.command.length > 1 ? entry.command[0]! : 'items',
    fields,
    paths,
    mapPaths,
    tableFields: (entry.columns ?? fields.slice(0, 6)).filter((field) => paths.includes(field)),
    extraColumn,
  };
}

/** The item field whose value of the last item written is the cursor to resume from, for a cursor list. */
export const cursorFieldOf = ({ paging }: ListTarget) => (paging.style === 'cursor' ? paging.cursorField : undefined);
