/**
 * The command line, one command per operation of the spec (generated/catalog.ts): `sessions list`,
 * `sessions retrieve <id>`, `sessions create --data …`, and `mcp`, which serves them all as MCP
 * tools. A list's filters, a call's query parameters and path arguments are named and typed by the
 * spec. Parsing only: what a list command does is in export.ts, any other command in call.ts, `mcp`
 * in mcp/server.ts.
 */
import { type Command, Option } from 'commander';
import { catalog } from '../../generated/catalog.js';
import { operationMetadata } from '../../generated/operations.js';
import { VERSION } from '../index.js';
import type { Operation } from '../operation.js';
import { logLevels } from './client.js';
import { fieldListOf, integer, jsonData, paramOption, positiveInteger, queryPairOf } from './flags.js';
import { listTarget } from './list-target.js';
import { outputError, SafeCommand } from './safe-command.js';
import { formats } from './writers.js';

type Entry = {
  command: readonly string[];
  summary: string;
  paginated: boolean;
  body?: { required: boolean };
  idempotencyKey?: boolean;
  parameters: readonly { name: string; in: string }[];
};

export interface Actions {
  list(id: string, path: Record<string, string>, options: Record<string, unknown>, command: Command): Promise<void>;
  call(id: string, path: Record<string, string>, options: Record<string, unknown>, command: Command): Promise<void>;
  mcp(options: Record<string, unknown>, command: Command): Promise<void>;
}

/** The options of the SDK client, for every command that calls the API. */
function clientOptions(command: Command): Command {
  return command
    .option('--base-url <url>', 'the API base URL (default LOOPS_BASE_URL, then the production API)')
    .option('--timeout <ms>', 'milliseconds each attempt may take', integer)
    .option('--max-retries <n>', 'retries of a failed attempt, 0 to 10', integer)
    .addOption(
      new Option(
        '--log-level <level>',
        'what the SDK logs on stderr (retries at warn); default LOOPS_LOG, then warn',
      ).choices(logLevels),
    );
}

/** The options every command of an operation shares. */
function shared(command: Command, operation: Operation): Command {
  return clientOptions(command).option(
    '-q, --query <name=value>',
    'a query parameter with no flag of its own, sent as given (repeatable)',
    queryPairOf(operation),
  );
}

/** `mcp`: the operations as the tools of an MCP server on stdio. */
function mcpCommand(root: Command, actions: Actions): void {
  const writes = Object.values(catalog as Record<string, Entry & { writes: boolean }>)
    .filter((entry) => entry.writes)
    .map((entry) => entry.command.join(' '));
  const command = root
    .command('mcp')
    .description(
      'serve every operation as a tool of an MCP server on stdin and stdout, read-only unless --allow-writes',
    )
    .option('--allow-writes', `also offer the tools that change data (${writes.join(', ') || 'none in this spec'})`);
  clientOptions(command).action((options: Record<string, unknown>, self: Command) => actions.mcp(options, self));
}

/** A list command's own options: how far to walk, and what to write. */
function listOptions(command: Command, id: string): Command {
  const target = listTarget(id);
  return command
    .option('--all', 'walk every page (streamed: constant memory)')
    .option('--max <n>', `stop after n ${target.noun}, walking as many pages as that takes`, positiveInteger)
    .addOption(new Option('--format <format>', 'table on a terminal, jsonl when piped').choices(formats))
    .option('--fields <a,b.c>', "the spec's fields to keep; dots reach into objects", fieldListOf(target))
    .option(
      '--no-csv-escape-formulas',
      'csv: write cells starting with = + - @ as they are (for machine readers, not spreadsheets)',
    );
}

/** Any other command's own options: its body, its idempotency key, and how to show the answer. */
function callOptions(command: Command, entry: Entry): Command {
  if (entry.body) {
    const data = new Option('--data <json|@file|@->', 'the JSON body: given as is, from a file, or from stdin');
    command.addOption((entry.body.required ? data.makeOptionMandatory() : data).argParser(jsonData));
  }
  if (entry.idempotencyKey)
    command.option('--idempotency-key <key>', 'makes a retried call count once (default: a new key)');
  return command.addOption(
    new Option('--format <format>', 'table on a terminal, json when piped').choices(['json', 'table']),
  );
}

export function program(actions: Actions): Command {
  const root = new SafeCommand('loops-checkout')
    .description('The Loops checkout sessions API from a terminal. The API key comes from LOOPS_API_KEY.')
    .version(VERSION)
    .showHelpAfterError()
    .configureOutput({ outputError })
    .exitOverride();
  const groups = new Map<string, Command>();
  for (const [id, entry] of Object.entries(catalog as Record<string, Entry>)) {
    const operation = (operationMetadata as Record<string, Operation>)[id]!;
    const words = [...entry.command];
    const name = words.pop()!;
    const parent = words.length ? (groups.get(words[0]!) ?? root.command(words[0]!).description(words[0]!)) : root;
    if (words.length) groups.set(words[0]!, parent);
    const pathNames = entry.parameters.filter((p) => p.in === 'path').map((p) => p.name);
    const command = parent.command([name, ...pathNames.map((p) => `<${p}>`)].join(' ')).description(entry.summary);
    if (entry.paginated) listOptions(command, id);
    else callOptions(command, entry);
    for (const [param, rule] of Object.entries(operation.query)) command.addOption(paramOption(param, rule));
    shared(command, operation).action((...args: unknown[]) => {
      const path = Object.fromEntries(pathNames.map((p, i) => [p, args[i] as string]));
      const [options, self] = args.slice(pathNames.length) as [Record<string, unknown>, Command];
      return entry.paginated ? actions.list(id, path, options, self) : actions.call(id, path, options, self);
    });
  }
  mcpCommand(root, actions);
  return root;
}
