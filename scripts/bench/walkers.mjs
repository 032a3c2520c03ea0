/**
 * The walk contenders, in plain JavaScript so that any Node runs them without a loader, on the
 * built SDK (dist/). Each walker's walk(visit) calls visit on every session in order and stops
 * as soon as visit returns false; toArray(limit), where the contender has one, collects.
 */
import { Agent } from 'node:http';

// The SDK's build for Node, as Node resolves the package.
const sdkEntry = new URL('../../dist/esm/src/index.node.js', import.meta.url);

/** The walkers named, on the bench server at baseUrl (Loops) and stripePort (/v1, for stripe-node). */
export async function makeWalkers({ baseUrl, stripePort, apiKey }, names) {
  const walkers = {};
  if (names.some((name) => name.startsWith('SDK'))) {
    const { Loops } = await import(sdkEntry.href);
    // The SDK's default transport on Node is node:http; 'SDK, fetch' is the same client on Node's fetch.
    const sdk = (options, loops = new Loops({ apiKey, baseUrl })) => ({
      walk: async (visit) => {
        for await (const session of loops.checkout.sessions.list({ limit: 100 }, options)) {
          if (visit(session) === false) break;
        }
      },
      toArray: (limit) => loops.checkout.sessions.list({ limit: 100 }, options).autoPagingToArray({ limit }),
    });
    walkers.SDK = sdk({});
    walkers['SDK, prefetch off'] = sdk({ prefetch: false });
    walkers['SDK, fetch'] = sdk({}, new Loops({ apiKey, baseUrl, nodeHttp: false }));
  }
  if (names.includes('hand loop')) {
    const headers = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' };
    walkers['hand loop'] = {
      walk: async (visit) => {
        let cursor;
        for (;;) {
          const query = cursor ? `limit=100&starting_after=${encodeURIComponent(cursor)}` : 'limit=100';
          const response = await fetch(`${baseUrl}/checkout/sessions?${query}`, { headers });
          if (!response.ok) throw new Error(`hand loop: HTTP ${response.status}`);
          const page = await response.json();
          for (const session of page.data) if (visit(session) === false) return;
          if (!page.has_more) return;
          cursor = page.data.at(-1).id;
        }
      },
    };
  }
  if (names.includes('stripe-node')) {
    const { default: Stripe } = await import('stripe');
    const stripe = new Stripe(apiKey, {
      host: '127.0.0.1',
      port: stripePort,
      protocol: 'http',
      maxNetworkRetries: 0,
      httpAgent: new Agent({ keepAlive: true }),
    });
    walkers['stripe-node'] = {
      walk: async (visit) => {
        for await (const session of stripe.checkout.sessions.list({ limit: 100 })) if (visit(session) === false) break;
      },
      toArray: (limit) => stripe.checkout.sessions.list({ limit: 100 }).autoPagingToArray({ limit }),
    };
  }
  return walkers;
}

/** Busy-waits ms on the clock: a consumer's synchronous work, which no await can overlap. */
export function spin(ms) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}
