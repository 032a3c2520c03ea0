/**
 * The transport on Node: node:http and node:https, on their global agents (keep-alive; whatever a
 * proxy library or NODE_USE_ENV_PROXY sets there applies). Measured on Node 20 walking 82 KB pages
 * on loopback (BENCHMARKS.md, "Transports"): a page costs the least CPU on node:http, more on
 * undici's own `request()` (an npm package) and on Node's fetch, which reads a body through web
 * streams. Only the SDK's build for Node holds this module (package.json's `node` condition; the
 * build for every other runtime has node-http-absent.ts in its place), and the modules come from
 * process.getBuiltinModule (Node 20.16 and 22.3 on) at the first request, not at import: loading
 * them would add some 5 to 10 ms to the SDK's 2 to 3 ms import.
 */
import type * as Http from 'node:http';
import type * as Zlib from 'node:zlib';
import { tooLarge } from './body.js';
import type { Outgoing, Received, Transport } from './transport.js';

interface Builtins {
  http: typeof Http;
  https: typeof Http;
  zlib: typeof Zlib;
}

type Runtime = {
  process?: { versions?: { node?: string; bun?: string }; getBuiltinModule?: (id: string) => unknown };
  Deno?: unknown;
};

// What Node's own fetch is: a replaced global fetch (a test's mock, a polyfill) is honoured by sending through it.
const nodeFetch = /internal\/deps\/undici/;
// Where undici (Node's fetch, or the npm package) keeps the dispatcher that fetch sends through.
const dispatcherKey = Symbol.for('undici.globalDispatcher.1');

/** The node:http transport, or undefined where it cannot run (Bun, Deno, browsers, Node before 20.16). */
export function nodeHttpTransport(): Transport | undefined {
  const { process, Deno } = globalThis as Runtime;
  const load = process?.getBuiltinModule;
  if (!load || Deno || process.versions?.bun || !process.versions?.node || 'document' in globalThis) return undefined;
  let builtins: Builtins | undefined;
  return (outgoing) => {
    builtins ??= { http: load('node:http'), https: load('node:https'), zlib: load('node:zlib') } as Builtins;
    return send(builtins, outgoing);
  };
}

let seenFetch: unknown;
let seenDispatcher: unknown;
let fetchIsNode = false;
let dispatcherIsDefault = true;

/**
 * Whether requests may go through node:http now: not if globalThis.fetch was replaced, nor if an
 * undici dispatcher other than a plain Agent was installed (a ProxyAgent, a MockAgent…), which only
 * fetch would use. Checked on every request, the verdicts kept while the globals stay the same.
 */
export function nodeHttpAllowed(): boolean {
  const { fetch } = globalThis;
  if (fetch !== seenFetch) {
    seenFetch = fetch;
    fetchIsNode = typeof fetch === 'function' && nodeFetch.test(Function.prototype.toString.call(fetch));
  }
  const dispatcher = (globalThis as Record<symbol, { constructor?: { name?: string } } | undefined>)[dispatcherKey];
  if (dispatcher !== seenDispatcher) {
    seenDispatcher = dispatcher;
    dispatcherIsDefault = dispatcher === undefined || dispatcher.constructor?.name === 'Agent';
  }
  return fetchIsNode && dispatcherIsDefault;
}

// The content codings fetch decodes, and how; any other is handed over as it came, as fetch does.
const decoders: Record<string, (zlib: typeof Zlib) => Zlib.Gunzip | Zlib.Inflate | Zlib.BrotliDecompress> = {
  gzip: (zlib) => zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  'x-gzip': (zlib) => zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  deflate: (zlib) => zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  br: (zlib) => zlib.createBrotliDecompress(),
};

function send({ http, https, zlib }: Builtins, outgoing: Outgoing) {
  const { url, method, body, signal, maxBytes } = outgoing;
  const secure = url.startsWith('https:');
  // What Node's fetch asks for: the codings it decodes.
  const headers: Record<string, string> = {
    'accept-encoding': secure ? 'br, gzip, deflate' : 'gzip, deflate',
    ...outgoing.headers,
  };
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise<Received>((resolve, reject) => {
    // node:http aborts on the signal itself. Its errors (system errors with a code, the parser's HPE_…)
    // reach send.ts as they are, which tells network failures, answers that are not HTTP and bugs apart.
    const request = (secure ? https : http).request(url, { method, headers, signal }, (incoming) => {
      try {
        receive(incoming);
      } catch (error) {
        fail(error as Error);
      }
    });
    const fail = (error: Error) => {
      request.destroy();
      reject(error);
    };
    request.on('error', reject);
    request.end(body);

    function receive(incoming: Http.IncomingMessage) {
      const status = incoming.statusCode!;
      const received = new Headers();
      const raw = incoming.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) received.append(raw[i]!, raw[i + 1]!);
      const response = new Response(null, { status, statusText: incoming.statusMessage ?? '', headers: received });
      // As a response from fetch whose body the SDK has read: its URL, and its body used.
      Object.defineProperties(response, { url: { value: url }, bodyUsed: { value: true } });
      const tooBig = () => fail(tooLarge(maxBytes, status, received));
      incoming.on('error', fail);
      const codings = (incoming.headers['content-encoding'] ?? '')
        .split(',')
        .map((coding) => coding.trim().toLowerCase());
      // A coding fetch does not decode leaves the body as it came, as fetch does.
      const decoded = codings.every((coding) => coding === '' || coding === 'identity' || coding in decoders);
      const compressed = decoded && codings.some((coding) => coding in decoders);
      const declared = incoming.headers['content-length'];
      if (!compressed && declared !== undefined && Number(declared) > maxBytes) return tooBig();
      // Decoded in the reverse order of the codings applied.
      let stream: NodeJS.ReadableStream = incoming;
      for (const coding of compressed ? codings.reverse() : []) {
        const decoder = decoders[coding]?.(zlib);
        if (decoder) stream = stream.pipe(decoder).on('error', fail);
      }
      const chunks: Buffer[] = [];
      let length = 0;
      stream.on('data', (chunk: Buffer) => {
        length += chunk.length;
        // Destroying the request closes the socket: the rest of the body is never read.
        if (length > maxBytes) tooBig();
        else chunks.push(chunk);
      });
      stream.on('end', () => {
        const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length)).toString();
        // A BOM is dropped, as fetch's text() does.
        resolve({ response, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
      });
    }
  });
}
