/**
 * Text measured in terminal cells, as a terminal draws it: a wide CJK character or an emoji takes
 * two cells, a combining accent none (string-width, by Unicode's East Asian Width and emoji data).
 * Cutting goes by grapheme clusters (Intl.Segmenter), so that no character, surrogate pair or
 * emoji sequence is ever split.
 */
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** How many terminal cells text takes. */
export function cellWidth(text: string): number {
  return stringWidth(text);
}

/** text cut to at most width cells, ending in `…` when it was cut. */
export function truncateCells(text: string, width: number): string {
  if (cellWidth(text) <= width) return text;
  if (width <= 0) return '';
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const cells = cellWidth(segment);
    if (used + cells > width - 1) break;
    kept += segment;
    used += cells;
  }
  return `${kept}…`;
}

/** text padded with spaces to width cells (text already fits). */
export function padCells(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - cellWidth(text)));
}
