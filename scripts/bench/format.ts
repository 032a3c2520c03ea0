/** How figures are written: medians with their min–max, verdicts, tables. */
import type { Spread } from './stats.js';

export const fixed = (value: number, digits: number) =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** `1.23× (1.18–1.27)`: the median, then the lowest and highest run. */
export const withRange = ({ median, min, max }: Spread, digits: number, unit = '') =>
  min === max
    ? `${fixed(median, digits)}${unit}`
    : `${fixed(median, digits)}${unit} (${fixed(min, digits)}–${fixed(max, digits)})`;

export const verdict = (met: boolean) => (met ? 'met' : '**missed**');

/** `200 (all 5)` when every run agrees, else every run's figure. */
export const counts = (values: number[]) =>
  new Set(values).size === 1 ? `${values[0]} (all ${values.length})` : values.join(', ');

/** A Markdown table; numbers right-aligned where align says 'r'. */
export function table(header: string[], rows: string[][], align = ''): string {
  const rule = header.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export const kB = (bytes: number) => `${fixed(bytes / 1000, 2)} kB`;
