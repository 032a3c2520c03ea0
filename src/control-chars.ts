/**
 * Text from a server shown safely on a terminal or in a log: control characters made visible, so
 * that a message cannot move the cursor, retitle a window, forge a log line or reorder what is read.
 */

// C0 (newlines and ESC among them), DEL and C1 (CSI is \x9b), the line and paragraph separators some
// viewers break lines at, and the bidirectional marks, embeddings, overrides and isolates ("Trojan Source").
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const controls = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** text with each control character replaced by its escape, such as `\x1b` or `\u202e`. */
export function showControlChars(text: string): string {
  return text.replace(controls, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
