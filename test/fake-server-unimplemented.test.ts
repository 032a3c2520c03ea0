import { describe, expect, it, vi } from 'vitest';
import { authorization, expectConforms } from './support/conformance.js';
import { useServers } from './support/servers.js';

// An operation the spec could add tomorrow, which the fake server does not implement yet: it must
// answer 501 in the spec's error format (the default response of every operation), not a made-up 404.
vi.mock('../generated/operations.js', async (importOriginal) => {
  const generated = await importOriginal<typeof import('../generated/operations.js')>();
  const expire = {
    method: 'POST',
    path: '/checkout/sessions/{id}/expire',
    pathParams: { id: { type: 'string', minLength: 1, required: true } },
    query: {},
    success: { status: 200, schema: 'CheckoutSession' },
  };
  return { ...generated, operationMetadata: { ...generated.operationMetadata, expireCheckoutSession: expire } };
});

const servers = useServers({ proxy: false });

describe('an operation of the spec the fake server does not implement', () => {
  it('is answered 501 in the error format, naming the operation', async () => {
    const init = { method: 'POST', headers: authorization };
    const answer = await expectConforms(servers.fake.url, undefined, '/checkout/sessions/cs_test_1/expire', init);
    expect(answer.status).toBe(501);
    expect(JSON.parse(answer.text).error.message).toMatch(/does not implement expireCheckoutSession/);
  });
});
