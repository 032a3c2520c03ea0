import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ListParams, Loops, ValidationError } from '../src/index.js';
import { rejection } from './support/rejection.js';
import { apiKey, useServers } from './support/servers.js';
import {
  cursorParam,
  describeLimit,
  escapeRegExp,
  invalidStatus,
  knownListParams,
  limitBounds,
  limitParam,
  recasedStatus,
  statusParam,
  statusValues,
} from './support/spec.js';

const servers = useServers({ proxy: false });
const list = (params: unknown) =>
  new Loops({ apiKey, baseUrl: servers.fake.url }).checkout.sessions.list(params as ListParams);

describe('parameters are checked before any request is sent', () => {
  const { minimum, maximum } = limitBounds;

  it.each([minimum - 1, maximum + 1, -5, 1.5, Number.NaN, String(limitBounds.default), null])(
    'limit %o is refused, naming the bounds',
    async (limit) => {
      const error = await rejection(list({ [limitParam]: limit }), ValidationError);
      expect(error.param).toBe(limitParam);
      expect(error.allowed).toBe(describeLimit);
      expect(error.message).toMatch(
        new RegExp(
          `^Invalid \`${escapeRegExp(limitParam)}\`: got .+; expected ${escapeRegExp(describeLimit)}\\. No request was sent\\.$`,
        ),
      );
      expect(servers.fake.requests).toHaveLength(0);
    },
  );

  it.each([invalidStatus, recasedStatus, '', 1])('status %o is refused, listing the allowed values', async (status) => {
    const error = await rejection(list({ [statusParam]: status }), ValidationError);
    expect(error.param).toBe(statusParam);
    expect(error.message).toContain(`expected one of ${statusValues.join(', ')}`);
    expect(servers.fake.requests).toHaveLength(0);
  });

  it('an unknown parameter is refused, listing the known ones and the one it most likely meant', async () => {
    // The page size's name with its last two letters swapped, as a typo would.
    const typo = `${limitParam.slice(0, -2)}${limitParam.at(-1)}${limitParam.at(-2)}`;
    const error = await rejection(list({ [typo]: 10 }), ValidationError);
    expect(error.message).toBe(
      `Invalid \`${typo}\`: unknown parameter (did you mean \`${limitParam}\`?); expected one of ${knownListParams.join(', ')}. No request was sent.`,
    );
    expect(servers.fake.requests).toHaveLength(0);
  });

  it('an empty cursor is refused', async () => {
    const error = await rejection(list({ [cursorParam]: '' }), ValidationError);
    expect(error.param).toBe(cursorParam);
  });

  it(`every integer outside ${minimum}..${maximum} is refused and every one inside is sent`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: minimum - 1_000, max: maximum + 1_000 }), async (limit) => {
        const sent = servers.fake.requests.length;
        const outcome = await list({ [limitParam]: limit }).then(
          () => 'sent',
          (e: unknown) => (e instanceof ValidationError ? 'refused' : 'other'),
        );
        expect(outcome).toBe(limit >= minimum && limit <= maximum ? 'sent' : 'refused');
        expect(servers.fake.requests.length - sent).toBe(outcome === 'sent' ? 1 : 0);
      }),
      { numRuns: 60 },
    );
  });
});
