/**
 * Why a fault could not be played, found when it is queued: a TypeError that says what is wrong
 * and what to write instead, rather than a crash (or a silent typo) when a request meets it.
 */
import { closestName } from '../suggest.js';
import { shown, statusHeaders } from './fault-headers.js';
import type { PlayableFault } from './faults.js';
import { errorBody } from './routes.js';

// Statuses whose answers HTTP forbids a body: no content, reset content, not modified.
const bodiless = [204, 205, 304];
const options: Record<string, readonly string[]> = {
  status: ['type', 'status', 'retryAfter', 'retryAfterMs', 'shouldRetry', 'headers', 'body'],
  reset: ['type'],
  slow: ['type', 'delayMs'],
};

// setTimeout fires at once past this (with a warning), which would not be slow at all.
const longestDelayMs = 2_147_483_647;

function checkKeys(fault: object, type: string): void {
  const known = options[type]!;
  for (const key of Object.keys(fault)) {
    if (known.includes(key)) continue;
    const closest = closestName(key, known);
    const hint = closest ? ` Did you mean ${closest}?` : '';
    throw new TypeError(
      `A ${type} fault has no option ${JSON.stringify(key)}.${hint} Its options: ${known.join(', ')}.`,
    );
  }
}

/** The body of a status fault as sent: text as is, anything else as JSON, serialized now. */
function statusBody(status: number, body: unknown): { text: string; type: string } {
  if (bodiless.includes(status)) {
    if (body !== undefined && body !== '')
      throw new TypeError(`A ${status} answer has no body (RFC 9110): leave body out.`);
    return { text: '', type: '' };
  }
  if (typeof body === 'string') return { text: body, type: 'text/plain' };
  if (body === undefined) {
    if (status < 300)
      throw new TypeError(
        `A status fault of ${status} needs a body: the error body the fake server makes up is for errors.`,
      );
    const type = status >= 500 ? 'api_error' : 'invalid_request_error';
    body = errorBody(type, `Scripted fault: the fake server answered ${status}.`);
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    throw new TypeError(
      `The fault's body cannot be sent as JSON (${(error as Error).message}); give a string to send text as is.`,
    );
  }
  if (text === undefined)
    throw new TypeError(
      `The fault's body cannot be sent as JSON: JSON has no ${typeof body}; give a string or an object.`,
    );
  return { text, type: 'application/json' };
}

/** The fault as the server plays it; a TypeError that says why when it could not be played. */
export function playable(fault: unknown, index?: number): PlayableFault {
  try {
    if (typeof fault !== 'object' || fault === null || Array.isArray(fault)) {
      const list = Array.isArray(fault) ? ': pass faults as arguments, fault(a, b), not as an array' : '';
      throw new TypeError(
        `A fault must be an object such as { type: 'status', status: 503 }; got ${shown(fault)}${list}.`,
      );
    }
    const record = fault as Record<string, unknown>;
    const type = record.type;
    if (typeof type !== 'string' || !Object.hasOwn(options, type)) {
      const closest = typeof type === 'string' ? closestName(type, Object.keys(options)) : undefined;
      const hint = closest ? ` Did you mean '${closest}'?` : '';
      throw new TypeError(`Unknown fault type ${JSON.stringify(type)}: use 'status', 'reset' or 'slow'.${hint}`);
    }
    checkKeys(record, type);
    if (type === 'reset') return { type: 'reset' };
    if (type === 'slow') {
      const { delayMs } = record;
      if (!(typeof delayMs === 'number' && delayMs >= 0 && delayMs <= longestDelayMs)) {
        throw new TypeError(`A slow fault needs delayMs ≥ 0 (at most ${longestDelayMs}); got ${shown(delayMs)}.`);
      }
      return { type: 'slow', delayMs };
    }
    const { status } = record;
    if (!(typeof status === 'number' && Number.isInteger(status) && status >= 200 && status <= 599)) {
      throw new TypeError(`A status fault needs an HTTP status from 200 to 599; got ${String(status)}.`);
    }
    return { type: 'status', status, headers: statusHeaders(record), body: statusBody(status, record.body) };
  } catch (error) {
    if (index !== undefined && error instanceof TypeError) error.message = `Fault ${index + 1}: ${error.message}`;
    throw error;
  }
}
