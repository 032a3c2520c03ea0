/** Idempotency keys: one per call of an operation that takes one, the same on each of its attempts. */

/**
 * A new random key, such as `loops-6f1c…`: a version 4 UUID where the runtime has `randomUUID`
 * (Node, Bun, Deno, browsers on https), else 122 bits of `getRandomValues` in the same form.
 */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') return `loops-${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `loops-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
