import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APIError, type Fetch, type Logger, Loops, LoopsError } from '../src/index.js';
import { minKeyLength } from '../src/secrets.js';
import { apiKey } from './support/client.js';
import { withHttpServer } from './support/http-server.js';
import { rejection, thrown } from './support/rejection.js';

const secret = 'sk_live_S3cr3tK3yThatMustNeverLeak0123456789';

/** Every way a user or a logger turns an error into text, its cause chain included. */
function renderings(error: Error): string[] {
  const texts = [
    error.message,
    error.stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
    String(error),
  ];
  return error.cause instanceof Error ? [...texts, ...renderings(error.cause)] : texts;
}

function expectNoKey(error: Error, key: string): void {
  for (const text of renderings(error)) {
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(8));
  }
}

afterEach(() => vi.unstubAllEnvs());

const emptyPage = { object: 'list', data: [], has_more: false, url: '/api/v3/checkout/sessions' };

/** A logger that keeps every line it is given, whatever the level. */
function recorder() {
  const lines: string[] = [];
  const keep = (message: string) => void lines.push(message);
  const logger: Logger = { debug: keep, info: keep, warn: keep, error: keep };
  return { lines, logger };
}

describe('API keys are checked when the client is made', () => {
  it.each([
    [
      'a header injection',
      'sk_live_X\r\nInjected: y',
      'character 10 (after sk_live_…) is whitespace or a control character, U+000D',
    ],
    ['a trailing newline', `${secret}\n`, 'is whitespace or a control character, U+000A'],
    ['a leading space', ` ${secret}`, 'character 1 is whitespace or a control character, U+0020'],
    ['an inner space', 'sk_test_abc def', 'character 12 is whitespace'],
    ['an é (Latin-1, which fetch would re-encode)', 'sk_test_caféCafé1234567', 'is a character outside ASCII, U+00E9'],
    ['a € (which fetch cannot send)', 'sk_test_1234€567890abcdef', 'is a character outside ASCII, U+20AC'],
    ["the README's old placeholder, 'sk_test_…'", 'sk_test_…', 'character 9 is a character outside ASCII, U+2026'],
  ])('refuses a key with %s, saying where, without quoting it', (_, key, says) => {
    const fetch = vi.fn<Fetch>();
    const error = thrown(() => new Loops({ apiKey: key, fetch }), LoopsError);
    expect(error.message).toContain(says);
    expect(error.message).toContain('Copy the key again from the Loops dashboard');
    expect(error.message).not.toContain(key);
    expect(error.message).not.toContain('Injected');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses an empty key, given or from LOOPS_API_KEY', () => {
    vi.stubEnv('LOOPS_API_KEY', '');
    expect(thrown(() => new Loops({ apiKey: '' }), LoopsError).message).toBe(
      'No API key: pass { apiKey } or set LOOPS_API_KEY.',
    );
    expect(thrown(() => new Loops(), LoopsError).message).toBe('No API key: pass { apiKey } or set LOOPS_API_KEY.');
  });

  it('checks a key from LOOPS_API_KEY just the same', () => {
    vi.stubEnv('LOOPS_API_KEY', `${secret}\n`);
    expect(thrown(() => new Loops(), LoopsError).message).toContain('U+000A');
  });

  it.each(['k', 'sk_test', 'sk_test_abc'])(
    'refuses a key shorter than any real one (%s), saying how long, without quoting it',
    (key) => {
      vi.stubEnv('LOOPS_API_KEY', key);
      for (const make of [() => new Loops({ apiKey: key }), () => new Loops()]) {
        const error = thrown(make, LoopsError);
        expect(error.message).toBe(
          `Invalid API key: ${key.length} characters, fewer than any Loops key (${minKeyLength} at least). Copy the whole key again from the Loops dashboard.`,
        );
      }
    },
  );

  it('a key of the shortest length accepted is redacted without blanking ordinary words', async () => {
    const key = 'k'.repeat(minKeyLength);
    expect(() => new Loops({ apiKey: key.slice(1) })).toThrow(LoopsError);
    const { lines, logger } = recorder();
    const loops = new Loops({ apiKey: key, logLevel: 'debug', logger, fetch: async () => Response.json(emptyPage) });
    await loops.checkout.sessions.list();
    expect(lines[0]).toMatch(/^\[loops\] GET \/checkout\/sessions → 200 in \d+ ms$/);
  });

  it('accepts every key of visible ASCII characters', () => {
    expect(() => new Loops({ apiKey: '!~sk_test_AZaz09-_.' })).not.toThrow();
  });

  it("the README's examples use keys that work when pasted", async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const keys = [...readme.matchAll(/apiKey: '([^']*)'/g)].map((match) => match[1]!);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(() => new Loops({ apiKey: key }), key).not.toThrow();
  });
});

