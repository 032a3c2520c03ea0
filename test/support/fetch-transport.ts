/**
 * Set up in the `fetch` project of vitest.config.ts: the SDK's calls in these suites go through
 * fetch instead of node:http (LOOPS_NODE_HTTP=0, which a CLI child inherits too).
 */
process.env.LOOPS_NODE_HTTP = '0';
