/**
 * Text from a server shown safely on a terminal or in a log: control characters made visible, so
 * that a message or a field cannot move the cursor, retitle a window, forge a log line or reorder
 * what is read. The SDK's error messages and log lines and everything the CLI shows go through it.
 */

// C0 (newlines and ESC among them), DEL and C1 (CSI is \x9b); the line and paragraph separators some
// viewers break lines at; the bidirectional marks, embeddings, overrides and isolates ("Trojan
// Source"); and a surrogate without its pair, which a terminal would show as U+FFFD, hiding it.
const controls =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
  /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** text with each control character replaced by its escape, such as `\x1b` or `\u202e`. */
export function showControlChars(text: string): string {
  return text.replace(controls, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
