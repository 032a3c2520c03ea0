#!/usr/bin/env node
/**
 * `loops-checkout`: the Loops checkout sessions API from a terminal, built on the SDK. Data goes to
 * stdout and nothing else does; messages, log lines and progress go to stderr, escaped. Exit codes:
 * 0 done, 1 an API or network error, 2 a usage error, 130 after SIGINT and 143 after SIGTERM
 * (what was written stays valid).
 */
import { type Command, CommanderError } from 'commander';
import { LoopsError, ValidationError } from '../index.js';
import { describeError } from './error-message.js';
import { type ListFlags, listSessions } from './export.js';
import { program } from './program.js';
import { type RetrieveFlags, retrieveSession } from './retrieve.js';
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
  async list(options, command) {
    usage = command;
    process.exitCode = await listSessions(options as unknown as ListFlags, interrupt, process.argv.slice(2));
  },
  async retrieve(id, options, command) {
    usage = command;
    await retrieveSession(id, options as RetrieveFlags, interrupt);
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
