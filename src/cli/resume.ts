/**
 * How to go on after an interrupted or failed export: the same command line, filters, format and
 * flags as typed, with the cursor flag set to the last session written and `--max` lowered by what
 * was written. The key is never on a command line, so there is nothing secret to leave out.
 */
import { operationMetadata } from '../../generated/operations.js';
import { flagOf } from './flags.js';

const cursorFlag = flagOf(operationMetadata.listCheckoutSessions.pagination.cursorParam);

/** A word as a POSIX shell reads it back: bare when plain, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** args without flag and its value, whether given as `--flag value` or `--flag=value`. */
function without(args: readonly string[], flag: string): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === flag) i++;
    else if (!args[i]!.startsWith(`${flag}=`)) kept.push(args[i]!);
  }
  return kept;
}

export interface Progress {
  /** Sessions written. */
  written: number;
  /** The cursor of the last one. */
  lastCursor: string | undefined;
  /** --max, if given. */
  max: number | undefined;
}

/**
 * How to go on where this command stopped (args as typed, after the program's name): the command
 * line to run, or, once --max sessions were written, that nothing is left to do.
 */
export function resumeCommand(args: readonly string[], { written, lastCursor, max }: Progress): string {
  if (max !== undefined && written >= max) return `nothing: the ${max} sessions --max asked for were written`;
  let words = [...args];
  if (lastCursor !== undefined) words = [...without(words, cursorFlag), cursorFlag, lastCursor];
  if (max !== undefined) words = [...without(words, '--max'), '--max', String(max - written)];
  return ['loops-checkout', ...words].map(shellWord).join(' ');
}
