import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationMetadata } from '../generated/operations.js';
import type { ParamRule } from '../src/operation.js';
import { asSent, createFakeLoopsServer, fakeSessions } from '../src/testing/index.js';
import { apiKey } from './support/client.js';
import { useServers } from './support/servers.js';

const servers = useServers({ proxy: false });
const listing = operationMetadata.listCheckoutSessions;
const rules = listing.query as Record<string, ParamRule>;
const sessions = fakeSessions(30);

/** Values the spec allows for a rule; a cursor is drawn from the sessions served. */
function allowed(name: string, rule: ParamRule): fc.Arbitrary<string> {
  if (name === listing.pagination.cursorParam) return fc.constantFrom(...sessions.map((s) => s.id));
  if (rule.enum) return fc.constantFrom(...rule.enum.map(String));
  if (rule.type === 'integer') return fc.integer({ min: rule.minimum ?? -1e6, max: rule.maximum ?? 1e6 }).map(String);
  return fc.string({ minLength: rule.minLength ?? 0, maxLength: 20 });
}

/** Values the spec forbids for a rule, with the reason. */
function forbidden(rule: ParamRule): string[] {
  if (rule.enum) return [`${rule.enum.join('')}-not-a-value`, ''];
  if (rule.type === 'integer') {
    return [
      ...(rule.minimum === undefined ? [] : [String(rule.minimum - 1)]),
      ...(rule.maximum === undefined ? [] : [String(rule.maximum + 1)]),
      '1.5',
      'ten',
    ];
  }
  return rule.minLength ? [''] : [];
}

const get = async (query: Record<string, string>) => {
  const response = await fetch(`${servers.fake.url}${listing.path}?${new URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${apiKey}` },
  });
  return { status: response.status, body: (await response.json()) as { error?: { type: string; param?: string } } };
};

describe('the fake server checks requests by the spec', () => {
  it('never refuses a combination of parameters the spec allows', async () => {
    servers.fake.setSessions(sessions);
    const query = fc.record(
      Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, allowed(name, rule)])),
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const { status } = await get(params as Record<string, string>);
        expect(status).toBe(200);
      }),
      { numRuns: 60 },
    );
  });

  it.each(Object.entries(rules).flatMap(([name, rule]) => forbidden(rule).map((value) => [name, value] as const)))(
    'refuses %s=%j with a 400 in the spec error format that names it',
    async (name, value) => {
      const { status, body } = await get({ [name]: value });
      expect(status).toBe(400);
      expect(body.error?.type).toBe('invalid_request_error');
      expect(body.error?.param).toBe(name);
    },
  );

  it('refuses a parameter the spec does not declare, naming it', async () => {
    const unknown = `${Object.keys(rules).join('_')}_unknown`;
    const { status, body } = await get({ [unknown]: '1' });
    expect(status).toBe(400);
    expect(body.error?.param).toBe(unknown);
  });

  it('answers the retrieve operation from the same sessions', async () => {
    servers.fake.setSessions(sessions);
    const response = await fetch(`${servers.fake.url}/checkout/sessions/${sessions[4]!.id}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(asSent(sessions[4]!));
  });
});

describe('basePath', () => {
  it('serves the operations under the prefix, and nothing outside it', async () => {
    const prefixed = await createFakeLoopsServer({ sessions: fakeSessions(3), apiKey, basePath: '/v1' });
    try {
      const get = (path: string) => fetch(`${prefixed.url}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
      const listed = await get(`/v1${listing.path}`);
      expect(listed.status).toBe(200);
      expect((await listed.json()).url).toBe(`/v1${listing.path}`);
      expect((await get(`/v1/checkout/sessions/${fakeSessions(3)[0]!.id}`)).status).toBe(200);
      expect((await get(listing.path)).status).toBe(404);
    } finally {
      await prefixed.close();
    }
  });
});
