import { defaultBaseUrl } from '../generated/constants.js';
import { LoopsError } from './errors.js';
import type { Fetch } from './raw.js';

export interface ClientOptions {
  /** Your Loops API key. Defaults to the `LOOPS_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /** Defaults to `LOOPS_BASE_URL`, then to `https://api.loops.fi/api/v3`. */
  baseUrl?: string | undefined;
  /** Milliseconds each attempt may take, response body included. Default 60 000. */
  timeout?: number | undefined;
  /** How many times a failed attempt is retried. Default 2. */
  maxRetries?: number | undefined;
  /** A fetch to use instead of the global one. */
  fetch?: Fetch | undefined;
  /** Allow running in a browser, where your API key is visible to anyone who opens the page. */
  dangerouslyAllowBrowser?: boolean | undefined;
}

export interface ResolvedOptions {
  apiKey: string;
  baseUrl: string;
  timeout: number;
  maxRetries: number;
  fetch: Fetch | undefined;
}

const loopbackHosts = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function environment(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
  return value || undefined;
}

function isBrowser(): boolean {
  return typeof (globalThis as { document?: unknown }).document !== 'undefined';
}

/** Applies defaults and refuses settings that would leak the key or hang the caller. */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  if (isBrowser() && !options.dangerouslyAllowBrowser) {
    throw new LoopsError(
      'The Loops SDK refuses to run in a browser, where your API key would be visible to every visitor. ' +
        'Call the API from your server, or pass dangerouslyAllowBrowser: true if you understand the risk.',
    );
  }
  const apiKey = options.apiKey ?? environment('LOOPS_API_KEY');
  if (!apiKey) {
    throw new LoopsError(
      'No API key: pass { apiKey } to new Loops(), or set the LOOPS_API_KEY environment variable.',
    );
  }
  const baseUrl = (options.baseUrl ?? environment('LOOPS_BASE_URL') ?? defaultBaseUrl).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new LoopsError(`baseUrl ${JSON.stringify(baseUrl)} is not an absolute URL, such as ${defaultBaseUrl}.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHosts.test(url.hostname))) {
    throw new LoopsError(
      `baseUrl ${JSON.stringify(baseUrl)} is refused: your API key may only travel over https:, or plain http: to localhost.`,
    );
  }
  const timeout = options.timeout ?? 60_000;
  const maxRetries = options.maxRetries ?? 2;
  if (!(timeout > 0)) throw new LoopsError(`timeout must be a positive number of milliseconds; got ${timeout}.`);
  if (!(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    throw new LoopsError(`maxRetries must be a whole number, 0 or more; got ${maxRetries}.`);
  }
  return { apiKey, baseUrl, timeout, maxRetries, fetch: options.fetch };
}
