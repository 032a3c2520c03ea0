/**
 * A command for one call of any operation that is not a list (`sessions retrieve <id>`,
 * `sessions create --data …`): its path parameters as arguments, its query parameters as flags, its
 * body from --data; the answer as JSON, or as a table of its fields (names in full, escaped).
 */
import { engineOf } from '../client-core.js';
import type { Operation } from '../operation.js';
import { type ClientFlags, client } from './client.js';
import { looksLikeId } from './columns.js';
import { tableWidth } from './export.js';
import { keyOf } from './flags.js';
import { emit } from './output.js';
import type { Interrupt } from './signals.js';
import { createTable, tableText } from './table.js';

export interface CallFlags extends ClientFlags {
  format?: 'json' | 'table';
  query?: Record<string, string>;
  data?: unknown;
  idempotencyKey?: string;
}

export async function callOperation(
  operation: Operation,
  path: Record<string, string>,
  flags: CallFlags,
  interrupt: Interrupt,
): Promise<void> {
  const query = Object.fromEntries(
    Object.keys(operation.query)
      .map((name) => [name, (flags as unknown as Record<string, unknown>)[keyOf(name)]])
      .filter(([, value]) => value !== undefined),
  );
  const options = {
    signal: interrupt.signal,
    ...(flags.query && { query: flags.query }),
    ...(flags.idempotencyKey !== undefined && { idempotencyKey: flags.idempotencyKey }),
  };
  const args = {
    ...(Object.keys(path).length > 0 && { path }),
    ...(Object.keys(operation.query).length > 0 && { query }),
    ...(operation.body && { body: flags.data }),
  };
  const result: unknown = await engineOf(client(flags)).call(operation, args, options);
  const format = flags.format ?? (process.stdout.isTTY ? 'table' : 'json');
  if (format === 'json') return emit(`${JSON.stringify(result, null, 2)}\n`);
  // Field names come from the server too: escaped like values, and never cut; nor is an ID.
  const table = createTable({
    columns: ['field', 'value'],
    width: tableWidth(),
    neverCut: (column) => column === 'field',
    keepWhole: looksLikeId,
  });
  const fields = result !== null && typeof result === 'object' ? Object.entries(result) : [];
  await emit(table.rows(fields.map(([field, value]) => [tableText(field), tableText(value)])) + table.end());
}
