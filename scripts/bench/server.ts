/**
 * The benchmark's server, in a process of its own so that its work does not share the client's
 * event loop: two fake Loops servers with the same sessions, one on the Loops path and one on the
 * path stripe-node calls (/v1/checkout/sessions). It reports its URLs, then its request count
 * whenever the parent asks.
 */
import { createFakeLoopsServer, fakeSessions } from '../../src/testing/index.js';

const count = Number(process.argv[2] ?? 100_000);
const apiKey = process.argv[3] ?? 'sk_test_bench';
const sessions = fakeSessions(count);
const loops = await createFakeLoopsServer({ sessions, apiKey });
const stripe = await createFakeLoopsServer({ sessions, apiKey, basePath: '/v1' });

process.on('message', async (message) => {
  if (message === 'count') {
    const failed = [...loops.requests, ...stripe.requests].filter((request) => request.outcome !== 'ok').length;
    process.send!({ count: loops.requests.length + stripe.requests.length, failed });
    loops.reset();
    stripe.reset();
  } else if (message === 'stop') {
    await Promise.all([loops.close(), stripe.close()]);
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
process.send!({ url: loops.url, stripeUrl: stripe.url });
