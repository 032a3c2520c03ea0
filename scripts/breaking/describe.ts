/** How check:breaking names a difference: where a client meets it, and why it breaks that client. */
import type { Json } from './resolve.js';

export type Path = (string | number)[];

/** The node at path in a document whose `$ref`s are resolved. */
export function nodeAt(document: Json, path: Path): unknown {
  let node: unknown = document;
  for (const key of path) node = (node as Record<string | number, unknown> | null | undefined)?.[key];
  return node;
}

/** Whether a path into paths/ lies in a response (what clients read) rather than a request (what they send). */
export const inResponse = (path: Path) => path.includes('responses');

/**
 * `GET /checkout/sessions → 200 → data[] → locale` for a path into paths/ of document (resolved):
 * parameters by where they go and their name (`query limit`), a request body as `request body`,
 * array items as `[]`; content types and `schema` are left out.
 */
export function describePath(document: Json, path: Path): string {
  const [, route, method, ...rest] = path;
  const parts = [`${String(method).toUpperCase()} ${route}`];
  for (let i = 0; i < rest.length; i++) {
    const key = rest[i];
    if (key === 'responses') parts.push(String(rest[++i]));
    else if (key === 'parameters') {
      const parameter = nodeAt(document, path.slice(0, 3 + ++i + 1)) as { in?: string; name?: string } | undefined;
      parts.push(parameter?.name ? `${parameter.in} ${parameter.name}` : `parameter #${Number(rest[i]) + 1}`);
    } else if (key === 'requestBody') parts.push('request body');
    else if (key === 'properties') parts.push(String(rest[++i]));
    else if (key === 'items') parts[parts.length - 1] += '[]';
    else if (key === 'oneOf' || key === 'anyOf' || key === 'allOf') i++;
    else if (key === 'content') i++;
    else if (key !== 'schema') parts.push(String(key));
  }
  return parts.join(' → ');
}

/** Why a breaking change breaks, in the words of a client's failure. */
export function reason(path: Path, action: string): string {
  const last = String(path.at(-1));
  const bound = /^(minimum|maximum|minLength|maxLength|minItems|maxItems|pattern|exclusive)/.test(last);
  if (inResponse(path)) {
    if (bound) return 'clients may now receive a value outside the bounds they were promised';
    if (path.at(-2) === 'required' || last === 'required') return 'a field clients rely on may now be absent';
    if (path.includes('type')) return 'clients may now receive a value of a type they do not expect';
    if (action === 'remove' && path.at(-2) === 'responses') return 'clients that handle this status lose it';
    if (action === 'remove') return 'clients that read it find it gone';
    return 'clients parsing the response may fail';
  }
  if (path.length <= 3) return 'calls to this operation fail';
  if (last === 'required' || path.at(-2) === 'required') return 'calls that leave it out are now refused';
  if (path.includes('enum')) return 'values clients send may now be refused';
  if (path.includes('type')) return 'values clients send may now be of a type it refuses';
  if (bound) return 'values clients send may now be out of bounds';
  if (action === 'remove' && path.at(-2) === 'properties') return 'a field clients send is no longer read';
  if (action === 'remove' && path.at(-2) === 'parameters') return 'a parameter clients send is no longer read';
  if (action === 'add' && ['properties', 'parameters'].includes(String(path.at(-2))))
    return 'calls that leave it out are now refused';
  if (last === 'format') return 'values clients send may now be refused';
  return 'requests clients send today may be refused or misread';
}
