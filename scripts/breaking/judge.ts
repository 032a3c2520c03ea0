/**
 * One api-smart-diff difference, judged for the clients of the older spec and put in words. Its
 * verdict stands except where its rules do not fit OpenAPI 3.1 or this spec's promises:
 * - types are judged by the sets a schema takes, its `type` or its `anyOf`/`oneOf` branches', per
 *   direction: a response that may now carry a type it did not (`null` included: "made nullable";
 *   a `Retry-After` of seconds that may now be an HTTP date) breaks readers; a request value that
 *   no longer takes a type it took breaks senders. (It calls a changed `type` list harmless.)
 * - an `enum` is judged as a whole, per direction. In a request, one where there was none (`limit`
 *   limited to 10, 25, 50, 100) or one with a value gone breaks senders; no enum any more does not.
 *   (It judges the items one by one: a first enum was a harmless "value added".) In a response no
 *   enum change breaks readers: the spec tells clients that new values may appear, as Stripe does,
 *   and TypeScript users see them when they upgrade; fewer values break nobody.
 * - a field removed breaks clients, optional or not: in a request, what they send is no longer
 *   read; in a response, what they read is gone. (It calls both harmless, but for a response field
 *   that was required.) A field added to a request breaks them exactly when it is required.
 * - a new parameter breaks callers exactly when it is required, whatever its default. (It calls a
 *   required one with a default harmless, and names every new parameter "required".)
 * - an integer size format (`int32`) on a request value whose bounds lie within it refuses nothing
 *   new. (It calls every new request format breaking.)
 * value-sets.ts holds the rules on types, enums and formats; this file the others, and their order.
 */
import type { Diff } from 'api-smart-diff';
import { describePath, inResponse, nodeAt, type Path } from './describe.js';
import type { Json } from './resolve.js';
import { type Context, done, type Judged, listOf, onNewerSide, type Rule } from './rule.js';
import { integerSize, wholeSchemaValues } from './value-sets.js';

export type { Judged } from './rule.js';

const operation: Rule = ({ diff, path, where }) =>
  path.length === 3
    ? { breaking: diff.type === 'breaking', where: where(path), what: `operation ${done(diff.action)}`, path }
    : undefined;

const responseCode: Rule = ({ diff, path, where }) =>
  path.length === 5 && path[3] === 'responses'
    ? { breaking: diff.type === 'breaking', where: where(path), what: `response ${done(diff.action)}`, path }
    : undefined;

const parameter: Rule = ({ diff, path, before }) => {
  if (path.length !== 5 || path[3] !== 'parameters' || diff.action === 'replace') return undefined;
  const added = diff.action === 'add';
  const { in: where, name, required } = (added ? diff.after : diff.before) as Json;
  const place = `${describePath(before, path.slice(0, 3))} → ${where} ${name}`;
  if (!added) return { breaking: true, where: place, what: 'parameter removed', path };
  return {
    breaking: required === true,
    where: place,
    what: `new ${required ? 'required' : 'optional'} parameter`,
    path,
  };
};

/** A field and its place in `required`, said once: the field's own line says whether a new one is required. */
const field: Rule = ({ diff, path, before, after, where }) => {
  const named = path.at(-2) === 'required' ? (diff.after ?? diff.before) : undefined;
  if (typeof named === 'string') {
    const fieldPath = [...path.slice(0, -2), 'properties', named];
    // The field came or went with it: its own line says so.
    const other =
      diff.action === 'add' ? nodeAt(before, fieldPath) : nodeAt(after, onNewerSide(fieldPath, { before, after }));
    if (other === undefined) return null;
    const what =
      diff.action === 'add' ? 'now required' : diff.action === 'remove' ? 'no longer required' : 'required changed';
    return { breaking: diff.type === 'breaking', where: where(fieldPath), what, path };
  }
  if (path.at(-2) !== 'properties' || diff.action === 'replace') return undefined;
  if (diff.action === 'remove') return { breaking: true, where: where(path), what: 'field removed', path };
  if (inResponse(path)) return { breaking: diff.type === 'breaking', where: where(path), what: 'field added', path };
  const required = (listOf(nodeAt(after, [...path.slice(0, -2), 'required'])) ?? []).includes(path.at(-1));
  return { breaking: required, where: where(path), what: `new ${required ? 'required' : 'optional'} field`, path };
};

/** Anything else: the library's verdict, in words of the keyword that changed. */
const keyword: Rule = ({ diff, path, where }) => {
  const value = (side: unknown) =>
    side === undefined ? 'none' : typeof side === 'object' ? '{…}' : JSON.stringify(side);
  const what = `${String(path.at(-1))} ${value(diff.before)} → ${value(diff.after)}`;
  return { breaking: diff.type === 'breaking', where: where(path.slice(0, -1)), what, path };
};

const rules: Rule[] = [wholeSchemaValues, operation, responseCode, parameter, field, integerSize, keyword];

/** The verdict on diff between the resolved sides, or null when another line of the report says it. */
export function judge(diff: Diff, sides: { before: Json; after: Json }): Judged | null {
  const path = diff.path as Path;
  const where = (at: Path) => describePath(diff.action === 'add' ? sides.after : sides.before, at);
  const context: Context = { diff, path, ...sides, where };
  for (const rule of rules) {
    const judged = rule(context);
    if (judged !== undefined) return judged;
  }
  return null;
}
