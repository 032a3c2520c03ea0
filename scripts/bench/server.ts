/**
 * The bench server, a process of its own so that its work does not share the client's event loop.
 * Every answer is serialized once at start (pages.ts); a request costs a lookup and a write. It
 * serves the Loops list on the spec's base path and the same pages on /v1 for stripe-node, checks
 * the bearer key, delays each answer by the delay last set over IPC, and counts requests as they
 * arrive, so that one its client aborted during the delay is counted too. Chunked, it sends each
 * answer without a length, in pieces of 16 KiB, as a server that streams (or compresses) its JSON does.
 *
 * IPC: { delay: ms, chunked?: boolean } → the same; 'count' → { count, failed } (then zeroed); 'stop'.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultBaseUrl } from '../../generated/operations.js';
import { buildPages } from './pages.js';

const count = Number(process.argv[2]);
const apiKey = process.env.BENCH_API_KEY;
if (!(count > 0) || !apiKey) throw new Error('usage: BENCH_API_KEY=… server.ts SESSION_COUNT');

const loopsPath = `${new URL(defaultBaseUrl).pathname}/checkout/sessions`;
const paths = new Set([loopsPath, '/v1/checkout/sessions']);
const { firstTen, byCursor } = buildPages(count, loopsPath);
const authorization = `Bearer ${apiKey}`;
let delay = 0;
let chunked = false;
let requests = 0;
let failed = 0;
const piece = 16 * 1024;

function send(res: ServerResponse, status: number, body: Buffer): void {
  const headers = { 'content-type': 'application/json', 'x-request-id': `req_bench${requests}` };
  if (!chunked) {
    res.writeHead(status, { ...headers, 'content-length': body.length });
    return void res.end(body);
  }
  res.writeHead(status, headers);
  for (let at = 0; at < body.length; at += piece) res.write(body.subarray(at, at + piece));
  res.end();
}

function refuse(res: ServerResponse, status: number, message: string): void {
  failed++;
  send(res, status, Buffer.from(JSON.stringify({ error: { type: 'invalid_request_error', message } })));
}

const server = createServer((req, res) => {
  requests++;
  const [path = '', search = ''] = (req.url ?? '').split('?');
  if (!paths.has(path)) return refuse(res, 404, `no route ${path}`);
  if (req.headers.authorization !== authorization) return refuse(res, 401, 'wrong or missing bearer key');
  const query = new URLSearchParams(search);
  const cursor = query.get('starting_after') ?? '';
  const limit = query.get('limit');
  const body = limit === '10' && !cursor ? firstTen : limit === '100' ? byCursor.get(cursor) : undefined;
  if (!body) return refuse(res, 400, `no page for ${search}`);
  if (delay) setTimeout(() => send(res, 200, body), delay);
  else send(res, 200, body);
});
// Longer than any pause between runs, so that clients keep their connections.
server.keepAliveTimeout = 120_000;

process.on('message', (message: 'count' | 'stop' | { delay: number; chunked?: boolean }) => {
  if (message === 'count') {
    process.send!({ count: requests, failed });
    requests = 0;
    failed = 0;
  } else if (message === 'stop') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  } else {
    delay = message.delay;
    chunked = message.chunked ?? false;
    process.send!({ delay, chunked });
  }
});
process.on('disconnect', () => process.exit(0));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  process.send!({ baseUrl: `${origin}${new URL(defaultBaseUrl).pathname}`, stripePort: port, origin });
});
