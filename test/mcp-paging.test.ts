/**
 * A list tool never truncates in silence: one page tells whether more follow and the cursor for the
 * next; `max` walks pages with the SDK's auto-pagination and says where it stopped; a result stays
 * under the size bound and says when it was cut to fit. Through the built bin, by the official client.
 */
import { describe, expect, it } from 'vitest';
import { maxItems, resultChars } from '../src/cli/mcp/bounds.js';
import { fakeSessions } from '../src/testing/index.js';
import { apiKey } from './support/client.js';
import { textOf, toolOf, useMcp } from './support/mcp.js';
import { cursorField, cursorParam, limitBounds, limitParam } from './support/spec.js';

const sessions = fakeSessions(10_000);
const ids = sessions.map((session) => session.id);
const mcp = useMcp(sessions);
const tool = toolOf('listCheckoutSessions');

interface ListResult {
  items: Record<string, unknown>[];
  has_more: boolean;
  next_page: Record<string, string> | null;
  truncated?: 'max' | 'size';
  notice?: string;
}

async function list(args: Record<string, unknown>) {
  const session = await mcp.connect();
  const call = async (more: Record<string, unknown> = {}) => {
    const result = await session.call(tool, { ...args, ...more });
    expect(result.isError, textOf(result)).toBeUndefined();
    expect(textOf(result).length).toBeLessThanOrEqual(resultChars);
    return JSON.parse(textOf(result)) as ListResult;
  };
  return { session, call };
}

describe(`${tool}`, () => {
  it('pages through 10 000 sessions by cursor: every session once, in order, each result under the bound', async () => {
    const { call } = await list({ [limitParam]: limitBounds.maximum });
    const seen: unknown[] = [];
    let page = await call();
    seen.push(...page.items.map((item) => item[cursorField]));
    while (page.has_more) {
      expect(page.next_page).toEqual({ [cursorParam]: seen.at(-1) });
      expect(page.notice).toContain(`${cursorParam}: ${JSON.stringify(seen.at(-1))}`);
      page = await call(page.next_page!);
      seen.push(...page.items.map((item) => item[cursorField]));
    }
    expect(seen).toEqual(ids);
    expect(page).toMatchObject({ has_more: false, next_page: null });
    expect(page.notice).toBeUndefined();
  }, 60_000);

  it(`walks pages with max (up to ${maxItems}), stops there saying so, and goes on from the cursor it gives`, async () => {
    mcp.cli.fake.reset();
    const { call } = await list({ max: maxItems, fields: [cursorField] });
    const first = await call();
    expect(first.items.map((item) => item[cursorField])).toEqual(ids.slice(0, maxItems));
    expect(first).toMatchObject({ has_more: true, truncated: 'max', next_page: { [cursorParam]: ids[maxItems - 1] } });
    expect(first.notice).toMatch(new RegExp(`Stopped at max = ${maxItems} items, and more follow`));
    // Pages of the largest size, up to the one with the item after max, and none past it.
    expect(mcp.cli.fake.requests).toHaveLength(Math.ceil((maxItems + 1) / limitBounds.maximum));
    const second = await call(first.next_page!);
    expect(second.items.map((item) => item[cursorField])).toEqual(ids.slice(maxItems, 2 * maxItems));
  });

  it('a walk that reaches the end of the list says there is nothing more', async () => {
    const { call } = await list({ max: 50, [cursorParam]: ids.at(-11) });
    const last = await call();
    expect(last.items.map((item) => item[cursorField])).toEqual(ids.slice(-10));
    expect(last).toEqual({ items: expect.any(Array), has_more: false, next_page: null });
  });

  it('a max below a page asks for one page that holds max + 1 items, to know whether more follow', async () => {
    mcp.cli.fake.reset();
    const { call } = await list({ max: 5 });
    expect((await call()).truncated).toBe('max');
    expect(mcp.cli.fake.requests.map((r) => r.query[limitParam])).toEqual(['6']);
  });

  it(`cuts a result to stay under ${resultChars} characters, saying so, with the cursor after its last item`, async () => {
    const { call } = await list({ max: 300 });
    const cut = await call();
    const count = cut.items.length;
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(300);
    expect(cut.items.map((item) => item.id)).toEqual(ids.slice(0, count));
    expect(cut).toMatchObject({ has_more: true, truncated: 'size', next_page: { [cursorParam]: ids[count - 1] } });
    expect(cut.notice).toContain(`Cut to ${count} of the 300 items read, to stay under ${resultChars} characters`);
  });

  it('keeps only the fields asked for, by path, and refuses a field the spec does not declare', async () => {
    const { session, call } = await list({
      [limitParam]: 2,
      fields: ['id', 'total_details.amount_tax', 'metadata.order_id'],
    });
    const { items } = await call();
    expect(items).toEqual(
      sessions.slice(0, 2).map((s) => ({
        id: s.id,
        'total_details.amount_tax': s.total_details?.amount_tax ?? null,
        'metadata.order_id': s.metadata?.order_id ?? null,
      })),
    );
    const refused = await session.call(tool, { fields: ['id', 'colour'] });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/^ValidationError: Invalid `fields\[1\]`: got "colour"; expected one of id, /);
  });

  it('refuses a max past the bound, naming it, before anything is sent', async () => {
    mcp.cli.fake.reset();
    const session = await mcp.connect();
    const refused = await session.call(tool, { max: maxItems + 1 });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain(
      `Invalid \`max\`: got ${maxItems + 1}; expected an integer from 1 to ${maxItems}`,
    );
    expect(mcp.cli.fake.requests).toEqual([]);
  });

  it('never shows the API key, in any result or on stderr', () => {
    expect(mcp.transcript().length).toBeGreaterThan(0);
    expect(mcp.transcript()).not.toContain(apiKey);
  });
});
