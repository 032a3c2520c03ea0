/**
 * SIGINT (Ctrl-C) and SIGTERM (`timeout`, `docker stop`, a CI's cancel button): the first one
 * aborts the request or retry wait in flight at once, through the SDK's `signal`, and lets the
 * command close its output and say how to resume; a second one ends the process at once, after
 * its last words (the closing `]` of a JSON array).
 */
import { say } from './stderr.js';

export type StopSignal = 'SIGINT' | 'SIGTERM';

// 128 + the signal's number, as shells report a process a signal ended.
const exitCodes: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

export interface Interrupt {
  /** Aborted by the first signal. */
  readonly signal: AbortSignal;
  /** The first signal received, if any. */
  readonly received: StopSignal | undefined;
  /** 130 after SIGINT, 143 after SIGTERM, undefined before either. */
  readonly exitCode: number | undefined;
  /** What a second signal does before the process ends: it must be synchronous. */
  onSecondSignal(lastWords: () => void): void;
}

/** Starts listening for SIGINT and SIGTERM; call once, before any request. */
export function watchSignals(): Interrupt {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  let lastWords = () => {};
  const stop = (name: StopSignal) => {
    if (received) {
      lastWords();
      process.exit(exitCodes[received]);
    }
    received = name;
    say(`${name}: stopping, and closing the output; send it again to end at once.`);
    controller.abort(new Error(`${name} received`));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    get exitCode() {
      return received && exitCodes[received];
    },
    onSecondSignal(words) {
      lastWords = words;
    },
  };
}
