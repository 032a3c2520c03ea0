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

/**
 * An item reduced to the chosen fields, each read by its accessor, made once (absent ones as null);
 * every item as it is when no fields are chosen, and a null item as null.
 */
export function selector(target: ListTarget, fields: readonly string[] | undefined): (item: Item) => unknown {
  if (!fields) return (item) => item;
  const columns: [string, Accessor][] = fields.map((field) => [field, accessor(target, field)]);
  return (item) => {
    if (item === null) return null;
    // fromEntries, so that a field named `__proto__` stays a field.
    return Object.fromEntries(columns.map(([field, read]) => [field, read(item) ?? null]));
  };
}

/** An item as the API sent it: an object, or (from a faulty server) null. */
export type Item = Record<string, unknown> | null;

/** An item's value at a field, or undefined where it has none. */
export type Accessor = (item: Item) => unknown;

/**
 * A field's accessor, made once per column rather than per cell: a path (`total_details.amount_tax`)
 * reads into nested objects, own properties only (a name such as `constructor` never reaches a
 * prototype); the extra column gathers the fields the spec does not know, or is undefined when there
 * are none. A null item has no fields.
 */
export function accessor(target: ListTarget, path: string): Accessor {
  if (path === target.extraColumn) {
    const known = new Set(target.fields);
    return (item) => {
      if (item === null || typeof item !== 'object') return undefined;
      const unknown: [string, unknown][] = [];
      for (const name of Object.keys(item)) if (!known.has(name)) unknown.push([name, item[name]]);
      // fromEntries defines each field, so that one named `__proto__` stays a field.
      return unknown.length ? Object.fromEntries(unknown) : undefined;
    };
  }
  const keys = path.split('.');
  const [key] = keys;
  // A top-level field, as most columns are: one own property.
  if (keys.length === 1)
    return (item) => (item !== null && typeof item === 'object' && Object.hasOwn(item, key!) ? item[key!] : undefined);
  return (item) => {
    let value: unknown = item;
    for (const key of keys) {
      if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  };
}
