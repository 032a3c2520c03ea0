/** The headers a status fault sends, checked when it is queued: names HTTP can carry, values it can send. */

// RFC 9110 §5.1 (token) and §5.5 (field-value: visible ASCII, space, tab and obs-text, i.e. Latin-1).
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const notFieldText = /[^\t\x20-\x7e\x80-\xff]/;
// Set by the server from the body it sends: a fault's own value would cut or hang the answer.
const framing = ['content-length', 'transfer-encoding'];

/** A value as a message shows it: `the string '1'`, `the number 1.5`, `an array`. */
export function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Why text cannot be a header value, or undefined when it can. */
function unsendable(text: unknown): string | undefined {
  if (typeof text !== 'string') return `got ${shown(text)}`;
  const found = notFieldText.exec(text);
  if (!found) return undefined;
  const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const what = found[0] === '\r' ? 'CR' : found[0] === '\n' ? 'LF' : JSON.stringify(found[0]);
  return `${what} (U+${code}) at index ${found.index} cannot be sent: percent-encode it, or use ASCII`;
}

/** The headers of a status fault: its own, then retryAfter, retryAfterMs and shouldRetry, each checked. */
export function statusHeaders(fault: Record<string, unknown>): Record<string, string> {
  const { headers = {}, retryAfter, retryAfterMs, shouldRetry } = fault;
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw new TypeError(
      `headers must be an object of header names to strings, such as { location: '/' }; got ${shown(headers)}.`,
    );
  }
  const sent: Record<string, string> = {};
  const add = (name: string, value: string, from: string) => {
    const same = Object.keys(sent).find((other) => other.toLowerCase() === name.toLowerCase());
    if (same)
      throw new TypeError(`Fault header ${name} is given twice (${same} in headers, and ${from}): give it once.`);
    sent[name] = value;
  };
  for (const [name, value] of Object.entries(headers)) {
    if (!token.test(name)) {
      throw new TypeError(
        `Fault header name ${JSON.stringify(name)} is not an HTTP token: use letters, digits and !#$%&'*+-.^_\`|~, no spaces.`,
      );
    }
    if (framing.includes(name.toLowerCase()))
      throw new TypeError(`Fault header ${name} is set by the fake server from the body: leave it out.`);
    const why = unsendable(value);
    if (why) throw new TypeError(`Fault header ${name} must be a one-line string of visible ASCII or Latin-1; ${why}.`);
    add(name, value as string, `headers.${name}`);
  }
  if (retryAfter !== undefined) {
    const seconds = typeof retryAfter === 'number' && Number.isSafeInteger(retryAfter) && retryAfter >= 0;
    const why =
      typeof retryAfter === 'number' ? (seconds ? undefined : `got ${shown(retryAfter)}`) : unsendable(retryAfter);
    if (why) {
      throw new TypeError(
        `retryAfter must be whole seconds ≥ 0 or an HTTP date such as 'Wed, 21 Oct 2026 07:28:00 GMT' (RFC 9110); ${why}. For a wait under a second, use retryAfterMs.`,
      );
    }
    add('retry-after', String(retryAfter), 'retryAfter');
  }
  if (retryAfterMs !== undefined) {
    if (!(typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs >= 0)) {
      throw new TypeError(`retryAfterMs must be a finite number of milliseconds ≥ 0; got ${shown(retryAfterMs)}.`);
    }
    add('retry-after-ms', String(retryAfterMs), 'retryAfterMs');
  }
  if (shouldRetry !== undefined) {
    if (typeof shouldRetry !== 'boolean')
      throw new TypeError(`shouldRetry must be true or false; got ${shown(shouldRetry)}.`);
    add('x-should-retry', String(shouldRetry), 'shouldRetry');
  }
  return sent;
}
