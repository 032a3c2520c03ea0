/**
 * 4. Early stop: how many requests the server received when a loop breaks after n sessions, and
 * for autoPagingToArray({ limit: 100 }). Counted a moment after the client is done, so that a
 * request it aborted on its way out is counted too.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type Plan, walkContenders } from './config.js';
import type { Child } from './ipc.js';
import type { BenchServer } from './server-control.js';

/** Requests per repeat, by case ('break after 1', 'autoPagingToArray') then contender. */
export type EarlyStopFigures = Record<string, Record<string, number[]>>;

export async function measureEarlyStop(
  server: BenchServer,
  walker: Child,
  { after, repeats, delay }: Plan['earlyStop'],
): Promise<EarlyStopFigures> {
  await server.setDelay(delay);
  const cases: [string, string[], Record<string, number>][] = [
    ...after.map((n): [string, string[], Record<string, number>] => [
      `break after ${n}`,
      walkContenders,
      { stopAfter: n },
    ]),
    ['autoPagingToArray({ limit: 100 })', walkContenders.filter((name) => name !== 'hand loop'), { toArray: 100 }],
  ];
  const figures: EarlyStopFigures = {};
  for (const [label, contenders, command] of cases) {
    figures[label] = {};
    for (const contender of contenders) {
      figures[label][contender] = [];
      for (let i = 0; i < repeats; i++) {
        await server.count();
        await walker.ask({ contender, ...command });
        await sleep(50);
        const { count, failed } = await server.count();
        if (failed) throw new Error(`${contender}, ${label}: ${failed} requests refused by the bench server`);
        figures[label][contender].push(count);
      }
    }
  }
  return figures;
}
