/**
 * Text from the API made safe to show on a terminal: session fields, field names and server
 * messages are typed by strangers, and a terminal obeys the control characters inside them (ESC
 * and OSC retitle the window or rewrite lines, CR and LF forge lines, bidi overrides reorder text).
 */

// C0 controls, DEL, C1 controls, the bidi embeddings, overrides and isolates, and a surrogate
// without its pair (which a terminal would show as U+FFFD, hiding what was there).
const unsafe =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this module's job.
  /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** One character as a visible escape: `\x1b` below U+0100, `\u202e` above. */
function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** text with every control character and bidi override replaced by a visible escape (`\x1b`, `\u202e`). */
export function escapeControl(text: string): string {
  return text.replace(unsafe, visible);
}
