/**
 * The transport on Node: node:http and node:https, on their global agents (keep-alive; whatever a
 * proxy library sets there applies; with NODE_USE_ENV_PROXY, which Node's fetch honours before its
 * agents do, the SDK sends through fetch). Measured on Node 20 walking 82 KB pages
 * on loopback (BENCHMARKS.md, "Transports"): a page costs the least CPU on node:http, more on
 * undici's own `request()` (an npm package) and on Node's fetch, which reads a body through web
 * streams. Only the SDK's build for Node holds this module (package.json's `node` condition; the
 * build for every other runtime has node-http-absent.ts in its place), and the modules come from
 * process.getBuiltinModule (Node 20.16 and 22.3 on) at the first request, not at import: loading
 * them would add some 5 to 10 ms to the SDK's 2 to 3 ms import.
 */
import type * as Http from 'node:http';
import type * as Decoding from 'node:string_decoder';
import type * as Zlib from 'node:zlib';
import { receive } from './node-http-response.js';
import type { Outgoing, Received, Sent, Transport } from './transport.js';

interface Builtins {
  http: typeof Http;
  https: typeof Http;
  zlib: typeof Zlib;
  decoding: typeof Decoding;
}

type Runtime = {
  process?: {
    versions?: { node?: string; bun?: string };
    getBuiltinModule?: (id: string) => unknown;
    env?: Record<string, string | undefined>;
  };
  Deno?: unknown;
};

// What Node's own fetch is: a replaced global fetch (a test's mock, a polyfill) is honoured by sending through it.
const nodeFetch = /internal\/deps\/undici/;
// Where undici (Node's fetch, or the npm package) keeps the dispatcher that fetch sends through.
const dispatcherKey = Symbol.for('undici.globalDispatcher.1');

/**
 * The node:http transport, or undefined where it cannot run (Bun, Deno, browsers, Node before 20.16)
 * or where only fetch would take the proxy the environment names (NODE_USE_ENV_PROXY).
 */
export function nodeHttpTransport(): Transport | undefined {
  const { process, Deno } = globalThis as Runtime;
  const load = process?.getBuiltinModule;
  if (!load || Deno || process.versions?.bun || !process.versions?.node || 'document' in globalThis) return undefined;
  if (process.env?.NODE_USE_ENV_PROXY) return undefined;
  let builtins: Builtins | undefined;
  return (outgoing) => {
    builtins ??= {
      http: load('node:http'),
      https: load('node:https'),
      zlib: load('node:zlib'),
      decoding: load('node:string_decoder'),
    } as Builtins;
    return send(builtins, outgoing);
  };
}

let seenFetch: unknown;
let seenDispatcher: unknown;
let fetchIsNode = false;
let dispatcherIsDefault = true;

type Dispatcher = Record<symbol, unknown> & { constructor?: new () => Dispatcher; dispatch?: unknown };

/** Whether two option objects hold the same keys with the same values. */
function sameOptions(a: object, b: object): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key as never], b[key as never]));
}

/**
 * Whether dispatcher is an Agent as undici makes it for itself: the one Node's fetch installs at its
 * first request, or the one the undici package installs when it loads. node:http on its own agents
 * sends as such an Agent would. An Agent with options of the program's (a CA, a connect timeout),
 * composed with interceptors, or any other dispatcher (a ProxyAgent, a MockAgent) is fetch's alone.
 * Its options are compared with those of a fresh Agent of its own class, whatever undici's version.
 */
function isDefaultAgent(dispatcher: Dispatcher): boolean {
  const symbol = (description: string) =>
    Object.getOwnPropertySymbols(dispatcher).find((own) => own.description === description);
  const Agent = dispatcher.constructor;
  if (Agent?.name !== 'Agent') return false;
  // compose() puts its interceptors before the Agent's own dispatch.
  if (dispatcher.dispatch !== Object.getPrototypeOf(dispatcher)?.dispatch) return false;
  const key = symbol('options');
  const options = key === undefined ? undefined : dispatcher[key];
  if (key === undefined || typeof options !== 'object' || options === null) return false;
  // A factory of the program's makes the Agent's pools: undici keeps it beside the options.
  const factory = symbol('factory');
  try {
    const fresh = new Agent();
    const freshOptions = fresh[key];
    if (typeof freshOptions !== 'object' || freshOptions === null || !sameOptions(options, freshOptions)) return false;
    return factory === undefined || dispatcher[factory] === fresh[factory];
  } catch {
    return false;
  }
}

/**
 * Whether requests may go through node:http now: not if globalThis.fetch was replaced, nor if a
 * program installed an undici dispatcher of its own (a ProxyAgent, a MockAgent, an Agent with a CA
 * or interceptors), which only fetch would use. Checked on every request, the verdicts kept while
 * the globals stay the same.
 */
export function nodeHttpAllowed(): boolean {
  const { fetch } = globalThis;
  if (fetch !== seenFetch) {
    seenFetch = fetch;
    fetchIsNode = typeof fetch === 'function' && nodeFetch.test(Function.prototype.toString.call(fetch));
  }
  const dispatcher = (globalThis as Record<symbol, Dispatcher | undefined>)[dispatcherKey];
  if (dispatcher !== seenDispatcher) {
    seenDispatcher = dispatcher;
    dispatcherIsDefault = dispatcher === undefined || isDefaultAgent(dispatcher);
  }
  return fetchIsNode && dispatcherIsDefault;
}

// Where each origin is, as node:http takes it: parsed once, not for every request (some 5 µs each).
const origins = new Map<string, { protocol: string; hostname: string; port: string }>();

/** The request options of url: its origin's, and its path with the query. */
function target(url: string) {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  const origin = slash < 0 ? url : url.slice(0, slash);
  let where = origins.get(origin);
  if (!where) {
    const { protocol, hostname, port } = new URL(origin);
    // node:http takes an IPv6 address without its brackets.
    where = { protocol, hostname: hostname.replace(/^\[(.*)\]$/, '$1'), port };
    // A client talks to one origin: a process with hundreds of them (a client per tenant) starts over.
    if (origins.size >= 100) origins.clear();
    origins.set(origin, where);
  }
  return { ...where, path: slash < 0 ? '/' : url.slice(slash) };
}

function send({ http, https, zlib, decoding }: Builtins, outgoing: Outgoing): Sent {
  const { url, method, body, maxBytes } = outgoing;
  const secure = url.startsWith('https:');
  // What Node's fetch asks for: the codings it decodes.
  const headers: Record<string, string> = {
    'accept-encoding': secure ? 'br, gzip, deflate' : 'gzip, deflate',
    ...outgoing.headers,
  };
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  let request!: Http.ClientRequest;
  let answer: Http.IncomingMessage | undefined;
  const received = new Promise<Received>((resolve, reject) => {
    // Its errors (system errors with a code, the parser's HPE_…) reach send.ts as they are, which
    // tells network failures, answers that are not HTTP and bugs apart.
    request = (secure ? https : http).request({ ...target(url), method, headers }, (incoming) => {
      answer = incoming;
      try {
        receive(incoming, { url, maxBytes, zlib, decoding, resolve, fail });
      } catch (error) {
        fail(error as Error);
      }
    });
    const fail = (error: Error) => {
      request.destroy();
      reject(error);
    };
    // Bytes after a complete answer (a body on a 204, more than its content-length) are the
    // parser's error, raised before the answer's end: the answer stands, as it does on fetch.
    request.on('error', (error) => {
      if (!answer?.complete) reject(error);
    });
    request.end(body);
  });
  // Destroying the request closes its connection, whatever it was waiting for: the head or the body.
  return { received, cancel: () => request.destroy() };
}
