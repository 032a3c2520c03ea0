/** A bound on response bodies, so that a server cannot make the SDK buffer without end. */

/** 32 MiB: some 30 000 sessions of JSON, far above the largest page the spec allows. */
export const defaultMaxResponseBytes = 32 * 1024 * 1024;

/** A body grew past the bound; the request path turns it into an APIError with the response's facts. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly maxBytes: number,
    readonly status: number,
    readonly headers: Headers,
  ) {
    super(`Response body larger than maxResponseBytes (${maxBytes} bytes)`);
  }
}

// Statuses whose Response cannot carry a body: there is nothing to bound.
const bodiless = new Set([101, 103, 204, 205, 304]);

/**
 * response itself when its declared, uncompressed length is within maxBytes (fetch enforces a
 * declared length, so counting would only cost time); otherwise a copy whose body errors with
 * BodyTooLargeError, and cancels the rest of the stream, as soon as it passes maxBytes.
 */
export function limitBody(response: Response, maxBytes: number): Response {
  const { status, headers, body } = response;
  if (!body || bodiless.has(status) || response.type === 'opaqueredirect') return response;
  const declared = headers.get('content-length');
  const compressed = (headers.get('content-encoding') ?? 'identity') !== 'identity';
  if (declared !== null && !compressed && /^\d+$/.test(declared)) {
    if (Number(declared) <= maxBytes) return response;
    void body.cancel().catch(() => {});
    throw new BodyTooLargeError(maxBytes, status, headers);
  }
  let received = 0;
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        // Erroring the transform cancels the source: the rest of the body is never read.
        if (received > maxBytes) controller.error(new BodyTooLargeError(maxBytes, status, headers));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, { status, statusText: response.statusText, headers });
}
