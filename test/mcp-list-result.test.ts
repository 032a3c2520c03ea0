/**
 * A list tool's result under the size bound, whatever the items: the longest run from the first that
 * fits, never more characters than the bound, and when cut, `truncated: "size"` with the cursor right
 * after the last item returned, so that nothing is skipped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationMetadata } from '../generated/operations.js';
import { listTarget } from '../src/cli/list-target.js';
import { resultChars } from '../src/cli/mcp/bounds.js';
import { listResultText } from '../src/cli/mcp/list-result.js';
import type { Operation } from '../src/operation.js';
import { cursorField, cursorParam } from './support/spec.js';

const operation = operationMetadata.listCheckoutSessions as unknown as Operation;
const request = { operation, target: listTarget('listCheckoutSessions'), query: {}, maxName: 'max' };
// Items of any size, some alone over the bound, with text a JSON encoder escapes.
const note = fc
  .tuple(fc.nat({ max: 100_000 }), fc.string({ unit: 'binary', maxLength: 20 }))
  .map(([length, text]) => `${'"\\\n'.repeat(length % 50)}${'x'.repeat(length)}${text}`);
const items = fc
  .array(note, { maxLength: 12 })
  .map((notes) => notes.map((note, i) => ({ [cursorField]: `cs_${i}`, note })));

describe('the size bound', () => {
  it(`keeps a result under ${resultChars} characters, a prefix of the items, and says where to go on`, () => {
    let cuts = 0;
    let nothingFits = 0;
    fc.assert(
      fc.property(items, fc.boolean(), (listed, more) => {
        const text = listResultText(request, { items: listed, hasMore: more, stoppedAtMax: false });
        expect(text.length).toBeLessThanOrEqual(resultChars);
        const result = JSON.parse(text);
        const count = result.items.length;
        expect(result.items).toEqual(listed.slice(0, count));
        if (count < listed.length) {
          cuts++;
          if (count === 0) nothingFits++;
          expect(result).toMatchObject({ has_more: true, truncated: 'size' });
          expect(result.next_page).toEqual(count ? { [cursorParam]: listed[count - 1]![cursorField] } : {});
          expect(result.notice).toMatch(count ? `Cut to ${count} of the ${listed.length} items` : /alone is over/);
        } else {
          expect(result.truncated).toBeUndefined();
          expect(result.has_more).toBe(more);
        }
        // Cut only when the items could not all fit, with room to spare for the envelope.
        if (JSON.stringify(listed).length + 1_000 < resultChars) expect(count).toBe(listed.length);
      }),
      { numRuns: 60 },
    );
    expect(cuts).toBeGreaterThan(10);
    expect(nothingFits).toBeGreaterThan(0);
  });

  it('cuts one item sooner when the notice of the cut would push the result over the bound', () => {
    const huge = { [cursorField]: 'cs_huge', note: 'x'.repeat(resultChars) };
    const envelope = listResultText(request, { items: [huge], hasMore: false, stoppedAtMax: false }).length;
    // An item that fits beside a result with no items and the shorter notice, by 5 characters.
    const filler = { [cursorField]: 'cs_0', note: '' };
    filler.note = 'x'.repeat(resultChars - envelope - 1 - 5 - JSON.stringify(filler).length);
    const text = listResultText(request, { items: [filler, huge], hasMore: false, stoppedAtMax: false });
    expect(text.length).toBeLessThanOrEqual(resultChars);
    expect(JSON.parse(text)).toMatchObject({ items: [], has_more: true, truncated: 'size', next_page: {} });
  });
});
