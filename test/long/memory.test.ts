import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { operationMetadata } from '../../generated/operations.js';
import type { CheckoutSession } from '../../src/index.js';
import { fakeSessions } from '../../src/testing/index.js';
import { testClient } from '../support/client.js';

// A walk of 20 000 pages through the SDK, one at a time: 9 s alone on 2 idle cores, 23 s beside the
// other suites (it timed out at 60 s under load). It runs in `npm run test:long`, alone, with its own
// budget (vitest.long.config.ts), not in `npm test`.

const paging = operationMetadata.listCheckoutSessions.pagination;
const pageOf = (sessions: CheckoutSession[], more: boolean) => ({
  object: 'list',
  [paging.itemsField]: sessions,
  [paging.hasMoreField]: more,
  url: '/api/v3/checkout/sessions',
});

describe('a long walk keeps its memory flat', () => {
  it('holds no more after 20 000 pages than after 4 000: the runaway guard remembers the last 1 000 cursors', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const template = fakeSessions(1)[0]!;
    // One session a page, answered after one event-loop turn, as a network answers (within a single
    // turn, V8 keeps every weak reference made in it alive, and undici makes one per request):
    // only the walk's own memory can grow.
    const fetch = async (request: Request) => {
      await new Promise((resolve) => setImmediate(resolve));
      const after = new URL(request.url).searchParams.get(paging.cursorParam);
      const index = after ? Number(after.slice('cs_walk_'.length)) + 1 : 0;
      const body = pageOf([{ ...template, id: `cs_walk_${index}` }], index < 20_000);
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    };
    // Sampled every 1 000 pages after a full GC; each stretch is read by its lowest sample, since a
    // sample can only be raised by what happens to be in flight (a page, a response), never lowered.
    const heap: number[] = [];
    let walked = 0;
    for await (const _ of testClient({ baseUrl: 'http://127.0.0.1:9', fetch }).checkout.sessions.list()) {
      if (++walked % 1_000 === 0) {
        gc();
        gc();
        heap.push(process.memoryUsage().heapUsed);
      }
    }
    expect(walked).toBe(20_001);
    // Pages 4 000 to 8 000 (before, the first pages warm the JIT up) against pages 16 000 to 20 000:
    // remembering every cursor would hold 12 000 more strings by then, some 1.5 MB.
    const early = Math.min(...heap.slice(3, 8));
    const late = Math.min(...heap.slice(15, 20));
    expect(late - early).toBeLessThan(500_000);
  });
});
