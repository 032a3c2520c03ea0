/**
 * A throwaway products API for the new operations of new-operations.ts: 23 products paged by offset,
 * and a create that answers the product it was sent. Records what each request carried.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  key: string | undefined;
  body: string;
}

export const allProducts = Array.from({ length: 23 }, (_, i) => ({
  id: `prod_${i}`,
  name: `Product ${i}`,
  unit_amount: 100 * i,
}));

export async function startProductServer(): Promise<{ url: string; seen: SeenRequest[]; close(): void }> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({
        method: req.method!,
        url: req.url!,
        key: req.headers['idempotency-key'] as string | undefined,
        body,
      });
      const query = new URL(req.url!, 'http://x').searchParams;
      const offset = Number(query.get('offset') ?? 0);
      const limit = Number(query.get('limit') ?? 10);
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST') return void res.end(JSON.stringify({ id: 'prod_new', ...JSON.parse(body) }));
      res.end(
        JSON.stringify({
          data: allProducts.slice(offset, offset + limit),
          has_more: offset + limit < allProducts.length,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => server.close(),
  };
}
