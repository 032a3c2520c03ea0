/** Medians with their spread, and the order contenders take turns in. */

/** A figure's median over its runs, with the lowest and highest run. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread {
  if (!values.length) throw new Error('no values to summarize');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

/**
 * a / b: the ratio of the medians (what verdicts are on), with the lowest and highest ratio of runs
 * that took place side by side (the i-th of a with the i-th of b, in the same round).
 */
export function ratio(a: number[], b: number[]): Spread {
  const perRound = a.map((value, i) => value / b[i]!);
  return { median: spread(a).median / spread(b).median, min: Math.min(...perRound), max: Math.max(...perRound) };
}

/**
 * The Theil–Sen slope of values taken at even steps, per step: the median of the slopes between
 * every pair, so that one sample that caught a page in flight does not tilt it.
 */
export function trend(values: number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) slopes.push((values[j]! - values[i]!) / (j - i));
  }
  return spread(slopes).median;
}

/** names, starting at a different one each round, so that no contender always goes first. */
export function rotate<T>(names: T[], round: number): T[] {
  const k = round % names.length;
  return [...names.slice(k), ...names.slice(0, k)];
}

const exposedGc = (globalThis as { gc?: () => void }).gc;
/** A full GC, so that no run pays for the garbage of the one before. */
export function gc(): void {
  if (!exposedGc) throw new Error('run with node --expose-gc (npm run bench does)');
  exposedGc();
}
