/**
 * The transport the SDK's calls take in this run of the suites: vitest.config.ts runs the suites of
 * the request path twice, once on node:http (the default on Node) and once with LOOPS_NODE_HTTP=0,
 * on fetch. A test passing its own `fetch` takes fetch either way.
 */
export const transport: 'node:http' | 'fetch' = process.env.LOOPS_NODE_HTTP === '0' ? 'fetch' : 'node:http';
