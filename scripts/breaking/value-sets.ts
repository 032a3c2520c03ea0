/**
 * Rules on what values a schema takes, judged as a whole and per direction: its types (its own
 * `type`, or those of its `anyOf`/`oneOf` branches), its enum, and integer size formats. In a
 * response, what clients may receive growing breaks them; in a request, what they may send shrinking.
 */
import { describePath, inResponse, nodeAt } from './describe.js';
import type { Json } from './resolve.js';
import { listOf, onNewerSide, type Rule } from './rule.js';

const everyType = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** The JSON types a schema takes (undefined: any): its `type`, or the union of its `anyOf`/`oneOf` branches'. */
export function typesOf(schema: unknown): string[] | undefined {
  if (!isObject(schema)) return undefined;
  if (schema.type !== undefined) return listOf(schema.type)!.map(String);
  const branches = schema.anyOf ?? schema.oneOf;
  if (!Array.isArray(branches)) return undefined;
  const each = branches.map(typesOf);
  return each.every((types) => types !== undefined) ? [...new Set(each.flat() as string[])] : undefined;
}

/** The types of from that to does not take (`number` takes `integer`). */
const beyond = (from: string[] | undefined, to: string[] | undefined) =>
  (from ?? everyType).filter(
    (type) => !(to ?? everyType).includes(type) && !(type === 'integer' && to?.includes('number')),
  );

const show = (values: unknown[] | undefined) => values?.map((value) => JSON.stringify(value)).join(' | ') ?? 'any';

/** A `type`, `anyOf`/`oneOf` or `enum` change, judged once for the whole schema, whichever of its items the diff named. */
export const wholeSchemaValues: Rule = (context) => {
  const { path, before, after } = context;
  const word = (['type', 'anyOf', 'oneOf', 'enum'] as const).find((key) => path.lastIndexOf(key) >= path.length - 2);
  if (!word) return undefined;
  const schemaPath = path.slice(0, path.lastIndexOf(word));
  const [old, now] = [nodeAt(before, schemaPath), nodeAt(after, onNewerSide(schemaPath, context))];
  const response = inResponse(path);
  const where = describePath(before, schemaPath);
  if (word !== 'enum') {
    const [was, is] = [typesOf(old), typesOf(now)];
    // A response that may now carry a type it did not (null included: "made nullable") breaks readers;
    // a request value that no longer takes a type it took breaks senders.
    const breaking = response ? beyond(is, was).length > 0 : beyond(was, is).length > 0;
    return { breaking, where, what: `type ${show(was)} → ${show(is)}`, path };
  }
  const [was, is] = [listOf((old as Json | undefined)?.enum), listOf((now as Json | undefined)?.enum)];
  const gained = (is ?? []).filter((value) => !was?.includes(value));
  const lost = (was ?? []).filter((value) => !is?.includes(value));
  const note = response && gained.length && was ? ' (clients are told new values may appear)' : '';
  const breaking = !response && is !== undefined && (was === undefined || lost.length > 0);
  return { breaking, where, what: `values ${show(was)} → ${show(is)}${note}`, path };
};

const sizes: Record<string, [number, number]> = { int32: [-(2 ** 31), 2 ** 31 - 1], int64: [-(2 ** 63), 2 ** 63 - 1] };

/** An integer size format (`int32`, `int64`) on a request value whose bounds already lie within it refuses nothing new. */
export const integerSize: Rule = ({ diff, path, before, after, where }) => {
  const size = sizes[String(diff.after)];
  if (path.at(-1) !== 'format' || inResponse(path) || !size) return undefined;
  const { minimum, maximum } = (nodeAt(after, onNewerSide(path.slice(0, -1), { before, after })) ?? {}) as Json;
  if (typeof minimum !== 'number' || typeof maximum !== 'number' || minimum < size[0] || maximum > size[1])
    return undefined;
  const was = diff.before === undefined ? 'none' : JSON.stringify(diff.before);
  const what = `format ${was} → "${diff.after}" (its bounds ${minimum} to ${maximum} lie within)`;
  return { breaking: false, where: where(path.slice(0, -1)), what, path };
};
