#!/usr/bin/env node
/**
 * `loops-checkout`: the Loops checkout sessions API from a terminal, built on the SDK: a command for
 * each operation of the spec. Data goes to
 * stdout and nothing else does; messages, log lines and progress go to stderr, escaped. Exit codes:
 * 0 done, 1 an API or network error, 2 a usage error, 130 after SIGINT and 143 after SIGTERM
 * (what was written stays valid).
 */
import { type Command, CommanderError } from 'commander';
import { operationMetadata } from '../../generated/operations.js';
import { LoopsError, ValidationError } from '../index.js';
import type { Operation } from '../operation.js';
import { type CallFlags, callOperation } from './call.js';
import { describeError } from './error-message.js';
import { type ListFlags, listItems } from './export.js';
import { listTarget } from './list-target.js';
import type { McpFlags } from './mcp/server.js';
import { program } from './program.js';
import { watchSignals } from './signals.js';
import { say } from './stderr.js';
import { UsageError } from './usage-error.js';

const interrupt = watchSignals();
// The command that ran, for the help that goes with a usage error found after parsing.
let usage: Command | undefined;

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // The reader went away (`| head`): what it wanted was written.
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const cli = program({
  async list(id, path, options, command) {
    usage = command;
    const flags = options as unknown as ListFlags;
    process.exitCode = await listItems(listTarget(id), path, flags, interrupt, process.argv.slice(2));
  },
  async call(id, path, options, command) {
    usage = command;
    const operation = (operationMetadata as Record<string, Operation>)[id]!;
    await callOperation(operation, path, options as CallFlags, interrupt);
  },
  async mcp(options, command) {
    usage = command;
    // Loaded only for `mcp`: the MCP SDK is most of the bundle, and no other command needs it.
    const { serve } = await import('./mcp/server.js');
    process.exitCode = await serve(options as McpFlags, interrupt);
  },
});

try {
  await cli.parseAsync(process.argv);
  process.exitCode ??= 0;
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; commander has printed the usage error and the help already.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof UsageError || error instanceof ValidationError) {
    say(error instanceof ValidationError ? describeError(error) : error.message);
    process.stderr.write(`\n${usage?.helpInformation() ?? cli.helpInformation()}`);
    process.exitCode = 2;
  } else if (interrupt.exitCode !== undefined && error instanceof LoopsError) {
    say(`interrupted by ${interrupt.received}.`);
    process.exitCode = interrupt.exitCode;
  } else if (error instanceof LoopsError) {
    say(describeError(error));
    process.exitCode = 1;
  } else {
    throw error;
  }
}
