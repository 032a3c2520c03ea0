/** "Did you mean …?": the known name closest to a mistyped one, for messages about unknown names. */

/** Edits between a and b: insertions, deletions, substitutions and swaps of neighbours (`timeuot`). */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The known name a typo most likely meant, ignoring letter case and `_`/`-` (`baseURL` is `baseUrl`,
 * `api_key` is `apiKey`), within 2 edits or a third of the longer name's length; undefined when none
 * is that close.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const plain = (text: string) => text.toLowerCase().replace(/[-_]/g, '');
  let best: string | undefined;
  let fewest = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const edits = distance(plain(name), plain(candidate));
    const allowed = Math.max(2, Math.floor(Math.max(name.length, candidate.length) / 3));
    if (edits <= allowed && edits < fewest) [best, fewest] = [candidate, edits];
  }
  return best;
}

/** ` (did you mean \`baseUrl\`?)`, or nothing when no known name is close. */
export function didYouMean(name: string, known: readonly string[]): string {
  const closest = closestName(name, known);
  return closest === undefined ? '' : ` (did you mean \`${closest}\`?)`;
}
