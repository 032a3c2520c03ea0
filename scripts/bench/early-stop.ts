/**
 * 4. Early stop: how many requests the server received when a loop breaks after n sessions, and
 * for autoPagingToArray({ limit: 100 }). Counted a moment after the client is done, so that a
 * request it aborted on its way out is counted too.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type Plan, walkContenders } from './config.js';
import type { Child } from './ipc.js';
import type { BenchServer } from './server-control.js';

export interface EarlyStopCase {
  label: string;
  /** A loop that breaks after n sessions, or autoPagingToArray({ limit: 100 }). */
  kind: 'break' | 'toArray';
  /** The sessions the caller takes before it stops. */
  sessions: number;
  /** The requests a sequential walk needs (pages of 100 up to the stop). */
  sequential: number;
  /** Requests received per repeat, by contender. */
  requests: Record<string, number[]>;
}
export type EarlyStopFigures = EarlyStopCase[];

export async function measureEarlyStop(
  server: BenchServer,
  walker: Child,
  { after, repeats, delay }: Plan['earlyStop'],
): Promise<EarlyStopFigures> {
  await server.setDelay(delay);
  const cases = [
    ...after.map((n) => ({
      label: `break after ${n}`,
      kind: 'break' as const,
      sessions: n,
      sequential: Math.ceil(n / 100),
    })),
    { label: 'autoPagingToArray({ limit: 100 })', kind: 'toArray' as const, sessions: 100, sequential: 1 },
  ];
  const figures: EarlyStopFigures = [];
  for (const facts of cases) {
    const command = facts.kind === 'break' ? { stopAfter: facts.sessions } : { toArray: facts.sessions };
    // The hand loop has no autoPagingToArray.
    const contenders = walkContenders.filter((name) => facts.kind === 'break' || name !== 'hand loop');
    const requests: Record<string, number[]> = {};
    for (const contender of contenders) {
      requests[contender] = [];
      for (let i = 0; i < repeats; i++) {
        await server.count();
        await walker.ask({ contender, ...command });
        await sleep(50);
        const { count, failed } = await server.count();
        if (failed) throw new Error(`${contender}, ${facts.label}: ${failed} requests refused by the bench server`);
        requests[contender].push(count);
      }
    }
    figures.push({ ...facts, requests });
  }
  return figures;
}
