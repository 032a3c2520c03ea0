/**
 * `sessions list`: one page, or with --all or --max a walk of every page, streamed to stdout. An
 * interrupt or a failure still closes the output (valid JSON, JSONL or CSV) and says how to resume.
 */
import { operationMetadata } from '../../generated/operations.js';
import { type Loops, LoopsError, type RequestOptions, ValidationError } from '../index.js';
import { type ClientFlags, client } from './client.js';
import { describeError } from './error-message.js';
import { flagOf, keyOf, listQuery } from './flags.js';
import { Output } from './output.js';
import { startProgress } from './progress.js';
import { resumeCommand } from './resume.js';
import { neverCut, tableFields } from './session-table.js';
import type { Interrupt } from './signals.js';
import { say } from './stderr.js';
import { UsageError } from './usage-error.js';
import { createWriter, type Format, type Item } from './writers.js';

const { limitParam } = operationMetadata.listCheckoutSessions.pagination;

export interface ListFlags extends ClientFlags {
  all?: boolean;
  max?: number;
  format?: Format;
  fields?: string[];
  csvEscapeFormulas: boolean;
  query?: Record<string, string>;
}

/** What to know before running the resume line: its output is a document of its own. */
const separate: Partial<Record<Format, string>> = {
  csv: 'The resumed export starts with a header row of its own: write it to a new file.',
  json: 'The resumed export is a JSON array of its own: write it to a new file.',
};

/** The table's width: the terminal's, or 120 cells when a table goes to a file or a pipe. */
export const tableWidth = () => (process.stdout.isTTY ? process.stdout.columns || 80 : 120);

/** Every session of every page (up to --max), written a page at a time; received sessions are written even on a failure. */
async function walk(
  loops: Loops,
  params: Record<string, unknown>,
  options: RequestOptions,
  output: Output,
  max?: number,
) {
  // Progress only where a person watches stderr while stdout goes to a file or a pipe.
  const pageSize = Number(params[limitParam]);
  const progress = process.stderr.isTTY && !process.stdout.isTTY ? startProgress(pageSize) : undefined;
  const batch: Item[] = [];
  let count = 0;
  try {
    for await (const session of loops.checkout.sessions.list(params, options)) {
      batch.push(session as unknown as Item);
      count++;
      progress?.update(count);
      if (count === max || options.signal?.aborted) break;
      // A page's worth at a time: one write per page, not per session.
      if (batch.length >= pageSize) await output.write(batch.splice(0));
    }
  } finally {
    await output.write(batch);
    progress?.stop(count);
  }
}

async function onePage(loops: Loops, params: Record<string, unknown>, options: RequestOptions, output: Output) {
  const page = await loops.checkout.sessions.list(params, options);
  await output.write(page.getPaginatedItems() as unknown as Item[]);
  const next = page.nextPageParams();
  if (next && process.stderr.isTTY) {
    const flags = Object.entries(next).map(([name, value]) => `${flagOf(name)} ${value}`);
    say(`More sessions follow: --all for every one, --max <n> for n, ${flags.join(' ')} for the next page.`);
  }
}

/** Runs `sessions list`; resolves to its exit code. args are the command line as typed, for the resume line. */
export async function listSessions(flags: ListFlags, interrupt: Interrupt, args: readonly string[]): Promise<number> {
  const format = flags.format ?? (process.stdout.isTTY ? 'table' : 'jsonl');
  if (!flags.csvEscapeFormulas && format !== 'csv')
    throw new UsageError('--no-csv-escape-formulas goes with --format csv only.');
  const params: Record<string, unknown> = Object.fromEntries(
    Object.keys(listQuery)
      .map((name) => [name, (flags as unknown as Record<string, unknown>)[keyOf(name)]])
      .filter(([, value]) => value !== undefined),
  );
  const walking = flags.all === true || flags.max !== undefined;
  // A walk asks for the largest pages the spec allows, or --max if fewer, unless --limit says otherwise.
  if (walking) params[limitParam] ??= Math.min(flags.max ?? Number.POSITIVE_INFINITY, listQuery[limitParam]!.maximum!);
  const loops = client(flags);
  const writer = createWriter({
    format,
    fields: flags.fields,
    tableFields,
    width: tableWidth(),
    neverCut,
    escapeFormulas: flags.csvEscapeFormulas,
  });
  const output = new Output(writer);
  const resume = () => resumeCommand(args, { written: output.written, lastCursor: output.lastCursor, max: flags.max });
  interrupt.onSecondSignal(() => {
    output.closeNow();
    say(`stopped after ${output.written} sessions. To resume: ${resume()}`);
  });
  const options = { signal: interrupt.signal, ...(flags.query && { query: flags.query }) };
  let failure: LoopsError | undefined;
  try {
    await (walking ? walk(loops, params, options, output, flags.max) : onePage(loops, params, options, output));
  } catch (error) {
    // A parameter the SDK refuses is a usage error, found before anything was sent or written.
    if (error instanceof ValidationError || !(error instanceof LoopsError)) throw error;
    failure = error;
  }
  await output.close();
  // Everything is written: a second signal has nothing left to save.
  interrupt.onSecondSignal(() => {});
  const stopped = `after ${output.written} sessions. To resume: ${resume()}`;
  if (interrupt.exitCode !== undefined) {
    say(`interrupted by ${interrupt.received} ${stopped}`);
  } else if (failure) {
    say(describeError(failure));
    if (!walking) return 1;
    say(`stopped ${stopped}`);
  } else {
    return 0;
  }
  if (separate[format]) say(separate[format]);
  return interrupt.exitCode ?? 1;
}
