import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ListParams, Loops, ValidationError } from '../src/index.js';
import { rejection } from './support/rejection.js';
import { apiKey, useServers } from './support/servers.js';

const servers = useServers({ proxy: false });
const list = (params: unknown) =>
  new Loops({ apiKey, baseUrl: servers.fake.url }).checkout.sessions.list(params as ListParams);

describe('parameters are checked before any request is sent', () => {
  it.each([0, 101, -5, 1.5, Number.NaN, '10', null])('limit %o is refused, naming the bounds', async (limit) => {
    const error = await rejection(list({ limit }), ValidationError);
    expect(error.param).toBe('limit');
    expect(error.allowed).toBe('an integer from 1 to 100');
    expect(error.message).toMatch(
      /^Invalid `limit`: got .+; expected an integer from 1 to 100\. No request was sent\.$/,
    );
    expect(servers.fake.requests).toHaveLength(0);
  });

  it.each(['OPEN', 'completed', '', 1])('status %o is refused, listing the allowed values', async (status) => {
    const error = await rejection(list({ status }), ValidationError);
    expect(error.param).toBe('status');
    expect(error.message).toContain('expected one of PENDING, COMPLETED, EXPIRED, CANCELLED');
    expect(servers.fake.requests).toHaveLength(0);
  });

  it('an unknown parameter is refused, listing the known ones', async () => {
    const error = await rejection(list({ limt: 10 }), ValidationError);
    expect(error.message).toBe(
      'Invalid `limt`: unknown parameter; expected one of status, limit, starting_after. No request was sent.',
    );
  });

  it('an empty cursor is refused', async () => {
    const error = await rejection(list({ starting_after: '' }), ValidationError);
    expect(error.param).toBe('starting_after');
  });

  it('every integer outside 1..100 is refused and every one inside is sent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -1_000, max: 1_000 }), async (limit) => {
        const sent = servers.fake.requests.length;
        const outcome = await list({ limit }).then(
          () => 'sent',
          (e: unknown) => (e instanceof ValidationError ? 'refused' : 'other'),
        );
        expect(outcome).toBe(limit >= 1 && limit <= 100 ? 'sent' : 'refused');
        expect(servers.fake.requests.length - sent).toBe(outcome === 'sent' ? 1 : 0);
      }),
      { numRuns: 60 },
    );
  });
});
