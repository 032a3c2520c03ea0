/**
 * 3a. The transports the SDK could send through, compared bare (bare-clients.mjs): the same hand
 * loop on each, on loopback, in the walk child, taking turns. What decided the SDK's transport on Node.
 */
import type { Child } from './ipc.js';
import type { BenchServer } from './server-control.js';
import { rotate } from './stats.js';
import { emptyRuns, type WalkRuns, walkOnce } from './walks.js';

export const transportContenders = [
  'fetch, text',
  'fetch, bytes',
  'node:http',
  'undici request()',
  'floor: node:http, no parsing',
];

/** By contender. */
export type TransportFigures = Record<string, WalkRuns>;

export async function measureTransports(
  server: BenchServer,
  walker: Child,
  { rounds, sessions }: { rounds: number; sessions: number },
): Promise<TransportFigures> {
  await server.setDelay(0);
  for (const contender of transportContenders) await walker.ask({ contender });
  await server.count();
  const figures: TransportFigures = Object.fromEntries(transportContenders.map((name) => [name, emptyRuns()]));
  for (let round = 0; round < rounds; round++) {
    for (const contender of rotate(transportContenders, round)) {
      await walkOnce(server, walker, figures[contender]!, contender, sessions);
    }
  }
  return figures;
}
