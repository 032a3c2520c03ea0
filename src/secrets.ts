/**
 * The API key's safety net. Keys are checked once, when a client is made, and then registered
 * here so that every error the SDK builds can have them blanked out, whatever text reached it.
 */

// Visible ASCII only: HTTP headers cannot carry the rest unchanged (fetch strips surrounding
// whitespace, throws on control characters, re-encodes Latin-1) and no real key contains them.
const visibleAscii = /^[\x21-\x7e]+$/;

/**
 * The shortest key accepted. Redaction blanks a key out of any text: a key of a few characters
 * would blank ordinary words out of every message (a 1-character key made `/checkout/sessions`
 * `/chec…out/sessions`). Stripe's keys run past 100 characters; no real key is shorter than this.
 */
export const minKeyLength = 12;

// Keys of the clients alive now, counted (two clients may share a key), each with the pattern that
// finds it in any form. A key stays registered as long as a client that uses it can still build
// errors: no cap, which would let a busy multi-tenant server push a live key out, and no leak,
// since a collected client gives its key back.
const registered = new Map<string, { count: number; pattern: RegExp }>();
const release =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<string>((key) => {
        const entry = registered.get(key);
        if (entry && --entry.count > 0) return;
        registered.delete(key);
      })
    : undefined;

/**
 * A pattern for key in every form a URL builder or a JSON encoder could give it: each character as
 * itself, percent-encoded in either letter case (encodeURIComponent, URLSearchParams and encodeURI
 * each encode a different set: `~!'()*` among them), or JSON-escaped (`\"`, `\\`, `\/`, `\u00XX`);
 * and in any letter case, as a header name or a host name is lower-cased on its way.
 */
function anyForm(key: string): RegExp {
  const literal = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  const hexOf = (c: string) => {
    const [high, low] = c.charCodeAt(0).toString(16).padStart(2, '0');
    const either = (digit: string) => `[${digit.toLowerCase()}${digit.toUpperCase()}]`;
    return either(high!) + either(low!);
  };
  const char = (c: string) => {
    const forms = [literal(c), `%${hexOf(c)}`, `\\\\u00${hexOf(c)}`];
    if (c === '"' || c === '\\' || c === '/') forms.push(literal(`\\${c}`));
    return `(?:${forms.join('|')})`;
  };
  return new RegExp([...key].map(char).join(''), 'gi');
}

/** What a message may show of a key: at most its first 8 characters, such as `sk_test_…`. */
export function maskKey(key: string): string {
  const shown = key.slice(0, 8);
  const safe = visibleAscii.test(shown) && key.length >= 16 ? shown : '';
  return `${safe}…`;
}

/** Throws unless key can be sent as is in an `Authorization` header; never quotes the key. */
export function checkApiKey(key: unknown, fail: (message: string) => never): asserts key is string {
  if (typeof key !== 'string' || !key) fail('No API key: pass { apiKey } or set LOOPS_API_KEY.');
  let position = 0;
  for (const char of key) {
    position++;
    if (visibleAscii.test(char)) continue;
    const code = char.codePointAt(0)!;
    const what = code <= 0x20 || code === 0x7f ? 'whitespace or a control character' : 'a character outside ASCII';
    // The characters before a bad one are safe to show, up to the mask's eight.
    const mask = maskKey(key);
    const where = position > 8 && mask !== '…' ? ` (after ${mask})` : '';
    fail(
      `Invalid API key: character ${position}${where} is ${what}, U+${code.toString(16).toUpperCase().padStart(4, '0')}. ` +
        'Copy the key again from the Loops dashboard: keys hold only visible ASCII characters.',
    );
  }
  if (key.length < minKeyLength) {
    fail(
      `Invalid API key: ${key.length} characters, fewer than any Loops key (${minKeyLength} at least). ` +
        'Copy the whole key again from the Loops dashboard.',
    );
  }
}

/** Remembers key while owner (the client) lives, so that redact() blanks it out of every error. */
export function registerKey(key: string, owner: object): void {
  const entry = registered.get(key);
  if (entry) entry.count++;
  else registered.set(key, { count: 1, pattern: anyForm(key) });
  release?.register(owner, key);
}

/** text with every registered key replaced by its mask, in whichever form it appears (see anyForm). */
export function redact(text: string): string {
  // A function, not a string: a key holding `$&` would make a replacement string quote the match.
  for (const [key, { pattern }] of registered) text = text.replace(pattern, () => maskKey(key));
  return text;
}

/**
 * value with every registered key redacted from its strings, property names included: a string as
 * redact() gives it, arrays and plain objects (parsed JSON) copied, anything else as it is.
 */
export function redactDeep<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redact(value) as T;
  if (registered.size === 0 || !value || typeof value !== 'object' || depth > 64) return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1)) as T;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  // fromEntries defines each property, so that a field named `__proto__` stays a field.
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [redact(name), redactDeep(item, depth + 1)]),
  ) as T;
}

/** Whether value may show a key to util.inspect: a string with one, or an object it cannot vouch for. */
function mayHoldKey(value: unknown, seen: Set<unknown>, depth = 0): boolean {
  if (typeof value === 'string') return redact(value) !== value;
  if (!value || typeof value !== 'object' || seen.has(value)) return false;
  if (depth > 8) return true;
  seen.add(value);
  const prototype = Object.getPrototypeOf(value);
  const plain = prototype === Object.prototype || prototype === null || Array.isArray(value) || value instanceof Error;
  // A Headers, Map or class instance shows more to inspect than its own properties: not vouched for.
  if (!plain) return true;
  const error = value as Partial<Error>;
  const shown = value instanceof Error ? [error.message, error.stack, error.cause] : [];
  return [...shown, ...Object.values(value)].some((item) => mayHoldKey(item, seen, depth + 1));
}

/**
 * cause itself when nothing in it can show a key (message, stack, properties, its own causes), so
 * that callers keep the original; otherwise a stand-in with the same name, redacted message and
 * stack, its primitive properties (such as `code`) redacted, and a cause chain made the same way.
 */
export function redactCause(cause: unknown, depth = 0): unknown {
  if (registered.size === 0 || cause === undefined || !mayHoldKey(cause, new Set())) return cause;
  if (!(cause instanceof Error) || depth > 8) return new Error(redact(String(cause)));
  const inner = redactCause(cause.cause, depth + 1);
  const copy = new Error(redact(cause.message), inner === undefined ? undefined : { cause: inner });
  for (const [name, value] of Object.entries(cause)) {
    if (value === null || typeof value !== 'object')
      (copy as unknown as Record<string, unknown>)[name] = redactDeep(value);
  }
  Object.defineProperties(copy, {
    name: { value: cause.name, configurable: true, writable: true },
    stack: { value: cause.stack && redact(cause.stack), configurable: true, writable: true },
  });
  return copy;
}
