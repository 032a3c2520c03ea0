import { showControlChars } from './control-chars.js';
import { ValidationError } from './errors.js';
import { redact } from './secrets.js';
import { describeValue } from './validation.js';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Anything with console's four methods: console itself, pino, winston, a test's spy. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const levels: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

/**
 * The SDK's log: lines at or above the level go to the logger, every one redacted of API keys. A
 * line is given as a function, called only when its level is on: the request path builds none
 * on a call that logs nothing.
 */
export interface Log {
  debug(message: () => string): void;
  warn(message: () => string): void;
}

/** Throws a ValidationError unless level is one of the five. */
export function checkLogLevel(level: unknown, where: string): asserts level is LogLevel {
  if (!levels.includes(level as LogLevel)) {
    throw new ValidationError(where, `one of ${levels.join(', ')}`, describeValue(level));
  }
}

/** Throws a ValidationError unless logger has a method for each level (console's four). */
export function checkLogger(logger: unknown): asserts logger is Logger {
  const methods = levels.slice(1);
  if (!methods.every((method) => typeof (logger as Record<string, unknown> | null)?.[method] === 'function')) {
    throw new ValidationError('logger', 'an object with debug, info, warn and error methods', describeValue(logger));
  }
}

export function createLog(level: LogLevel, logger: Logger): Log {
  const rank = levels.indexOf(level);
  // Messages are built from method, path, query, status and timings, never headers; redact() is the
  // net under that rule, for a key pasted into a query parameter. A server's text in a line (an error
  // message, a request ID) cannot break it in two: control characters are shown as escapes.
  const at = (needed: LogLevel, write: (message: string) => void) => {
    const on = rank >= levels.indexOf(needed);
    return (message: () => string) => {
      if (!on) return;
      // A logger that fails (a closed stream, a bug) must not fail the call it reports on.
      try {
        const written: unknown = write.call(logger, `[loops] ${showControlChars(redact(message()))}`);
        if (typeof (written as PromiseLike<unknown> | null)?.then === 'function')
          (written as PromiseLike<unknown>).then(undefined, () => {});
      } catch {}
    };
  };
  return { debug: at('debug', logger.debug), warn: at('warn', logger.warn) };
}
