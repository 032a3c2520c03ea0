/**
 * What the SDK's build for every runtime but Node (package.json's default condition) holds in place
 * of node-http.ts, which scripts/harness/bundle.ts swaps out: no transport of its own, only fetch.
 * Browsers, edge runtimes and their bundles carry none of the node:http code (some 0.9 kB min+gzip).
 */
import type { Transport } from './transport.js';

export const nodeHttpTransport = (): Transport | undefined => undefined;

export const nodeHttpAllowed = (): boolean => false;
