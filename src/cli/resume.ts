/**
 * How to go on after an interrupted or failed export: the same command line, filters, format and
 * flags as typed, with the paging flag set to where the export stopped (the cursor of the last item
 * written, or the offset after it) and `--max` lowered by what was written. The key is never on a
 * command line, so there is nothing secret to leave out.
 */

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
  /** Items written. */
  written: number;
  /** The flag that resumes the list and its value, such as `['--starting-after', 'cs_…']`; undefined before any item. */
  resumeAt: readonly [flag: string, value: string] | undefined;
  /** --max, if given. */
  max: number | undefined;
  /** What was written, in the command's words: `sessions`. */
  noun?: string;
}

/**
 * How to go on where this command stopped (args as typed, after the program's name): the command
 * line to run, or, once --max sessions were written, that nothing is left to do.
 */
export function resumeCommand(args: readonly string[], { written, resumeAt, max, noun = 'items' }: Progress): string {
  if (max !== undefined && written >= max) return `nothing: the ${max} ${noun} --max asked for were written`;
  let words = [...args];
  if (resumeAt !== undefined) words = [...without(words, resumeAt[0]), ...resumeAt];
  if (max !== undefined) words = [...without(words, '--max'), '--max', String(max - written)];
  return ['loops-checkout', ...words].map(shellWord).join(' ');
}
