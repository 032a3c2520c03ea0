/**
 * Which differences between two bundled specs break the clients of the older one. api-smart-diff
 * finds and classifies the differences; three of its verdicts are corrected, because it reads
 * OpenAPI 3.0 and this spec is 3.1:
 * - a `type` list that changes is judged by the sets of types, per direction: a response that may
 *   now carry a type it did not (`null` included: "made nullable") breaks readers; a request
 *   parameter that no longer takes a type it took breaks senders. (It calls both non-breaking.)
 * - a new value in a response enum is not breaking: the spec tells clients that new fields and
 *   values may appear, as Stripe does, and TypeScript users see it when they upgrade.
 * - `components/` entries are left out: every one of them is reported again, resolved, under the
 *   operations that use it, which is where a client meets it.
 */
import { apiCompare } from 'api-smart-diff';

export type Json = Record<string, unknown>;

export interface Change {
  breaking: boolean;
  /** Where, as a client meets it: `GET /checkout/sessions → 200 → data[] → locale`. */
  where: string;
  /** What changed, in words. */
  what: string;
  /** Why it breaks the clients of the older spec (breaking changes only). */
  why?: string;
}

/** Follows a JSON path through a document, resolving each `$ref` met on the way. */
function at(document: Json, path: (string | number)[]): unknown {
  let node: unknown = document;
  for (const key of path) {
    for (let ref = (node as Json | null)?.$ref; typeof ref === 'string'; ref = (node as Json | null)?.$ref) {
      node = at(
        document,
        ref
          .replace(/^#\//, '')
          .split('/')
          .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~')),
      );
    }
    node = (node as Record<string | number, unknown> | null | undefined)?.[key];
  }
  return node;
}

const types = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];

/** `GET /checkout/sessions → 200 → data[] → locale` for a path into paths/. */
function describePath(path: (string | number)[]): string {
  const [, route, method, ...rest] = path;
  const parts = [`${String(method).toUpperCase()} ${route}`];
  for (let i = 0; i < rest.length; i++) {
    const key = rest[i];
    if (key === 'responses') parts.push(String(rest[++i]));
    else if (key === 'parameters') parts.push(`parameter #${Number(rest[++i]) + 1}`);
    else if (key === 'properties') parts.push(String(rest[++i]));
    else if (key === 'items') parts[parts.length - 1] += '[]';
    else if (key === 'content' || key === 'schema') i += key === 'content' ? 1 : 0;
    else parts.push(String(key));
  }
  return parts.join(' → ');
}

const inResponse = (path: (string | number)[]) => path.includes('responses');

/** Every difference between before and after that a client of before could notice, classified. */
export function classify(before: Json, after: Json): Change[] {
  const { diffs } = apiCompare(before, after);
  const changes = new Map<string, Change>();
  for (const diff of diffs) {
    const path = diff.path;
    if (path[0] !== 'paths' || diff.type === 'annotation') continue;
    const typeAt = path.lastIndexOf('type');
    let breaking = diff.type === 'breaking';
    let what = diff.description ?? `${diff.action} ${path.at(-1)}`;
    let where = describePath(path);
    if (typeAt !== -1 && typeAt >= path.length - 2) {
      // Judge the whole type list, once per schema, whichever of its items the diff named.
      const schemaPath = path.slice(0, typeAt);
      const old = types(at(before, [...schemaPath, 'type']));
      const now = types(at(after, [...schemaPath, 'type']));
      const gained = now.filter((type) => !old.includes(type));
      const lost = old.filter((type) => !now.includes(type));
      breaking = inResponse(path) ? gained.length > 0 : lost.length > 0;
      where = describePath(schemaPath);
      what = `type ${old.join(' | ') || 'any'} → ${now.join(' | ') || 'any'}`;
    } else if (inResponse(path) && path.at(-2) === 'enum' && diff.action === 'add') {
      breaking = false;
      what = `new value ${JSON.stringify(diff.after)} (clients are told new values may appear)`;
    }
    const why = breaking ? reason(path, diff.action, inResponse(path)) : undefined;
    changes.set(`${where}|${what}`, { breaking, where, what, ...(why && { why }) });
  }
  return [...changes.values()];
}

/** Why a breaking change breaks, in the words of a client's failure. */
function reason(path: (string | number)[], action: string, response: boolean): string {
  const last = String(path.at(-1));
  if (response) {
    if (path.at(-2) === 'required' || last === 'required') return 'a field clients rely on may now be absent';
    if (path.includes('type')) return 'clients may now receive a value of a type they do not expect';
    if (action === 'remove' && path.at(-2) === 'responses') return 'clients that handle this status lose it';
    if (action === 'remove') return 'clients that read it find it gone';
    return 'clients parsing the response may fail';
  }
  if (path.length <= 3) return 'calls to this operation fail';
  if (last === 'required') return 'calls that leave it out are now refused';
  if (path.at(-2) === 'enum' || last === 'enum') return 'values clients send may now be refused';
  if (/^(minimum|maximum|minLength|maxLength|pattern|exclusive)/.test(last))
    return 'values clients send may now be out of bounds';
  return 'requests clients send today may be refused or misread';
}
