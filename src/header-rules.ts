/** The headers a caller may send: any but the key's and those that frame the message. */
import { ValidationError } from './errors.js';
import { checkPlainObject, describeValue } from './validation.js';

// Headers that say how the message is framed or carried: sent by a caller, node:http would pass a
// `Content-Length: 10` on a GET and wait for a body that never comes (then time out, and retry).
const framing = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'host',
  'expect',
]);

const padding = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * A header value as fetch sends it, without its surrounding whitespace (a value read from a file
 * ends in a line break): node:http would refuse a trailing CR or LF.
 */
export const sentValue = (value: string): string => value.replace(padding, '');

/**
 * Throws a ValidationError unless headers are a plain object of strings that leave `Authorization`
 * and the message's framing alone.
 */
export function checkHeaders(param: string, headers: unknown): void {
  checkPlainObject(param, headers);
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (name.toLowerCase() === 'authorization') {
      throw new ValidationError(
        param,
        'headers other than Authorization (the client sends your key itself)',
        `got ${name}`,
      );
    }
    if (framing.has(name.toLowerCase())) {
      const why = 'headers other than those that frame the message (the transport sets them)';
      throw new ValidationError(param, why, `got ${name}`);
    }
    if (typeof value !== 'string') throw new ValidationError(`${param}.${name}`, 'a string', describeValue(value));
    // Surrounding whitespace is dropped when sent (sentValue); a line break or NUL inside would end the header.
    if (/[\r\n\0]/.test(sentValue(value))) {
      const what = 'a header value on one line: no CR, LF or NUL inside it';
      throw new ValidationError(`${param}.${name}`, what, 'got a value that has one (not shown)');
    }
  }
}
