/**
 * commander's Command, with error messages that are safe to print: an unknown option never echoes
 * its value (`--api-key=sk_live_…` lands in CI logs otherwise), anything like an API key flag is
 * told to use LOOPS_API_KEY, a flag of another command says where it belongs, and every message is
 * escaped for the terminal.
 */
import { Command } from 'commander';
import { showControlChars as escapeControl } from '../control-chars.js';

// --api-key, --apikey, --key, --token, --access-token, --secret, --auth, --bearer, --password…
const keyLike = /api[-_]?key|^-+key$|token|secret|auth|bearer|passw/i;

// commander 14 builds its unknown-option message (with a "did you mean") in this method.
const commanderUnknownOption = (Command.prototype as unknown as { unknownOption(flag: string): void }).unknownOption;

/** The long flags of a command and of each command below it, with the command's path. */
function longFlags(command: Command, path: string[] = []): [string, string][] {
  const own = command.options.flatMap((option) =>
    option.long ? [[option.long, path.join(' ')] as [string, string]] : [],
  );
  return [...own, ...command.commands.flatMap((sub) => longFlags(sub, [...path, sub.name()]))];
}

export class SafeCommand extends Command {
  override createCommand(name?: string): SafeCommand {
    return new SafeCommand(name);
  }

  /** Called by commander for an option it does not know, as typed: `--api-key=VALUE`, `-kVALUE`. */
  unknownOption(flag: string): void {
    // The name only: `--name` before any `=`, or a short flag's two characters.
    const name = flag.startsWith('--') ? flag.split('=')[0]! : flag.slice(0, 2);
    const fail = (why: string) =>
      this.error(`error: unknown option '${name}'${why}`, { code: 'commander.unknownOption', exitCode: 2 });
    if (keyLike.test(name)) {
      fail(': the API key is never a flag (command lines are visible to other users); set LOOPS_API_KEY instead.');
    }
    let root: Command = this;
    while (root.parent) root = root.parent;
    const elsewhere = longFlags(root).find(([long, path]) => long === name && path);
    if (elsewhere) fail(` here: it is an option of '${elsewhere[1]}', and goes after it.`);
    commanderUnknownOption.call(this, name);
  }
}

/** commander's error message, escaped: a value typed on the command line cannot forge a line. */
export function outputError(message: string, write: (text: string) => void): void {
  // commander ends a message with a newline and may put a suggestion on a line of its own.
  const lines = message.replace(/\n$/, '').split('\n(Did you mean ');
  write(`${lines.map(escapeControl).join('\n(Did you mean ')}\n`);
}
