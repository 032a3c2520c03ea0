/**
 * Run against a scratch copy (SCRATCH_DIR) after the products operations were added and generated:
 * uses its generated SDK as a user would, on a throwaway server that pages products by offset and
 * records what each request carried, and asks its fake server for the new operations. Prints one
 * JSON line of what happened.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startProductServer } from './product-server.js';

const scratch = process.env.SCRATCH_DIR!;
const load = (file: string) => import(pathToFileURL(join(scratch, file)).href);
const { Loops, ValidationError } = await load('src/index.ts');
const { createFakeLoopsServer } = await load('src/testing/index.ts');

const apiKey = 'sk_test_evolution';
const { url, seen, close } = await startProductServer();
const fake = await createFakeLoopsServer({ apiKey });
try {
  const loops = new Loops({
    apiKey,
    baseUrl: url,
    maxRetries: 0,
  });
  const walked: string[] = [];
  for await (const product of loops.products.list({ limit: 5 })) walked.push(product.id);
  const created = await loops.products.create({ name: 'Pro plan (annual)', unit_amount: 4900 });
  const before = seen.length;
  const refused = await loops.products.create({ name: 'Pro plan', unit_amount: -1 }).catch((error: Error) => error);
  const unimplemented = [];
  for (const method of ['GET', 'POST']) {
    const response = await fetch(`${fake.url}/products`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      ...(method === 'POST' && { body: JSON.stringify({ name: 'x', unit_amount: 1 }) }),
    });
    unimplemented.push({ status: response.status, message: (await response.json()).error.message });
  }
  console.log(
    JSON.stringify({
      walked,
      listOffsets: seen
        .filter((r) => r.method === 'GET')
        .map((r) => new URL(r.url, 'http://x').searchParams.get('offset')),
      created,
      createKey: seen.find((r) => r.method === 'POST')?.key,
      refused: {
        isValidationError: refused instanceof ValidationError,
        param: refused.param,
        sentAfter: seen.length - before,
      },
      unimplemented,
      samples: ['listProducts.ts', 'createProduct.ts', 'createProduct.sh'].map((f) =>
        existsSync(join(scratch, 'generated/samples', f)),
      ),
    }),
  );
} finally {
  close();
  await fake.close();
}