describe('the key never leaves in an error, whatever text reaches it', () => {
  it('a custom fetch whose error quotes the Authorization header', async () => {
    const fetch: Fetch = async (request) => {
      throw new TypeError(`cannot send ${request.headers.get('authorization')}`, {
        cause: new Error(`header was ${secret}`),
      });
    };
    const error = await rejection(new Loops({ apiKey: secret, fetch }).checkout.sessions.list(), LoopsError);
    expect(error.message).toContain('cannot send Bearer sk_live_…');
    expectNoKey(error, secret);
  });

  it('an error body and headers in which the server echoes the key', async () => {
    await withHttpServer(
      (req, res) => {
        res.writeHead(401, { 'content-type': 'application/json', 'x-echo': req.headers.authorization ?? '' });
        res.end(
          JSON.stringify({ error: { type: 'invalid_request_error', message: `Invalid API key provided: ${secret}` } }),
        );
      },
      async ({ url }) => {
        const error = await rejection(new Loops({ apiKey: secret, baseUrl: url }).checkout.sessions.list(), APIError);
        expect(error.message).toBe('401 Invalid API key provided: sk_live_…');
        expect(error.headers['x-echo']).toBe('Bearer sk_live_…');
        expect(JSON.stringify(error.body)).toContain('sk_live_…');
        expectNoKey(error, secret);
      },
    );
  });

  it('a key that JSON escapes, echoed inside a JSON body', async () => {
    const quoted = 'sk_live_quote"and\\backslash0123';
    await withHttpServer(
      (_req, res) => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'bad', param: quoted } }));
      },
      async ({ url }) => {
        const error = await rejection(
          new Loops({ apiKey: quoted, baseUrl: url, maxRetries: 0 }).checkout.sessions.list(),
          APIError,
        );
        expect(JSON.stringify(error)).not.toContain(JSON.stringify(quoted).slice(1, -1));
        expect(error.error?.param).toBe('sk_live_…');
      },
    );
  });

  it('a refused base URL that carries the key as a password', () => {
    const error = thrown(
      () => new Loops({ apiKey, baseUrl: `https://user:${secret}@api.loops.fi/api/v3` }),
      LoopsError,
    );
    expect(error.message).toBe(
      'Refusing baseUrl https://***@api.loops.fi/api/v3: it carries a user name or password: the API key is the only credential, remove them.',
    );
    expectNoKey(error, secret);
  });
});

describe('the key stays out of the debug log in whatever form a URL builder gives it', () => {
  // Visible ASCII keys, with the characters that each encoder treats differently well represented.
  const keys = fc
    .array(fc.oneof(fc.constantFrom(...'~!\'()*-._%+/\\"&=#?@:;,$[]^`{|}<>'), fc.constantFrom(...'aZ09')), {
      minLength: minKeyLength,
      maxLength: 40,
    })
    .map((chars) => chars.join(''));
  const encoders: [string, (key: string) => string][] = [
    ['encodeURIComponent', encodeURIComponent],
    ['URLSearchParams', (key) => new URLSearchParams({ k: key }).toString().slice(2)],
    ['encodeURI', encodeURI],
    ['lower-case hex', (key) => encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())],
    ['every byte encoded', (key) => [...key].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')],
    ['JSON', (key) => JSON.stringify(key).slice(1, -1)],
    ['JSON \\u escapes', (key) => [...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')],
    // A header name or a host name is lower-cased on its way.
    ['lower case', (key) => key.toLowerCase()],
    ['upper case', (key) => key.toUpperCase()],
  ];

  it.each(encoders)('%s', async (_, encode) => {
    await fc.assert(
      fc.asyncProperty(keys, async (key) => {
        const { lines, logger } = recorder();
        // A server that answers with the key encoded in its error message, as an echo would.
        const fetch = async () =>
          Response.json({ error: { type: 'api_error', message: `got ${encode(key)}` } }, { status: 500 });
        const loops = new Loops({ apiKey: key, logLevel: 'debug', logger, fetch, maxRetries: 0 });
        const error = await rejection(loops.checkout.sessions.list({}, { query: { leaked: key } }), APIError);
        const texts = [...lines, error.message, JSON.stringify(error)];
        for (const text of texts) {
          for (const [, other] of encoders) expect(text).not.toContain(other(key));
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('the key stays out of every cause, however a custom fetch builds its error', () => {
  const leaky =
    (build: (authorization: string) => unknown): Fetch =>
    async (request) => {
      throw build(request.headers.get('authorization') ?? '');
    };

  it.each<[string, (authorization: string) => unknown]>([
    [
      'a property holding the request headers',
      (auth) => Object.assign(new TypeError('fetch failed'), { config: { headers: { authorization: auth } } }),
    ],
    [
      'a Headers object on the error',
      (auth) => Object.assign(new TypeError('fetch failed'), { headers: new Headers({ authorization: auth }) }),
    ],
    ['a thrown string', (auth) => `boom ${auth}`],
    [
      'a cycle beside the key',
      (auth) => {
        const error = Object.assign(new Error(`refused ${auth}`), {} as { self?: unknown });
        error.self = error;
        return error;
      },
    ],
  ])('%s', async (_, build) => {
    const error = await rejection(
      new Loops({ apiKey: secret, fetch: leaky(build), maxRetries: 0 }).checkout.sessions.list(),
      LoopsError,
    );
    expectNoKey(error, secret);
  });

  it('keeps the original cause when nothing in it can show the key', async () => {
    const bug = Object.assign(new TypeError('bad'), { code: 'E_BUG' });
    const error = await rejection(
      new Loops({ apiKey: secret, fetch: leaky(() => bug), maxRetries: 0 }).checkout.sessions.list(),
      LoopsError,
    );
    expect(error.cause).toBe(bug);
  });

  it("a live client's key stays redacted however many other clients are made", async () => {
    const echo = leaky((auth) => new TypeError(`bad header ${auth}`));
    const loops = new Loops({ apiKey: secret, fetch: echo, maxRetries: 0 });
    for (let i = 0; i < 200; i++) new Loops({ apiKey: `sk_test_other_client_${i}_abcdefghij` });
    const error = await rejection(loops.checkout.sessions.list(), LoopsError);
    expectNoKey(error, secret);
  });
});
