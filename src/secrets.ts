/**
 * The API key's safety net. Keys are checked once, when a client is made, and then registered
 * here so that every error the SDK builds can have them blanked out, whatever text reached it.
 */

// Visible ASCII only: HTTP headers cannot carry the rest unchanged (fetch strips surrounding
// whitespace, throws on control characters, re-encodes Latin-1) and no real key contains them.
const visibleAscii = /^[\x21-\x7e]+$/;

const registered = new Set<string>();
// A process that makes clients for many keys keeps the latest ones: enough for any real app.
const maxRegistered = 64;

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
}

/** Remembers key, so that redact() blanks it out of every error message from now on. */
export function registerKey(key: string): void {
  registered.delete(key);
  registered.add(key);
  if (registered.size > maxRegistered) registered.delete(registered.values().next().value!);
}

/** text with every registered key replaced by its mask: as is, JSON-escaped or percent-encoded. */
export function redact(text: string): string {
  for (const key of registered) {
    for (const form of [key, JSON.stringify(key).slice(1, -1), encodeURIComponent(key)]) {
      if (text.includes(form)) text = text.replaceAll(form, maskKey(key));
    }
  }
  return text;
}

/** value, or a copy with every registered key redacted when its JSON holds one (the form it is logged in). */
export function redactDeep<T>(value: T): T {
  const json = JSON.stringify(value);
  const clean = json && redact(json);
  return clean === json ? value : (JSON.parse(clean!) as T);
}

/**
 * cause as an error may carry it (a custom fetch's error may quote a header), or a redacted stand-in
 * with the same name, message and stack when any of them, or its own cause, holds a key.
 */
export function redactCause(cause: unknown, depth = 0): unknown {
  if (!(cause instanceof Error) || registered.size === 0 || depth > 8) return cause;
  const inner = redactCause(cause.cause, depth + 1);
  const message = redact(cause.message);
  const stack = cause.stack && redact(cause.stack);
  if (message === cause.message && stack === cause.stack && inner === cause.cause) return cause;
  const copy = Object.assign(
    new Error(message, inner === undefined ? undefined : { cause: inner }),
    redactDeep({ ...cause }),
  );
  Object.defineProperties(copy, {
    name: { value: cause.name, configurable: true, writable: true },
    stack: { value: stack, configurable: true, writable: true },
  });
  return copy;
}
