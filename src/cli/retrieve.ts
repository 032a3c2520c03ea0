/** `sessions retrieve <id>`: one session, as JSON, or as a table of its fields (names in full, escaped). */
import { type ClientFlags, client } from './client.js';
import { tableWidth } from './export.js';
import { emit } from './output.js';
import { looksLikeId } from './session-table.js';
import type { Interrupt } from './signals.js';
import { createTable, tableText } from './table.js';

export interface RetrieveFlags extends ClientFlags {
  format?: 'json' | 'table';
  query?: Record<string, string>;
}

export async function retrieveSession(id: string, flags: RetrieveFlags, interrupt: Interrupt): Promise<void> {
  const options = { signal: interrupt.signal, ...(flags.query && { query: flags.query }) };
  const session: unknown = await client(flags).checkout.sessions.retrieve(id, options);
  const format = flags.format ?? (process.stdout.isTTY ? 'table' : 'json');
  if (format === 'json') return emit(`${JSON.stringify(session, null, 2)}\n`);
  // Field names come from the server too: escaped like values, and never cut; nor is an ID.
  const table = createTable({
    columns: ['field', 'value'],
    width: tableWidth(),
    neverCut: (column) => column === 'field',
    keepWhole: looksLikeId,
  });
  const fields = session !== null && typeof session === 'object' ? Object.entries(session) : [];
  await emit(table.rows(fields.map(([field, value]) => [tableText(field), tableText(value)])) + table.end());
}
