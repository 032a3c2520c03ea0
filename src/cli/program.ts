/**
 * The command line: `loops-checkout sessions list|retrieve` and their options, the list's filters
 * named and typed by the spec. Parsing only: what each command does is in export.ts and retrieve.ts.
 */
import { type Command, Option } from 'commander';
import { VERSION } from '../index.js';
import { logLevels } from './client.js';
import { fieldList, integer, listQuery, paramOption, positiveInteger, queryPair } from './flags.js';
import { outputError, SafeCommand } from './safe-command.js';
import { formats } from './writers.js';

export interface Actions {
  list(options: Record<string, unknown>, command: Command): Promise<void>;
  retrieve(id: string, options: Record<string, unknown>, command: Command): Promise<void>;
}

/** The options every command that calls the API shares. */
function shared(command: Command): Command {
  return command
    .option('--base-url <url>', 'the API base URL (default LOOPS_BASE_URL, then the production API)')
    .option('--timeout <ms>', 'milliseconds each attempt may take', integer)
    .option('--max-retries <n>', 'retries of a failed attempt, 0 to 10', integer)
    .addOption(
      new Option(
        '--log-level <level>',
        'what the SDK logs on stderr (retries at warn); default LOOPS_LOG, then warn',
      ).choices(logLevels),
    )
    .option(
      '-q, --query <name=value>',
      'a query parameter with no flag of its own, sent as given (repeatable)',
      queryPair,
    );
}

export function program(actions: Actions): Command {
  const root = new SafeCommand('loops-checkout')
    .description('The Loops checkout sessions API from a terminal. The API key comes from LOOPS_API_KEY.')
    .version(VERSION)
    .showHelpAfterError()
    .configureOutput({ outputError })
    .exitOverride();
  const sessions = root.command('sessions').description('checkout sessions');
  const list = sessions
    .command('list')
    .description('list checkout sessions, newest first: one page, every page with --all, or up to --max')
    .option('--all', 'walk every page (streamed: constant memory)')
    .option('--max <n>', 'stop after n sessions, walking as many pages as that takes', positiveInteger)
    .addOption(new Option('--format <format>', 'table on a terminal, jsonl when piped').choices(formats))
    .option(
      '--fields <a,b.c>',
      "the spec's fields to keep; dots reach into objects (total_details.amount_tax)",
      fieldList,
    )
    .option(
      '--no-csv-escape-formulas',
      'csv: write cells starting with = + - @ as they are (for machine readers, not spreadsheets)',
    );
  for (const [name, rule] of Object.entries(listQuery)) list.addOption(paramOption(name, rule));
  shared(list).action((options, command: Command) => actions.list(options, command));
  shared(
    sessions
      .command('retrieve <id>')
      .description('one checkout session by its id')
      .addOption(new Option('--format <format>', 'table on a terminal, json when piped').choices(['json', 'table'])),
  ).action((id: string, options, command: Command) => actions.retrieve(id, options, command));
  return root;
}
