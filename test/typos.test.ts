import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClientOptions, type ListParams, Loops, type RequestOptions, ValidationError } from '../src/index.js';
import { closestName } from '../src/suggest.js';
import { fakeSessions } from '../src/testing/index.js';
import { apiKey } from './support/client.js';
import { rejection, thrown } from './support/rejection.js';
import { useServers } from './support/servers.js';

const servers = useServers({ proxy: false });

const clientOptions = [
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
];
const callOptions = ['timeout', 'maxRetries', 'maxResponseBytes', 'signal', 'headers', 'query'];

describe('a mistyped client option is refused, never ignored', () => {
  it("baseURL (openai-node's spelling) is refused before the key can go to the default, production URL", () => {
    let sent = 0;
    const fetch = async () => {
      sent++;
      return new Response('{}');
    };
    const options = { apiKey, baseURL: servers.fake.url, fetch } as unknown as ClientOptions;
    const error = thrown(() => new Loops(options), ValidationError);
    expect(error.param).toBe('baseURL');
    expect(error.message).toBe(
      `Invalid \`baseURL\`: unknown option (did you mean \`baseUrl\`?); expected one of ${clientOptions.join(', ')}. No request was sent.`,
    );
    expect(sent).toBe(0);
  });

  it.each([
    ['apikey', 'apiKey'],
    ['api_key', 'apiKey'],
    ['timeuot', 'timeout'],
    ['max_retries', 'maxRetries'],
    ['maxRetry', 'maxRetries'],
    ['default_headers', 'defaultHeaders'],
    ['loglevel', 'logLevel'],
  ])('%s is refused, suggesting %s', (typo, meant) => {
    const error = thrown(() => new Loops({ apiKey, [typo]: 1 } as ClientOptions), ValidationError);
    expect(error.param).toBe(typo);
    expect(error.message).toContain(`unknown option (did you mean \`${meant}\`?)`);
  });

  it('a name like no option is refused without a guess', () => {
    const error = thrown(() => new Loops({ apiKey, colour: 'blue' } as ClientOptions), ValidationError);
    expect(error.message).toMatch(/^Invalid `colour`: unknown option; expected one of apiKey, /);
  });

  it('any name that is not an option is refused, whatever it is', () => {
    const notAnOption = fc.string({ minLength: 1 }).filter((name) => !clientOptions.includes(name));
    fc.assert(
      fc.property(notAnOption, (name) => {
        const options = JSON.parse(JSON.stringify({ apiKey, [name]: true })) as ClientOptions;
        expect(thrown(() => new Loops(options), ValidationError).param).toBe(name);
      }),
    );
  });
});

describe('a mistyped per-call option is refused, and nothing is sent', () => {
  const loops = () => new Loops({ apiKey, baseUrl: servers.fake.url, maxRetries: 0 });

  it.each([
    ['timeuot', 'timeout'],
    ['Signal', 'signal'],
    ['header', 'headers'],
    ['maxretries', 'maxRetries'],
  ])('list() with %s rejects, suggesting %s', async (typo, meant) => {
    const call = loops().checkout.sessions.list({}, { [typo]: 5 } as RequestOptions);
    const error = await rejection(call, ValidationError);
    expect(error.param).toBe(typo);
    expect(error.message).toContain(`unknown option (did you mean \`${meant}\`?)`);
    expect(servers.fake.requests).toHaveLength(0);
  });

  it('retrieve() with a typo rejects the same way', async () => {
    const call = loops().checkout.sessions.retrieve('cs_test_1', { timeuot: 5 } as RequestOptions);
    expect((await rejection(call, ValidationError)).message).toContain('did you mean `timeout`?');
    expect(servers.fake.requests).toHaveLength(0);
  });

  it('prefetch is a list() option: retrieve() refuses it, list() takes it', async () => {
    const call = loops().checkout.sessions.retrieve('cs_test_1', { prefetch: false } as RequestOptions);
    expect((await rejection(call, ValidationError)).param).toBe('prefetch');
    servers.fake.setSessions(fakeSessions(2));
    const page = await loops().checkout.sessions.list({} as ListParams, { prefetch: false });
    expect(page.data).toHaveLength(2);
  });

  it('every name of RequestOptions is taken', async () => {
    servers.fake.setSessions(fakeSessions(1));
    const options = {
      timeout: 5_000,
      maxRetries: 0,
      maxResponseBytes: 1_000_000,
      signal: undefined,
      headers: {},
      query: {},
    };
    expect(Object.keys(options)).toEqual(callOptions);
    expect((await loops().checkout.sessions.list({}, options)).data).toHaveLength(1);
  });
});

describe('the guess', () => {
  it('ignores letter case, `_` and `-`, and allows 2 edits or a third of the longer name', () => {
    expect(closestName('BASEURL', clientOptions)).toBe('baseUrl');
    expect(closestName('base-url', clientOptions)).toBe('baseUrl');
    expect(closestName('maxRetires', clientOptions)).toBe('maxRetries');
    expect(closestName('url', clientOptions)).toBeUndefined();
    expect(closestName('fetcher', clientOptions)).toBe('fetch');
    expect(closestName('retries', clientOptions)).toBe('maxRetries');
    expect(closestName('proxy', clientOptions)).toBeUndefined();
  });
});
