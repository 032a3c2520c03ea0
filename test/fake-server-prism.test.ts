import { describe, expect, it } from 'vitest';
import { operationMetadata } from '../generated/operations.js';
import { type Fault, fakeSessions } from '../src/testing/index.js';
import { apiKey } from './support/client.js';
import { implementedIds, type OperationId, pathOf } from './support/conformance.js';
import { useServers } from './support/servers.js';
import { cursorParam } from './support/spec.js';

// Prism's proxy with --errors checks each request and answer against the spec (it does not forbid
// unknown fields: test/fake-server-conformance.test.ts does), and answers a 500 with its findings
// in `sl-violations` instead of passing on an answer that breaks the spec.
const servers = useServers({ proxy: true });
const sessions = fakeSessions(12);
const path = (id: OperationId, value = sessions[3]!.id) => pathOf(id, value);

async function throughPrism(path: string, headers: Record<string, string> = { authorization: `Bearer ${apiKey}` }) {
  const response = await fetch(`${servers.proxyUrl}${path}`, { headers });
  const text = await response.text();
  expect(response.headers.get('sl-violations'), text).toBeNull();
  return { status: response.status, headers: response.headers, text };
}

const faults: [string, Fault][] = [
  ['429 with Retry-After in seconds', { type: 'status', status: 429, retryAfter: 2 }],
  [
    '429 with Retry-After as an HTTP date',
    { type: 'status', status: 429, retryAfter: 'Tue, 24 Nov 2026 12:00:04 GMT' },
  ],
  [
    '503 with an HTTP date, retry-after-ms and x-should-retry',
    {
      type: 'status',
      status: 503,
      retryAfter: 'Tue, 24 Nov 2026 12:00:04 GMT',
      retryAfterMs: 1500,
      shouldRetry: true,
    },
  ],
  ['500 with x-should-retry: false', { type: 'status', status: 500, shouldRetry: false }],
  ['a slow answer', { type: 'slow', delayMs: 1 }],
];

describe.each(implementedIds)('%s through prism proxy --errors: the spec holds both ways', (operation) => {
  it('answers a request the spec allows', async () => {
    servers.fake.setSessions(sessions);
    expect((await throughPrism(path(operation))).status).toBe(operationMetadata[operation].success.status);
  });

  it('refuses a request without an API key with 401', async () => {
    expect((await throughPrism(path(operation), {})).status).toBe(401);
  });

  it.each(faults)('plays the fault %s', async (_, fault) => {
    servers.fake.setSessions(sessions);
    servers.fake.fault(fault);
    const answer = await throughPrism(path(operation));
    expect(answer.status).toBe(fault.type === 'status' ? fault.status : operationMetadata[operation].success.status);
    if (fault.type === 'status' && fault.retryAfter !== undefined) {
      expect(answer.headers.get('retry-after')).toBe(String(fault.retryAfter));
    }
  });
});

describe('refusals of each operation pass the proxy', () => {
  it('the list: a cursor that is no session is a 400', async () => {
    servers.fake.setSessions(sessions);
    expect((await throughPrism(`${path('listCheckoutSessions')}?${cursorParam}=cs_test_nowhere`)).status).toBe(400);
  });

  it('retrieve: an id no session has is a 404', async () => {
    servers.fake.setSessions(sessions);
    expect((await throughPrism(path('retrieveCheckoutSession', 'cs_test_nowhere'))).status).toBe(404);
  });
});
