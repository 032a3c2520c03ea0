/** A bound on response bodies, so that a server cannot make the SDK buffer without end. */
import { APIError } from './errors.js';

/** 32 MiB: some 30 000 sessions of JSON, far above the largest page the spec allows. */
export const defaultMaxResponseBytes = 32 * 1024 * 1024;

/**
 * The APIError for a body past the bound, with the response's status and headers. Thrown from inside
 * fetch, it reaches the SDK's calls and the raw client alike, and as a LoopsError it is not retried.
 */
function tooLarge(maxBytes: number, status: number, headers: Headers): APIError {
  const fallback = `Response body larger than maxResponseBytes (${maxBytes} bytes): cut off unread. Raise \`maxResponseBytes\` or ask for smaller pages (\`limit\`).`;
  return new APIError({ status, headers: Object.fromEntries(headers), body: undefined, fallback });
}

// Statuses whose Response cannot carry a body: there is nothing to bound.
const bodiless = new Set([101, 103, 204, 205, 304]);

/**
 * response itself when its declared, uncompressed length is within maxBytes (fetch enforces a
 * declared length, so counting would only cost time); otherwise a copy whose body errors with
 * the APIError of tooLarge(), and cancels the rest of the stream, as soon as it passes maxBytes.
 */
export function limitBody(response: Response, maxBytes: number): Response {
  const { status, headers, body } = response;
  if (!body || bodiless.has(status) || response.type === 'opaqueredirect') return response;
  const declared = headers.get('content-length');
  const compressed = (headers.get('content-encoding') ?? 'identity') !== 'identity';
  if (declared !== null && !compressed && /^\d+$/.test(declared)) {
    if (Number(declared) <= maxBytes) return response;
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
