/**
 * Which differences between two bundled specs break the clients of the older one.
 *
 * The `$ref`s of both specs are resolved before the diff (resolve.ts), not corrected after it:
 * api-smart-diff's rules read the node at a difference's path, and a parameter written as
 * `{ $ref }` (as this spec writes every one) hides its `required`, so a new required parameter
 * passed as harmless and an optional one was named "required". Resolving first lets every rule of
 * the library see what a client sees; correcting afterwards would mean rewriting each rule that
 * reads a node. api-smart-diff finds the differences; judge.ts words them and corrects the verdicts of its rules
 * that do not fit OpenAPI 3.1 or this spec's promises (type lists, enums, request body fields,
 * new parameters). `components/` entries are left out: each is reported again, resolved, under the
 * operations that use it, which is where a client meets it.
 */
import { createHash } from 'node:crypto';
import { apiCompare } from 'api-smart-diff';
import { reason } from './describe.js';
import { judge } from './judge.js';
import { type Json, parametersPerOperation, resolveRefs } from './resolve.js';

export type { Json } from './resolve.js';

export interface Change {
  breaking: boolean;
  /** A short id of this change (`break-1a2b3c4d`), the same on every run: what a changeset names. */
  id: string;
  /** Where, as a client meets it: `GET /checkout/sessions → 200 → data[] → locale`. */
  where: string;
  /** What changed, in words. */
  what: string;
  /** Why it breaks the clients of the older spec (breaking changes only). */
  why?: string;
}

/** The id of a change: a hash of where and what, so that it names this change and no other. */
export const changeId = (where: string, what: string) =>
  `break-${createHash('sha256').update(`${where}\n${what}`).digest('hex').slice(0, 8)}`;

/**
 * A copy of a resolved document for api-smart-diff: without the `components` that nothing refers
 * to any more (all but the examples, unless a recursive schema still refers to one), which it
 * would otherwise compare again, entry by entry, for nothing (the diff took 2 to 3 times as long).
 */
function forTheDiff(document: Json): Json {
  const { components, ...rest } = structuredClone(document) as Json & { components?: Json };
  const stillReferred = /"\$ref":"#\/components\/(?!examples\/)/.test(JSON.stringify(rest.paths));
  return { ...rest, components: stillReferred ? components : { examples: components?.examples } };
}

/** Every difference between before and after that a client of before could notice, classified. */
export function classify(before: Json, after: Json): Change[] {
  const asClientsMeetIt = (document: Json) => parametersPerOperation(resolveRefs(document));
  const sides = { before: asClientsMeetIt(before), after: asClientsMeetIt(after) };
  // api-smart-diff rewrites the documents it compares (an `enum: []` where there was none, say):
  // it gets copies, and the verdicts read the untouched sides.
  const { diffs } = apiCompare(forTheDiff(sides.before), forTheDiff(sides.after));
  const changes = new Map<string, Change>();
  for (const diff of diffs) {
    if (diff.path[0] !== 'paths' || diff.type === 'annotation') continue;
    const judged = judge(diff, sides);
    if (!judged) continue;
    const { breaking, where, what, path } = judged;
    const why = breaking ? reason(path, diff.action) : undefined;
    const id = changeId(where, what);
    const known = changes.get(id);
    // One change per place and wording: the items of one enum, say, are judged together.
    if (!known || (breaking && !known.breaking)) changes.set(id, { breaking, id, where, what, ...(why && { why }) });
  }
  return [...changes.values()];
}
