/**
 * Run against a scratch copy (SCRATCH_DIR) after its spec changed and was regenerated: builds its
 * `loops-checkout` bin, starts `mcp --allow-writes` with the official MCP client, and lists and calls
 * its tools: the products operations on the throwaway products API, the sessions list on the copy's
 * fake server. Prints one JSON line of what happened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startProductServer } from './product-server.js';

const scratch = process.env.SCRATCH_DIR!;
const load = (file: string) => import(pathToFileURL(join(scratch, file)).href);
const { bundleCli } = await load('scripts/harness/bundle.ts');
const { createFakeLoopsServer, fakeSessions } = await load('src/testing/index.ts');

const apiKey = 'sk_test_evolution';
const dir = mkdtempSync(join(tmpdir(), 'loops-evolved-mcp-'));
const bin = join(dir, 'loops-checkout.mjs');
await bundleCli(bin);
const products = await startProductServer();
const fake = await createFakeLoopsServer({ apiKey, sessions: fakeSessions(5) });

// The servers' stderr, kept for the report: the probe's own output must end with its JSON line.
let stderr = '';
async function connect(baseUrl: string): Promise<Client> {
  const client = new Client({ name: 'evolution', version: '1.0.0' });
  const env = { LOOPS_API_KEY: apiKey, LOOPS_BASE_URL: baseUrl };
  const args = [bin, 'mcp', '--allow-writes'];
  const transport = new StdioClientTransport({ command: process.execPath, args, env, stderr: 'pipe' });
  transport.stderr!.on('data', (chunk) => (stderr += chunk));
  await client.connect(transport);
  return client;
}
const json = (result: unknown) => JSON.parse(((result as CallToolResult).content[0] as { text: string }).text);

const clients: Client[] = [];
try {
  const onProducts = await connect(products.url);
  const onSessions = await connect(fake.url);
  clients.push(onProducts, onSessions);
  const { tools } = await onProducts.listTools();
  const walked: string[] = [];
  const nextPages: unknown[] = [];
  let page = json(await onProducts.callTool({ name: 'list_products', arguments: { limit: 5 } }));
  walked.push(...page.items.map((item: { id: string }) => item.id));
  // Bounded: a next_page that never moves on must fail the test, not hang it.
  while (page.has_more && nextPages.length < 10) {
    nextPages.push(page.next_page);
    page = json(await onProducts.callTool({ name: 'list_products', arguments: { limit: 5, ...page.next_page } }));
    walked.push(...page.items.map((item: { id: string }) => item.id));
  }
  const created = json(
    await onProducts.callTool({
      name: 'create_product',
      arguments: { body: { name: 'Pro plan (annual)', unit_amount: 4900 }, idempotency_key: 'k-evolved-1' },
    }),
  );
  const sessions = json(await onSessions.callTool({ name: 'list_checkout_sessions', arguments: { limit: 2 } }));
  console.log(
    JSON.stringify({
      tools: tools.map(({ name, inputSchema }) => ({
        name,
        properties: inputSchema.properties,
        required: inputSchema.required,
      })),
      walked,
      nextPages,
      created,
      createKey: products.seen.find((r) => r.method === 'POST')?.key,
      sessionsNextPage: sessions.next_page,
      stderr,
    }),
  );
} finally {
  for (const client of clients) await client.close();
  products.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}
