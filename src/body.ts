/** A bound on response bodies, so that a server cannot make the SDK buffer without end. */
import { APIError } from './errors.js';

/** 32 MiB: some 30 000 sessions of JSON, far above the largest page the spec allows. */
export const defaultMaxResponseBytes = 32 * 1024 * 1024;

/**
 * The APIError for a body past the bound, with the response's status and headers. Thrown from inside
 * a transport or fetch, it reaches the SDK's calls and the raw client alike, and as a LoopsError it
 * is not retried.
 */
export function tooLarge(maxBytes: number, status: number, headers: Headers): APIError {
  const fallback = `Response body larger than maxResponseBytes (${maxBytes} bytes): cut off unread. Raise \`maxResponseBytes\` or ask for smaller pages (\`limit\`).`;
  return new APIError({ status, headers: Object.fromEntries(headers), body: undefined, fallback });
}

// Statuses whose Response cannot carry a body: there is nothing to bound.
const bodiless = new Set([101, 103, 204, 205, 304]);

/**
 * The length a response declares for the body it hands over, or undefined when the body may be
 * longer than that (compressed: fetch decodes it) or declares none (chunked).
 */
function declaredLength(headers: Headers): number | undefined {
  const declared = headers.get('content-length');
  const compressed = (headers.get('content-encoding') ?? 'identity') !== 'identity';
  return declared !== null && !compressed && /^\d+$/.test(declared) ? Number(declared) : undefined;
}

/**
 * The whole body of response as text, refused with the APIError of tooLarge() past maxBytes. A
 * declared length is checked before reading (fetch enforces it, so counting would only cost time);
 * otherwise the body is read chunk by chunk and counted, and cancelled as soon as it passes the
 * bound: no stream or Response is built around it (those made such a body cost 1.6× one with a
 * length, in BENCHMARKS.md).
 */
export async function readText(response: Response, maxBytes: number): Promise<string> {
  const { status, headers, body } = response;
  if (!body || bodiless.has(status) || response.type === 'opaqueredirect') return '';
  const declared = declaredLength(headers);
  if (declared !== undefined && declared <= maxBytes) return response.text();
  if (declared !== undefined) {
    void body.cancel().catch(() => {});
    throw tooLarge(maxBytes, status, headers);
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      void reader.cancel().catch(() => {});
      throw tooLarge(maxBytes, status, headers);
    }
    chunks.push(value);
  }
  // A BOM is dropped, as text() does; a character split between two chunks is decoded whole. One
  // chunk, the most common, in one call: streaming costs a call more per chunk.
  const decoder = new TextDecoder();
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  let text = '';
  for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/**
 * response itself when its declared length is within maxBytes; otherwise a copy whose body errors
 * with the APIError of tooLarge(), and cancels the rest of the stream, as soon as it passes
 * maxBytes. For `loops.raw`, whose callers may read a body any way (text, json, a stream, a clone):
 * the SDK's own calls read through readText().
 */
export function limitBody(response: Response, maxBytes: number): Response {
  const { status, headers, body } = response;
  if (!body || bodiless.has(status) || response.type === 'opaqueredirect') return response;
  const declared = declaredLength(headers);
  if (declared !== undefined && declared <= maxBytes) return response;
  if (declared !== undefined) {
    void body.cancel().catch(() => {});
    throw tooLarge(maxBytes, status, headers);
  }
  let received = 0;
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        // Erroring the transform cancels the source: the rest of the body is never read.
        if (received > maxBytes) controller.error(tooLarge(maxBytes, status, headers));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, { status, statusText: response.statusText, headers });
}
