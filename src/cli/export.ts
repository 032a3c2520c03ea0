/**
 * `<list> list` (`sessions list`): one page, or with --all or --max a walk of every page, streamed to
 * stdout, for any list operation of the spec. An interrupt or a failure still closes the output
 * (valid JSON, JSONL or CSV) and says how to resume.
 */
import { engineOf } from '../client-core.js';
import { LoopsError, type RequestOptions, ValidationError } from '../index.js';
import type { PagePromise } from '../pagination.js';
import { type ClientFlags, client } from './client.js';
import { neverCutIn } from './columns.js';
import { describeError } from './error-message.js';
import { flagOf, keyOf } from './flags.js';
import { cursorFieldOf, type ListTarget } from './list-target.js';
import { Output } from './output.js';
import { startProgress } from './progress.js';
import { type Progress, resumeCommand } from './resume.js';
import type { Interrupt } from './signals.js';
import { say } from './stderr.js';
import { UsageError } from './usage-error.js';
import { createWriter, type Format, type Item } from './writers.js';

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

type Lister = (params: Record<string, unknown>, options: RequestOptions) => PagePromise<unknown, unknown, never>;

/** Every item of every page (up to --max), written a page at a time; received items are written even on a failure. */
async function walk(
  list: Lister,
  pageSize: number,
  params: Record<string, unknown>,
  options: RequestOptions,
  output: Output,
  max?: number,
) {
  // Progress only where a person watches stderr while stdout goes to a file or a pipe.
  const progress = process.stderr.isTTY && !process.stdout.isTTY ? startProgress(pageSize) : undefined;
  const batch: Item[] = [];
  let count = 0;
  try {
    for await (const item of list(params, options)) {
      batch.push(item as Item);
      count++;
      progress?.update(count);
      if (count === max || options.signal?.aborted) break;
      // A page's worth at a time: one write per page, not per item.
      if (batch.length >= pageSize) await output.write(batch.splice(0));
    }
  } finally {
    await output.write(batch);
    progress?.stop(count);
  }
}

async function onePage(
  target: ListTarget,
  list: Lister,
  params: Record<string, unknown>,
  options: RequestOptions,
  output: Output,
) {
  const page = await list(params, options);
  await output.write(page.getPaginatedItems() as Item[]);
  const next = page.nextPageParams();
  if (next && process.stderr.isTTY) {
    const flags = Object.entries(next).map(([name, value]) => `${flagOf(name)} ${value}`);
    say(`More ${target.noun} follow: --all for every one, --max <n> for n, ${flags.join(' ')} for the next page.`);
  }
}

/** Where a resumed export starts: after the last item's cursor, or at the offset past what was written. */
function resumeAt(target: ListTarget, params: Record<string, unknown>, output: Output): Progress['resumeAt'] {
  const { paging } = target;
  if (paging.style === 'cursor')
    return output.lastCursor === undefined ? undefined : [flagOf(paging.cursorParam), output.lastCursor];
  if (output.written === 0) return undefined;
  return [flagOf(paging.offsetParam), String(Number(params[paging.offsetParam] ?? 0) + output.written)];
}

/**
 * Runs a list command; resolves to its exit code. path holds its path parameters; args are the
 * command line as typed, for the resume line.
 */
export async function listItems(
  target: ListTarget,
  path: Record<string, string>,
  flags: ListFlags,
  interrupt: Interrupt,
  args: readonly string[],
): Promise<number> {
  const format = flags.format ?? (process.stdout.isTTY ? 'table' : 'jsonl');
  if (!flags.csvEscapeFormulas && format !== 'csv')
    throw new UsageError('--no-csv-escape-formulas goes with --format csv only.');
  const { operation, paging } = target;
  const params: Record<string, unknown> = Object.fromEntries(
    Object.keys(operation.query)
      .map((name) => [name, (flags as unknown as Record<string, unknown>)[keyOf(name)]])
      .filter(([, value]) => value !== undefined),
  );
  const walking = flags.all === true || flags.max !== undefined;
  const { limitParam } = paging;
  const maximum = operation.query[limitParam]?.maximum ?? Number.POSITIVE_INFINITY;
  // A walk asks for the largest pages the spec allows, or --max if fewer, unless --limit says otherwise.
  if (walking) params[limitParam] ??= Math.min(flags.max ?? Number.POSITIVE_INFINITY, maximum);
  const engine = engineOf(client(flags));
  const list: Lister = (query, options) => engine.list(operation, { path, query }, options);
  const writer = createWriter({
    format,
    target,
    fields: flags.fields,
    tableFields: target.tableFields,
    width: tableWidth(),
    neverCut: neverCutIn(target),
    escapeFormulas: flags.csvEscapeFormulas,
  });
  const output = new Output(writer, cursorFieldOf(target));
  const resume = () =>
    resumeCommand(args, {
      written: output.written,
      resumeAt: resumeAt(target, params, output),
      max: flags.max,
      noun: target.noun,
    });
  interrupt.onSecondSignal(() => {
    output.closeNow();
    say(`stopped after ${output.written} ${target.noun}. To resume: ${resume()}`);
  });
  const options = { signal: interrupt.signal, ...(flags.query && { query: flags.query }) };
  let failure: LoopsError | undefined;
  try {
    const pageSize = Number(params[limitParam] ?? operation.query[limitParam]?.default ?? 100);
    await (walking
      ? walk(list, pageSize, params, options, output, flags.max)
      : onePage(target, list, params, options, output));
  } catch (error) {
    // A parameter the SDK refuses is a usage error, found before anything was sent or written.
    if (error instanceof ValidationError || !(error instanceof LoopsError)) throw error;
    failure = error;
  }
  await output.close();
  // Everything is written: a second signal has nothing left to save.
  interrupt.onSecondSignal(() => {});
  const stopped = `after ${output.written} ${target.noun}. To resume: ${resume()}`;
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
