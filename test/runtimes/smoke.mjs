// The runtime smoke test: list, paginate through three pages or more, catch an AuthenticationError,
// and see a refused connection as an APIConnectionError (each runtime words its network failures its
// own way), with the SDK the runtime loads. Prints one JSON line of what it saw, and which runtime.
export async function smoke(sdk, { baseUrl, apiKey, closedUrl, dangerouslyAllowBrowser = false }) {
  const loops = new sdk.Loops({ apiKey, baseUrl, maxRetries: 0, dangerouslyAllowBrowser });
  let page = await loops.checkout.sessions.list({ limit: 5 });
  let pages = 1;
  const firstIds = page.data.map((session) => session.id);
  while (page.hasNextPage()) {
    page = await page.getNextPage();
    pages += 1;
  }
  // While the loop works synchronously on the first session, the walk has requested the page after
  // the first (prefetch): the server's log tells whether that request left during the work.
  let walked = 0;
  const work = {};
  for await (const session of loops.checkout.sessions.list({ limit: 4 })) {
    if (walked === 0) {
      work.from = Date.now();
      while (Date.now() - work.from < 300);
      work.to = Date.now();
    }
    if (session.object === 'checkout.session') walked += 1;
    if (walked === 4) work.cursor = session.id;
  }
  let auth = 'not thrown';
  try {
    await new sdk.Loops({
      apiKey: 'sk_test_wrong',
      baseUrl,
      maxRetries: 0,
      dangerouslyAllowBrowser,
    }).checkout.sessions.list();
  } catch (error) {
    auth = error instanceof sdk.AuthenticationError ? `${error.name} ${error.status}` : `wrong error: ${error}`;
  }
  let network = 'not thrown';
  try {
    await new sdk.Loops({
      apiKey,
      baseUrl: closedUrl,
      maxRetries: 0,
      dangerouslyAllowBrowser,
    }).checkout.sessions.list();
  } catch (error) {
    network = error instanceof sdk.APIConnectionError ? error.name : `wrong error: ${error?.name}: ${error?.message}`;
  }
  return { pages, walked, first: firstIds[0], auth, network, runtime: runtime(), work };
}

function runtime() {
  if (globalThis.Deno) return `deno ${globalThis.Deno.version.deno}`;
  if (globalThis.Bun) return `bun ${globalThis.Bun.version}`;
  if (globalThis.process?.versions?.node) return `node ${globalThis.process.versions.node}`;
  return 'browser';
}

// Run directly (node, bun, deno): smoke.mjs <baseUrl> <apiKey> <closedUrl>
const args = globalThis.Deno?.args ?? globalThis.process?.argv.slice(2) ?? [];
if (args.length === 3) {
  const sdk = await import('@loops-fi/checkout');
  const [baseUrl, apiKey, closedUrl] = args;
  console.log(JSON.stringify(await smoke(sdk, { baseUrl, apiKey, closedUrl })));
}
