#!/usr/bin/env node
/**
 * `loops-checkout`: the Loops checkout sessions API from a terminal, built on the SDK. Data goes to
 * stdout and nothing else does; messages and progress go to stderr. Exit codes: 0 done, 1 an API or
 * network error, 2 a usage error, 130 interrupted (what was written stays valid).
 */
import { once } from 'node:events';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { operationMetadata } from '../../generated/operations.js';
import { APIError, Loops, LoopsError, ValidationError, VERSION } from '../index.js';
import type { ParamRule } from '../operation.js';
import { describeRule } from '../validation.js';
import { createWriter, type Format } from './output.js';
import { startProgress } from './progress.js';

const listing = operationMetadata.listCheckoutSessions;
const tableFields = ['id', 'payment_status', 'amount_total', 'currency', 'customer_email', 'expires_at'];

const kebab = (name: string) => name.replaceAll('_', '-');
const camel = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

function integer(text: string): number {
  if (!/^-?\d+$/.test(text)) throw new InvalidArgumentError('not an integer.');
  return Number(text);
}

/** An option for each query parameter of the list, named and typed by the spec (`--starting-after`). */
function paramOption(name: string, rule: ParamRule): Option {
  const option = new Option(
    `--${kebab(name)} <${rule.type === 'integer' ? 'n' : 'value'}>`,
    `${name}: ${describeRule(rule)}`,
  );
  if (rule.enum) option.choices(rule.enum.map(String));
  if (rule.type === 'integer') option.argParser(integer);
  return option;
}

/** The client the options ask for; the key comes from LOOPS_API_KEY alone, never a flag. */
function client(options: { baseUrl?: string; timeout?: number; maxRetries?: number }): Loops {
  if (!process.env.LOOPS_API_KEY)
    throw new CommanderError(
      2,
      'loops.key',
      'Set LOOPS_API_KEY to your API key (it is never taken as a flag: command lines are visible to other users).',
    );
  return new Loops({
    baseUrl: options.baseUrl ?? process.env.LOOPS_BASE_URL,
    ...(options.timeout !== undefined && { timeout: options.timeout }),
    ...(options.maxRetries !== undefined && { maxRetries: options.maxRetries }),
    logLevel: 'off',
  });
}

/** Writes text to stdout, waiting when the reader is slower than the API. */
async function emit(text: string): Promise<void> {
  if (text && !process.stdout.write(text)) await once(process.stdout, 'drain');
}

const formats: Format[] = ['table', 'json', 'jsonl', 'csv'];
const defaultFormat = (): Format => (process.stdout.isTTY ? 'table' : 'jsonl');

let interrupted = false;
// The command that ran, for the help that goes with a usage error found after parsing.
let usage: Command | undefined;

async function list(options: Record<string, unknown>): Promise<void> {
  const params = Object.fromEntries(
    Object.keys(listing.query)
      .map((name) => [name, options[camel(name)]])
      .filter(([, value]) => value !== undefined),
  );
  const loops = client(options);
  const fields = options.fields as string[] | undefined;
  const writer = createWriter((options.format as Format | undefined) ?? defaultFormat(), fields, tableFields);
  const max = options.max as number | undefined;
  if (!options.all) {
    const page = await loops.checkout.sessions.list(params);
    const sessions = page.getPaginatedItems().slice(0, max);
    await emit(writer.rows(sessions as unknown as Record<string, unknown>[]) + writer.end());
    if (page.hasNextPage() && process.stderr.isTTY) {
      process.stderr.write(
        `More sessions follow: --all for every one, or ${Object.entries(page.nextPageParams()!).map(([name, value]) => `--${kebab(name)} ${value}`)} for the next page.\n`,
      );
    }
    return;
  }
  // An export asks for the largest pages the spec allows, unless told otherwise: fewer round trips.
  const { limitParam } = listing.pagination;
  params[limitParam] ??= listing.query[limitParam]?.maximum;
  // Progress only where a person watches stderr while stdout goes to a file or a pipe.
  const pageSize = Number(
    params[listing.pagination.limitParam] ?? listing.query[listing.pagination.limitParam]?.default,
  );
  const progress = process.stderr.isTTY && !process.stdout.isTTY ? startProgress(pageSize) : undefined;
  let count = 0;
  let batch: Record<string, unknown>[] = [];
  try {
    for await (const session of loops.checkout.sessions.list(params)) {
      batch.push(session as unknown as Record<string, unknown>);
      count++;
      // A page's worth at a time: one write per page, not per session.
      if (batch.length >= 100) {
        await emit(writer.rows(batch));
        batch = [];
      }
      progress?.update(count);
      if (interrupted || count === max) break;
    }
  } finally {
    await emit(writer.rows(batch) + writer.end());
    progress?.stop(count);
  }
}

