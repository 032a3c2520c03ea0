/**
 * What a generated method throws, and whether the SDK tries again first: asked of the SDK itself
 * (src/response.ts reads each status the way a call does, src/request.ts says which operations
 * repeat), so that the SDK reference cannot drift from what the code does.
 */
import type { Operation } from '../../src/operation.js';
import { repeatsSafely } from '../../src/request.js';
import { readResponse } from '../../src/response.js';
import type { SpecOperation } from './document.js';

export interface ErrorRow {
  when: string;
  error: string;
  retried: string;
}

/** The error a status becomes, whether it is worth another attempt, and whether it proves nothing was done. */
function outcome(operation: Operation, status: number) {
  const failure = readResponse(operation, new Response('{}', { status }), '{}');
  if (!('error' in failure)) throw new Error(`status ${status} does not fail`);
  return {
    error: failure.error.name,
    retried: Boolean(failure.retryable && (repeatsSafely(operation) || failure.unprocessed)),
  };
}

/** `408, 409, 501–599`: statuses in order, runs of consecutive ones joined. */
function ranges(statuses: number[]): string {
  const runs: number[][] = [];
  for (const status of statuses) {
    const run = runs.at(-1);
    if (run && status === run.at(-1)! + 1) run.push(status);
    else runs.push([status]);
  }
  return runs.map((run) => (run.length > 2 ? `${run[0]}–${run.at(-1)}` : run.join(', '))).join(', ');
}

const yes = (retried: boolean) => (retried ? 'yes' : 'no');

/** Every way a call of spec can fail, with the error thrown and whether it is retried (up to `maxRetries`). */
export function errorRows(spec: SpecOperation, idempotencyHeader: string | undefined): ErrorRow[] {
  const operation = { method: spec.method, idempotencyHeader } as Operation;
  const declared = Object.keys(spec.operation.responses as object).filter((code) => /^[45]\d\d$/.test(code));
  // Each row keyed by its first status, to list them in the order of statuses.
  const byStatus: [number, ErrorRow][] = declared.map((code) => {
    const { error, retried } = outcome(operation, Number(code));
    return [Number(code), { when: `\`${code}\``, error, retried: yes(retried) }];
  });
  const others = Array.from({ length: 200 }, (_, i) => 400 + i).filter((status) => !declared.includes(String(status)));
  const byError = new Map<string, number[]>();
  const retried: number[] = [];
  for (const status of others) {
    const result = outcome(operation, status);
    byError.set(result.error, [...(byError.get(result.error) ?? []), status]);
    if (result.retried) retried.push(status);
  }
  for (const [error, statuses] of byError) {
    if (error === 'APIError') continue;
    const again = statuses.filter((status) => retried.includes(status));
    const when = `\`${ranges(statuses)}\``;
    const row = {
      when,
      error,
      retried: again.length === statuses.length ? 'yes' : again.length ? ranges(again) : 'no',
    };
    byStatus.push([statuses[0]!, row]);
  }
  const plain = (byError.get('APIError') ?? []).filter((status) => retried.includes(status));
  const repeats = repeatsSafely(operation);
  return [
    { when: 'an argument the spec does not allow (nothing is sent)', error: 'ValidationError', retried: 'no' },
    ...byStatus.sort(([a], [b]) => a - b).map(([, row]) => row),
    { when: 'any other status', error: 'APIError', retried: plain.length ? `\`${ranges(plain)}\`; others no` : 'no' },
    {
      when: 'no response: the connection was refused, reset or cut, DNS or TLS failed',
      error: 'APIConnectionError',
      retried: repeats ? 'yes' : 'only when no connection could be opened: nothing was sent',
    },
    { when: 'an attempt took longer than `timeout`', error: 'APIConnectionTimeoutError', retried: yes(repeats) },
    { when: 'your `signal` aborted the call', error: 'APIUserAbortError', retried: 'no' },
  ];
}
