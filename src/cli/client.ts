/**
 * The SDK client a command asks for. The key comes from LOOPS_API_KEY alone, never a flag (command
 * lines are visible to other users); the base URL from --base-url, then LOOPS_BASE_URL; the log
 * level from --log-level, then LOOPS_LOG. An empty variable counts as unset, as in the SDK.
 */
import { baseUrlProblem, showUrl } from '../base-url.js';
import { type LogLevel, Loops, LoopsError, ValidationError } from '../index.js';
import { stderrLogger } from './stderr.js';
import { UsageError } from './usage-error.js';

export const logLevels: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

export interface ClientFlags {
  baseUrl?: string | undefined;
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  logLevel?: LogLevel | undefined;
}

/** An environment variable, or undefined when unset or empty. */
const env = (name: string): string | undefined => process.env[name] || undefined;

/** The base URL and where it came from, refused (exit 2) when the key must not go there. */
function baseUrl(flag: string | undefined): string | undefined {
  const [url, source] = flag !== undefined ? [flag, '--base-url'] : [env('LOOPS_BASE_URL'), 'LOOPS_BASE_URL'];
  if (url === undefined) return undefined;
  const problem = baseUrlProblem(url.replace(/\/+$/, ''));
  if (problem) throw new UsageError(`${source}: refusing ${showUrl(url)}: ${problem}.`);
  return url;
}

function logLevel(flag: LogLevel | undefined): LogLevel {
  const level = flag ?? env('LOOPS_LOG') ?? 'warn';
  if (!logLevels.includes(level as LogLevel)) {
    throw new UsageError(`LOOPS_LOG must be one of ${logLevels.join(', ')}; got '${level}'.`);
  }
  return level as LogLevel;
}

export function client(flags: ClientFlags): Loops {
  const apiKey = env('LOOPS_API_KEY');
  if (!apiKey) {
    throw new UsageError(
      'Set LOOPS_API_KEY to your API key (it is never taken as a flag: command lines are visible to other users).',
    );
  }
  const options = {
    apiKey,
    baseUrl: baseUrl(flags.baseUrl),
    ...(flags.timeout !== undefined && { timeout: flags.timeout }),
    ...(flags.maxRetries !== undefined && { maxRetries: flags.maxRetries }),
    logLevel: logLevel(flags.logLevel),
    logger: stderrLogger,
  };
  try {
    return new Loops(options);
  } catch (error) {
    // A refused key or option is a mistake in the environment or the command line, not the API's.
    if (error instanceof LoopsError && !(error instanceof ValidationError)) throw new UsageError(error.message);
    throw error;
  }
}
