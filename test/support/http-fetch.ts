import { request as httpRequest } from 'node:http';

/**
 * A fetch over node:http, for the tests that run the SDK under a fake clock: undici's fetch keeps
 * timers of its own, which a fake clock would advance too, while node:http uses none.
 */
let inFlight = 0;

/** How many httpFetch requests have not been answered yet. */
export const requestsInFlight = () => inFlight;

export function httpFetch(input: Request): Promise<Response> {
  inFlight++;
  return new Promise<Response>((resolve, reject) => {
    if (input.signal.aborted) return reject(input.signal.reason);
    const outgoing = httpRequest(
      input.url,
      { method: input.method, headers: Object.fromEntries(input.headers) },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(incoming.headers))
            if (typeof value === 'string') headers.set(name, value);
          resolve(new Response(Buffer.concat(chunks), { status: incoming.statusCode ?? 500, headers }));
        });
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    input.signal.addEventListener('abort', () => outgoing.destroy(input.signal.reason as Error), { once: true });
    outgoing.end();
  }).finally(() => inFlight--);
}