async function retrieve(id: string, options: Record<string, unknown>): Promise<void> {
  const session = await client(options).checkout.sessions.retrieve(id);
  const format = (options.format as Format | undefined) ?? (process.stdout.isTTY ? 'table' : 'json');
  if (format === 'json') return emit(`${JSON.stringify(session, null, 2)}\n`);
  const writer = createWriter('table', ['field', 'value'], []);
  const rows = Object.entries(session).map(([field, value]) => ({ field, value }));
  await emit(writer.rows(rows) + writer.end());
}

function program(): Command {
  const root = new Command('loops-checkout')
    .description('The Loops checkout sessions API from a terminal. The API key comes from LOOPS_API_KEY.')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  const shared = (command: Command) =>
    command
      .option('--base-url <url>', 'the API base URL (default LOOPS_BASE_URL, then the production API)')
      .option('--timeout <ms>', 'milliseconds each attempt may take', integer)
      .option('--max-retries <n>', 'retries of a failed attempt, 0 to 10', integer)
      .exitOverride();
  const sessions = root.command('sessions').description('checkout sessions').exitOverride();
  const listCommand = sessions
    .command('list')
    .description('list checkout sessions, newest first: one page, or every page with --all')
    .option('--all', 'walk every page (streamed: constant memory)')
    .option('--max <n>', 'stop after n sessions', integer)
    .addOption(new Option('--format <format>', 'table on a terminal, jsonl when piped').choices(formats))
    .option('--fields <a,b,c>', 'columns to keep; dots reach into objects (total_details.amount_tax)', (text) =>
      text.split(',').filter(Boolean),
    );
  for (const [name, rule] of Object.entries(listing.query as Record<string, ParamRule>))
    listCommand.addOption(paramOption(name, rule));
  shared(listCommand).action((options, command: Command) => {
    usage = command;
    return list(options);
  });
  shared(
    sessions
      .command('retrieve <id>')
      .description('one checkout session by its id')
      .addOption(new Option('--format <format>', 'table on a terminal, json when piped').choices(['json', 'table'])),
  ).action((id, options, command: Command) => {
    usage = command;
    return retrieve(id, options);
  });
  return root;
}

process.on('SIGINT', () => {
  // The first Ctrl-C lets the row in flight finish and the output close; a second one ends at once.
  if (interrupted) process.exit(130);
  interrupted = true;
});
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // The reader went away (`| head`): what it wanted was written.
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await program().parseAsync(process.argv);
  process.exitCode = interrupted ? 130 : 0;
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; commander has printed the usage error and the help already.
    if (error.exitCode !== 0 && error.code === 'loops.key') process.stderr.write(`loops-checkout: ${error.message}\n`);
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof ValidationError) {
    process.stderr.write(`loops-checkout: ${error.message}\n\n${usage?.helpInformation() ?? ''}`);
    process.exitCode = 2;
  } else if (error instanceof LoopsError) {
    // An APIError's message names its request ID already; say it once, and always.
    const id = error instanceof APIError && error.requestId ? error.requestId : undefined;
    const quoted = id === undefined || error.message.includes(`request ID: ${id}`);
    process.stderr.write(`loops-checkout: ${error.message}${quoted ? '' : ` (request ID: ${id})`}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
