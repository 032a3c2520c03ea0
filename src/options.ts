import { defaultBaseUrl } from '../generated/operations.js';
import { baseUrlProblem, showUrl } from './base-url.js';
import { defaultMaxResponseBytes } from './body.js';
import { LoopsError, ValidationError } from './errors.js';
import { checkHeaders } from './header-rules.js';
import { checkLogger, checkLogLevel, createLog, type Logger, type LogLevel } from './log.js';
import type { Fetch } from './raw.js';
import { checkApiKey } from './secrets.js';
import { checkInteger, checkNames, checkPlainObject, checkRule, describeValue } from './validation.js';

/** Settings that a client sets for all its calls and a call can override. */
export interface CallSettings {
  /** Milliseconds each attempt may take, response body included. Default 60 000. */
  timeout?: number | undefined;
  /** How many times a failed attempt is retried, 0 to 10. Default 2. */
  maxRetries?: number | undefined;
  /** The largest response body read, in bytes; a larger one is cut off with an APIError. Default 32 MiB. */
  maxResponseBytes?: number | undefined;
}

export interface ClientOptions extends CallSettings {
  /** Your Loops API key. Defaults to the `LOOPS_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /** Defaults to `LOOPS_BASE_URL`, then to `https://api.loops.fi/api/v3`. */
  baseUrl?: string | undefined;
  /** A fetch to use instead of the global one (the SDK then sends every request through it). */
  fetch?: Fetch | undefined;
  /**
   * On Node, send through node:http, which costs less CPU per request than Node's fetch. Default
   * `LOOPS_NODE_HTTP` (`0` or `false` turns it off), then true. Without effect where Node's fetch is
   * not what `fetch` would use: with a `fetch` option, a replaced global fetch, an undici dispatcher
   * other than an Agent (a proxy, a mock), and in Bun, Deno and browsers.
   */
  nodeHttp?: boolean | undefined;
  /** Allow running in a browser, where your API key is visible to anyone who opens the page. */
  dangerouslyAllowBrowser?: boolean | undefined;
  /** What to log: `'debug'` logs every attempt. Default `LOOPS_LOG`, then `'warn'` (retries). */
  logLevel?: LogLevel | undefined;
  /** Where log lines go: anything with debug, info, warn and error. Default `console`. */
  logger?: Logger | undefined;
  /** Headers sent with every request. They cannot set `Authorization`. */
  defaultHeaders?: Record<string, string> | undefined;
}

/**
 * Every name a type's properties may have, checked at compile time to be all of them: a new option
 * that is not listed here fails `tsc`, so it cannot be refused as unknown at run time.
 */
export const optionNames =
  <T>() =>
  <const N extends readonly (keyof T & string)[]>(
    ...names: N & ([Exclude<keyof T, N[number]>] extends [never] ? unknown : never)
  ): N =>
    names;

/** The names of the client's options: any other is refused, so that a typo cannot go unnoticed. */
const clientOptionNames = optionNames<ClientOptions>()(
  'apiKey',
  'baseUrl',
  'fetch',
  'nodeHttp',
  'dangerouslyAllowBrowser',
  'logLevel',
  'logger',
  'defaultHeaders',
  'timeout',
  'maxRetries',
  'maxResponseBytes',
);

// Node's timers overflow past 2^31 - 1 ms (about 24.8 days) and then fire after 1 ms.
const maxTimeoutMs = 2_147_483_647;
const maxRetriesCap = 10;

function env(name: string): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;
  } catch {
    // Deno without --allow-env throws on reading the environment: then there is none to read.
    return undefined;
  }
}

const switches = new Map([
  ['1', true],
  ['true', true],
  ['0', false],
  ['false', false],
]);

/** An on/off environment variable: `1` or `true`, `0` or `false`, else a ValidationError naming it. */
function readSwitch(name: string): boolean | undefined {
  const value = env(name);
  if (value === undefined) return undefined;
  const on = switches.get(value.toLowerCase());
  if (on === undefined) throw new ValidationError(name, '1, true, 0 or false', describeValue(value));
  return on;
}

/** Throws a ValidationError naming the first setting out of its range. */
export function checkCallSettings({ timeout, maxRetries, maxResponseBytes }: CallSettings): void {
  if (timeout !== undefined) {
    const rule = { type: 'number', minimum: 1, maximum: maxTimeoutMs };
    checkRule('timeout', rule, timeout, `a number of milliseconds from 1 to ${maxTimeoutMs}`);
  }
  if (maxRetries !== undefined) checkInteger('maxRetries', maxRetries, 0, maxRetriesCap);
  if (maxResponseBytes !== undefined) checkInteger('maxResponseBytes', maxResponseBytes, 1, Number.MAX_SAFE_INTEGER);
}

/** Applies the defaults, and refuses settings that would leak the key or hang the caller. */
export function resolveOptions(options: ClientOptions) {
  checkPlainObject('options', options);
  // Before anything is read: `{ baseURL }` would otherwise send the key to the default, production URL.
  checkNames('option', options, clientOptionNames);
  const { timeout = 60_000, maxRetries = 2, maxResponseBytes = defaultMaxResponseBytes, fetch } = options;
  const apiKey = options.apiKey ?? env('LOOPS_API_KEY');
  const baseUrl = (options.baseUrl ?? env('LOOPS_BASE_URL') ?? defaultBaseUrl).replace(/\/+$/, '');
  const fail = (message: string): never => {
    throw new LoopsError(message);
  };
  // A page or a web worker: either way the key would ship to the browser.
  const browser = 'document' in globalThis || 'WorkerGlobalScope' in globalThis;
  if (browser && !options.dangerouslyAllowBrowser) {
    fail('In a browser your API key is public: call the API from a server, or pass dangerouslyAllowBrowser: true.');
  }
  checkApiKey(apiKey, fail);
  const problem = baseUrlProblem(baseUrl);
  if (problem) fail(`Refusing baseUrl ${showUrl(baseUrl)}: ${problem}.`);
  // As a URL parser reads it (scheme and host lower-cased, spaces and non-ASCII percent-encoded, a
  // backslash a slash, surrounding whitespace such as a .env file's CR dropped): both transports then
  // send to the same place, where node:http would refuse, or send as Latin-1, what fetch encodes.
  const normalised = new URL(baseUrl).href.replace(/\/+$/, '');
  checkCallSettings({ timeout, maxRetries, maxResponseBytes });
  if (fetch !== undefined && typeof fetch !== 'function') {
    throw new ValidationError('fetch', 'a fetch function', describeValue(fetch));
  }
  const nodeHttp = options.nodeHttp ?? readSwitch('LOOPS_NODE_HTTP') ?? true;
  if (typeof nodeHttp !== 'boolean') throw new ValidationError('nodeHttp', 'true or false', describeValue(nodeHttp));
  const logLevel = options.logLevel ?? (env('LOOPS_LOG') as LogLevel | undefined) ?? 'warn';
  checkLogLevel(logLevel, options.logLevel === undefined ? 'LOOPS_LOG' : 'logLevel');
  const logger = options.logger ?? console;
  checkLogger(logger);
  const defaultHeaders = options.defaultHeaders ?? {};
  checkHeaders('defaultHeaders', defaultHeaders);
  const log = createLog(logLevel, logger);
  return { apiKey, baseUrl: normalised, timeout, maxRetries, maxResponseBytes, fetch, nodeHttp, log, defaultHeaders };
}
