/** One comparison of the breaking-change gate: the changes against a base, each breaking one with what acknowledges it. */
import { type Acknowledgement, acknowledgementOf, missing } from './acknowledge.js';
import type { Base } from './base.js';
import { type Change, classify, type Json } from './classify.js';

export interface Comparison {
  base: Base;
  /** The texts that may acknowledge a breaking change found against this base, and which ones count, in words. */
  acknowledgements: Acknowledgement[];
  counted: string;
}

export interface Verdict {
  change: Change;
  /** For a breaking change: what acknowledges it, or why nothing does. */
  by?: Acknowledgement;
  missing?: string;
}

export function judgeAgainst(comparison: Comparison, current: Json, version: string): Verdict[] {
  return classify(comparison.base.document, current).map((change) => {
    if (!change.breaking) return { change };
    const { by, tooSmall } = acknowledgementOf(change, comparison.acknowledgements);
    return by ? { change, by } : { change, missing: missing(tooSmall, version) };
  });
}

const line = ({ change, by, missing }: Verdict) =>
  `  - ${change.where}${change.breaking ? ` [${change.id}]` : ''}: ${change.what}` +
  (change.why ? `\n    breaks: ${change.why}` : '') +
  (by ? `\n    acknowledged by ${by.source} (${by.bump})` : '') +
  (missing ? `\n    not acknowledged: ${missing}` : '');

/** The report of one comparison: where the base came from, then the breaking changes, then the others. */
export function report(comparison: Comparison, verdicts: Verdict[]): string {
  const { base } = comparison;
  const out = [`Spec compared with ${base.ref.slice(0, 12)} (${base.why}).`];
  const breaking = verdicts.filter((verdict) => verdict.change.breaking);
  const others = verdicts.filter((verdict) => !verdict.change.breaking);
  if (verdicts.length === 0) out.push('No difference a client could notice.');
  if (breaking.length) {
    out.push(`\nBreaking (${breaking.length}):`, ...breaking.map(line), `  (${comparison.counted}.)`);
  }
  if (others.length) out.push(`\nNot breaking (${others.length}):`, ...others.map(line));
  return out.join('\n');
}
