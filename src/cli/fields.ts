/**
 * The fields of a listed item, from the spec (generated/): what `--fields` accepts, and the fields a
 * server sends that the spec does not know yet, which go to one extra column rather than being lost.
 */
import type { ListTarget } from './list-target.js';
import { UsageError } from './usage-error.js';

/** What --fields accepts: the spec's paths, a key below an object with free keys, and the extra column. */
function isField(target: ListTarget, path: string): boolean {
  if (path === target.extraColumn || target.paths.includes(path)) return true;
  return target.mapPaths.some((map) => path.startsWith(`${map}.`) && path.length > map.length + 1);
}

/** The list of valid --fields names, for an error message. */
function validFields(target: ListTarget): string {
  return [...target.paths, ...target.mapPaths.map((map) => `${map}.<key>`), target.extraColumn].join(', ');
}

/** `--fields a,b.c`: the names, each a field the spec knows, or a UsageError that lists the valid ones. */
export function parseFields(target: ListTarget, text: string): string[] {
  const names = [...new Set(text.split(',').map((name) => name.trim()))].filter(Boolean);
  if (names.length === 0) throw new UsageError(`at least one field is needed; valid fields: ${validFields(target)}.`);
  const unknown = names.filter((name) => !isField(target, name));
  if (unknown.length > 0) {
    const list = unknown.map((name) => `'${name}'`).join(', ');
    throw new UsageError(`unknown field ${list}; valid fields: ${validFields(target)}.`);
  }
  return names;
}

/** The item's fields the spec does not know, as one object; undefined when there are none. */
function extras(target: ListTarget, item: Record<string, unknown>): Record<string, unknown> | undefined {
  const unknown = Object.entries(item).filter(([name]) => !target.fields.includes(name));
  return unknown.length ? Object.fromEntries(unknown) : undefined;
}

/**
 * A field by its path (`total_details.amount_tax` reads into nested objects), own properties only:
 * a name such as `constructor` never reaches a prototype. A null item has no fields.
 */
export function pick(target: ListTarget, item: Record<string, unknown> | null, path: string): unknown {
  if (item === null || typeof item !== 'object') return undefined;
  if (path === target.extraColumn) return extras(target, item);
  let value: unknown = item;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
