/**
 * stderr, where messages, log lines and progress go: every message escaped for the terminal, so
 * that a server's error message or a session's field cannot move the cursor, retitle the window
 * or forge a line of its own (CR and LF arrive as `\x0d` and `\x0a`).
 */

import { showControlChars as escapeControl } from '../control-chars.js';
import type { Logger } from '../index.js';

let statusLine = false;

/** Whether a progress line is drawn on stderr, to be cleared before a message is written. */
export function setStatusLine(drawn: boolean): void {
  statusLine = drawn;
}

/**
 * One line on stderr, escaped. While a progress bar is drawn (with the terminal's line wrapping
 * off, so that it stays on one line), its line is cleared first and wrapping is on for the message.
 */
function line(text: string): void {
  const message = `${escapeControl(text)}\n`;
  process.stderr.write(statusLine ? `\r\x1b[2K\x1b[?7h${message}\x1b[?7l` : message);
}

/** A message of the CLI's own, about data or an error from the API: `loops-checkout: …`. */
export function say(message: string): void {
  line(`loops-checkout: ${message}`);
}

/** The SDK's log lines (retries, waits, every attempt at debug), already free of the key, escaped. */
export const stderrLogger: Logger = { debug: line, info: line, warn: line, error: line };
