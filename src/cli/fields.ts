/**
 * The fields of a listed session, from the spec (generated/operations.ts): the CSV columns in spec
 * order, what `--fields` accepts, and the fields a server sends that the spec does not know yet,
 * which go to one `extra` column rather than being lost.
 */
import { listItemFields, listItemPaths, operationMetadata } from '../../generated/operations.js';
import { UsageError } from './usage-error.js';

const items = listItemPaths.listCheckoutSessions;

/** The spec's top-level fields of a session, in spec order: the CSV columns. */
export const specFields: readonly string[] = listItemFields.listCheckoutSessions;

/** The field whose value of the last session written is the cursor to resume from (`id`). */
export const cursorField: string = operationMetadata.listCheckoutSessions.pagination.cursorField;

/** The column of the fields the spec does not know: `extra`, or `_extra` should the spec ever name a field so. */
export const extraColumn: string = (() => {
  let name = 'extra';
  while (specFields.includes(name)) name = `_${name}`;
  return name;
})();

const known = new Set<string>(specFields);
const paths = new Set<string>([...items.paths, extraColumn]);

/** What --fields accepts: the spec's paths, a key below an object with free keys, and the extra column. */
function isField(path: string): boolean {
  return paths.has(path) || items.mapPaths.some((map) => path.startsWith(`${map}.`) && path.length > map.length + 1);
}

/** The list of valid --fields names, for an error message. */
function validFields(): string {
  return [...items.paths, ...items.mapPaths.map((map) => `${map}.<key>`), extraColumn].join(', ');
}

/** `--fields a,b.c`: the names, each a field the spec knows, or a UsageError that lists the valid ones. */
export function parseFields(text: string): string[] {
  const names = [...new Set(text.split(',').map((name) => name.trim()))].filter(Boolean);
  if (names.length === 0) throw new UsageError(`at least one field is needed; valid fields: ${validFields()}.`);
  const unknown = names.filter((name) => !isField(name));
  if (unknown.length > 0) {
    const list = unknown.map((name) => `'${name}'`).join(', ');
    throw new UsageError(`unknown field ${list}; valid fields: ${validFields()}.`);
  }
  return names;
}

/** The session's fields the spec does not know, as one object; undefined when there are none. */
function extras(session: Record<string, unknown>): Record<string, unknown> | undefined {
  const unknown = Object.entries(session).filter(([name]) => !known.has(name));
  return unknown.length ? Object.fromEntries(unknown) : undefined;
}

/**
 * A field by its path (`total_details.amount_tax` reads into nested objects), own properties only:
 * a name such as `constructor` never reaches a prototype. A null session has no fields.
 */
export function pick(session: Record<string, unknown> | null, path: string): unknown {
  if (session === null || typeof session !== 'object') return undefined;
  if (path === extraColumn) return extras(session);
  let value: unknown = session;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
