/** "Did you mean …?": the known name closest to a mistyped one, for messages about unknown names. */

/** Single-character insertions, deletions and substitutions that turn a into b (Levenshtein). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The known name a typo most likely meant, ignoring letter case and `_`/`-` (`baseURL` is `baseUrl`,
 * `api_key` is `apiKey`), within 2 edits or a third of the longer name's length (`timeuot` is
 * `timeout`); undefined when none is that close.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const plain = (text: string) => text.toLowerCase().replace(/[-_]/g, '');
  let best: string | undefined;
  let fewest = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const edits = distance(plain(name), plain(candidate));
    if (edits <= Math.max(2, Math.max(name.length, candidate.length) / 3) && edits < fewest) {
      [best, fewest] = [candidate, edits];
    }
  }
  return best;
}

/** ` (did you mean \`baseUrl\`?)`, or nothing when no known name is close. */
export function didYouMean(name: string, known: readonly string[]): string {
  const closest = closestName(name, known);
  return closest === undefined ? '' : ` (did you mean \`${closest}\`?)`;
}
