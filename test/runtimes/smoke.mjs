// The runtime smoke test: list, paginate through three pages or more, and catch an
// AuthenticationError, with the SDK the runtime loads. Prints one JSON line of what it saw.
export async function smoke(sdk, { baseUrl, apiKey, dangerouslyAllowBrowser = false }) {
  const loops = new sdk.Loops({ apiKey, baseUrl, maxRetries: 0, dangerouslyAllowBrowser });
  let page = await loops.checkout.sessions.list({ limit: 5 });
  let pages = 1;
  const firstIds = page.data.map((session) => session.id);
  while (page.hasNextPage()) {
    page = await page.getNextPage();
    pages += 1;
  }
  let walked = 0;
  for await (const session of loops.checkout.sessions.list({ limit: 4 }))
    if (session.object === 'checkout.session') walked += 1;
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
  return { pages, walked, first: firstIds[0], auth };
}

// Run directly (node, bun, deno): smoke.mjs <baseUrl> <apiKey>
const args = globalThis.Deno?.args ?? globalThis.process?.argv.slice(2) ?? [];
if (args.length === 2) {
  const sdk = await import('@loops-fi/checkout');
  const [baseUrl, apiKey] = args;
  console.log(JSON.stringify(await smoke(sdk, { baseUrl, apiKey })));
}
