import type { IncomingHttpHeaders } from 'node:http';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  APIUserAbortError,
  AuthenticationError,
  type ClientOptions,
  Loops,
  LoopsError,
  ValidationError,
} from '../src/index.js';
import { fakeSessions } from '../src/testing/index.js';
import { apiKey, testClient } from './support/client.js';
import { withHttpServer } from './support/http-server.js';
import { rejection, thrown } from './support/rejection.js';
import { useServers } from './support/servers.js';
import { limitBounds, limitParam, statusParam, statusValues } from './support/spec.js';

const servers = useServers({ proxy: false });
const secret = 'sk_live_S3cr3tK3yThatMustNeverLeak0123456789';

/** Every way a user or a logger turns an error into text. */
function renderings(value: unknown): Record<string, string> {
  const error = value as Error;
  return {
    message: error.message,
    stack: error.stack ?? '',
    json: JSON.stringify(error),
    inspect: inspect(error, { depth: Infinity, showHidden: true }),
    string: String(error),
  };
}

function expectNoSecret(value: unknown): void {
  for (const [how, text] of Object.entries(renderings(value))) {
    expect(text, `the key leaked through ${how}`).not.toContain(secret);
    expect(text, `part of the key leaked through ${how}`).not.toContain(secret.slice(8, 24));
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('the API key never appears in an error', () => {
  const client = (options: ClientOptions = {}) => testClient({ apiKey: secret, baseUrl: servers.fake.url, ...options });

  it('in an AuthenticationError', async () => {
    const error = await rejection(client().checkout.sessions.list(), AuthenticationError);
    expectNoSecret(error);
  });

  it('in a connection error, its cause included', async () => {
    const error = await rejection(client({ baseUrl: 'http://127.0.0.1:9' }).checkout.sessions.list(), LoopsError);
    expectNoSecret(error);
  });

  it('in a timeout', async () => {
    servers.fake.fault({ type: 'slow', delayMs: 1000 });
    const error = await rejection(client({ timeout: 50 }).checkout.sessions.list());
    expectNoSecret(error);
  });

  it('in an abort', async () => {
    const error = await rejection(
      client().checkout.sessions.list({}, { signal: AbortSignal.abort() }),
      APIUserAbortError,
    );
    expectNoSecret(error);
  });

  it('in a ValidationError', async () => {
    const error = await rejection(client().checkout.sessions.list({ limit: limitBounds.minimum - 1 }), ValidationError);
    expectNoSecret(error);
  });

  it('in a refused base URL', () => {
    const error = thrown(() => new Loops({ apiKey: secret, baseUrl: 'http://api.loops.fi/api/v3' }), LoopsError);
    expectNoSecret(error);
  });

  it('nor in the client or a page, however they are inspected', async () => {
    servers.fake.setSessions(fakeSessions(2));
    const loops = new Loops({ apiKey, baseUrl: servers.fake.url });
    const page = await loops.checkout.sessions.list();
    for (const value of [loops, page, loops.checkout.sessions]) {
      expect(inspect(value, { depth: Infinity, showHidden: true })).not.toContain(apiKey);
      expect(JSON.stringify(value) ?? '').not.toContain(apiKey);
    }
  });
});

describe('where the key goes', () => {
  it('only in the Authorization header, as a bearer token', async () => {
    const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
    await withHttpServer(
      (req, res) => {
        seen.push({ url: req.url ?? '', headers: req.headers });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ object: 'list', data: [], has_more: false, url: '/api/v3/checkout/sessions' }));
      },
      async ({ url: baseUrl }) => {
        const status = statusValues[0];
        await new Loops({ apiKey: secret, baseUrl }).checkout.sessions.list({ status, limit: 5 });
        expect(seen).toHaveLength(1);
        const { url, headers } = seen[0]!;
        expect(headers.authorization).toBe(`Bearer ${secret}`);
        expect(url).toBe(`/checkout/sessions?${statusParam}=${status}&${limitParam}=5`);
        const others = Object.entries(headers).filter(([name]) => name !== 'authorization');
        expect(JSON.stringify(others)).not.toContain(secret);
      },
    );
  });

  it.each([
    'http://api.loops.fi/api/v3',
    'http://10.0.0.8:8080',
    'ftp://api.loops.fi',
    'http://localhost.evil.example',
  ])('refuses the base URL %s', (baseUrl) => {
    expect(() => new Loops({ apiKey, baseUrl })).toThrow(
      `Refusing baseUrl ${baseUrl}: your key goes only to an https: URL (or http: on localhost).`,
    );
  });

  it.each(['https://api.loops.fi/api/v3', 'http://localhost:4010', 'http://127.0.0.1:4010', 'http://[::1]:4010'])(
    'accepts the base URL %s',
    (baseUrl) => {
      expect(() => new Loops({ apiKey, baseUrl })).not.toThrow();
    },
  );

  it('refuses to run in a web worker too unless dangerouslyAllowBrowser is true', () => {
    vi.stubGlobal('WorkerGlobalScope', function WorkerGlobalScope() {});
    expect(() => new Loops({ apiKey })).toThrow('In a browser your API key is public');
    expect(() => new Loops({ apiKey, dangerouslyAllowBrowser: true })).not.toThrow();
  });

  it('refuses to run in a browser unless dangerouslyAllowBrowser is true', () => {
    vi.stubGlobal('document', {});
    expect(() => new Loops({ apiKey })).toThrow(
      'In a browser your API key is public: call the API from a server, or pass dangerouslyAllowBrowser: true.',
    );
    expect(() => new Loops({ apiKey, dangerouslyAllowBrowser: true })).not.toThrow();
  });
});

describe('configuration', () => {
  it('without a key, says how to provide one', () => {
    vi.stubEnv('LOOPS_API_KEY', '');
    expect(() => new Loops()).toThrow(new LoopsError('No API key: pass { apiKey } or set LOOPS_API_KEY.'));
  });

  it('reads LOOPS_API_KEY and LOOPS_BASE_URL from the environment', async () => {
    servers.fake.setSessions(fakeSessions(1));
    vi.stubEnv('LOOPS_API_KEY', apiKey);
    vi.stubEnv('LOOPS_BASE_URL', servers.fake.url);
    const page = await new Loops().checkout.sessions.list();
    expect(page.data).toHaveLength(1);
    expect(servers.fake.requests[0]?.authorized).toBe(true);
  });

  it.each([{ timeout: 0 }, { timeout: -1 }, { maxRetries: -1 }, { maxRetries: 1.5 }])('refuses %o', (options) => {
    expect(() => new Loops({ apiKey, ...options })).toThrow(LoopsError);
  });
});
