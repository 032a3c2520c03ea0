/**
 * The transports the SDK could send through, compared bare: the same hand-written walk (the last id
 * as `starting_after`, each page parsed) on Node's fetch read as text, on fetch read as bytes then
 * decoded (a leaner use of fetch), on node:http with a keep-alive agent, and on undici's `request()`
 * (the npm package); and a floor that only fetches the pages, on node:http without parsing them
 * (each page's last id found by a string search), which is as fast as any client can walk.
 */
import { Agent, request as httpRequest } from 'node:http';
import { Agent as UndiciAgent, request as undiciRequest } from 'undici';

export const bareNames = [
  'fetch, text',
  'fetch, bytes',
  'node:http',
  'undici request()',
  'floor: node:http, no parsing',
];

/** The walk of every page, with get(url) giving a page's items and whether more follow. */
const walkWith = (baseUrl, get) => async (visit) => {
  let cursor;
  for (;;) {
    const query = cursor ? `limit=100&starting_after=${encodeURIComponent(cursor)}` : 'limit=100';
    const page = await get(`${baseUrl}/checkout/sessions?${query}`);
    for (const session of page.data) if (visit(session) === false) return;
    if (!page.has_more) return;
    cursor = page.data.at(-1).id;
  }
};

/**
 * A page's text over node:http with a keep-alive agent, each chunk decoded as it comes (as stripe-node
 * reads): gathering the chunks into one Buffer first costs more (V8 counts that copy outside its heap
 * and collects its old space for it).
 */
function httpText(url, headers, agent, encoding = 'utf8') {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers, agent }, (response) => {
      let text = '';
      response.setEncoding(encoding);
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve(text));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/** The bare clients, on the bench server at baseUrl. */
export function makeBareWalkers({ baseUrl, apiKey }) {
  const headers = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' };
  const agent = new Agent({ keepAlive: true });
  const dispatcher = new UndiciAgent();
  const decoder = new TextDecoder();
  const walk = (get) => ({ walk: walkWith(baseUrl, get) });
  return {
    'fetch, text': walk(async (url) => JSON.parse(await (await fetch(url, { headers })).text())),
    'fetch, bytes': walk(async (url) =>
      JSON.parse(decoder.decode(await (await fetch(url, { headers })).arrayBuffer())),
    ),
    'node:http': walk(async (url) => JSON.parse(await httpText(url, headers, agent))),
    'undici request()': walk(async (url) =>
      JSON.parse(await (await undiciRequest(url, { headers, dispatcher })).body.text()),
    ),
    'floor: node:http, no parsing': {
      // Items are not visited: the floor parses nothing. It counts 100 per full page, as the walk's visitor would.
      walk: async (visit) => {
        let cursor;
        for (;;) {
          const query = cursor ? `limit=100&starting_after=${encodeURIComponent(cursor)}` : 'limit=100';
          const text = await httpText(`${baseUrl}/checkout/sessions?${query}`, headers, agent, 'latin1');
          const more = text.endsWith('"has_more":true,', text.lastIndexOf('"url"'));
          for (let i = 0; i < 100; i++) if (visit(null) === false) return;
          if (!more) return;
          // The last session's id: the last `"id":"cs_…"` of the page.
          const at = text.lastIndexOf('"id":"cs_') + '"id":"'.length;
          cursor = text.slice(at, text.indexOf('"', at));
        }
      },
    },
  };
}
