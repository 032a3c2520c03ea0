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

function env(name: string): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;
  } catch {
    // Deno without --allow-env throws on reading the environment: then there is none to read.
    return undefined;
  }
}

/** Applies the defaults, and refuses settings that would leak the key or hang the caller. */
export function resolveOptions(options: ClientOptions) {
  const { apiKey = env('LOOPS_API_KEY'), timeout = 60_000, maxRetries = 2, fetch } = options;
  const baseUrl = (options.baseUrl ?? env('LOOPS_BASE_URL') ?? defaultBaseUrl).replace(/\/+$/, '');
  const fail = (message: string): never => {
    throw new LoopsError(message);
  };
  if ('document' in globalThis && !options.dangerouslyAllowBrowser) {
    fail('In a browser your API key is public: call the API from a server, or pass dangerouslyAllowBrowser: true.');
  }
  if (!apiKey) fail('No API key: pass { apiKey } or set LOOPS_API_KEY.');
  const url = URL.canParse(baseUrl) && new URL(baseUrl);
  if (!(url && (url.protocol === 'https:' || (url.protocol === 'http:' && /^(localhost|127(\.\d+){3}|\[::1\])$/.test(url.hostname))))) {
    fail(`Refusing baseUrl ${baseUrl}: your key goes only to an https: URL (or http: on localhost).`);
  }
  if (!(timeout > 0 && Number.isInteger(maxRetries) && maxRetries >= 0)) fail('timeout must be > 0 ms and maxRetries an integer >= 0.');
  return { apiKey: apiKey!, baseUrl, timeout, maxRetries, fetch };
}
