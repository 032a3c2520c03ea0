import { describe, expect, it } from 'vitest';
import { type CheckoutSession, LoopsError, Page, ValidationError } from '../src/index.js';
import { asSent, fakeSession, fakeSessions } from '../src/testing/index.js';
import { testClient } from './support/client.js';
import { withHttpServer } from './support/http-server.js';
import { rejection } from './support/rejection.js';
import { useServers } from './support/servers.js';
import { cursorParam, escapeRegExp, limitBounds, limitParam, statusParam, statusValues } from './support/spec.js';

const servers = useServers({ proxy: true });
const client = () => testClient({ baseUrl: servers.proxyUrl });
const ids = (sessions: CheckoutSession[]) => sessions.map((session) => session.id);

describe('list(): one page', () => {
  it('sends nothing until the list is awaited or iterated', async () => {
    const listing = client().checkout.sessions.list();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(servers.fake.requests).toHaveLength(0);
    await listing;
    expect(servers.fake.requests).toHaveLength(1);
  });

  it('resolves to the first page, newest first, with the list fields and the request ID', async () => {
    servers.fake.setSessions(fakeSessions(25));
    const page = await client().checkout.sessions.list({ limit: 10 });
    expect(page).toBeInstanceOf(Page);
    expect(page.object).toBe('list');
    expect(ids(page.data)).toEqual(ids(fakeSessions(25).slice(0, 10)));
    expect(page.has_more).toBe(true);
    expect(page.url).toBe('/api/v3/checkout/sessions');
    expect(page.hasNextPage()).toBe(true);
    expect(page.requestId).toMatch(/^req_fake/);
  });

  it(`uses the default limit of ${limitBounds.default} when none is given`, async () => {
    servers.fake.setSessions(fakeSessions(limitBounds.default + 2));
    const page = await client().checkout.sessions.list();
    expect(page.data).toHaveLength(limitBounds.default);
    expect(servers.fake.requests[0]?.query).toEqual({});
  });

  it('getNextPage() sends the last id as the cursor and keeps the filters', async () => {
    servers.fake.setSessions(fakeSessions(40));
    const status = statusValues[1];
    const first = await client().checkout.sessions.list({ status, limit: 3 });
    const second = await first.getNextPage();
    expect(servers.fake.requests[1]?.query).toEqual({
      [statusParam]: status,
      [limitParam]: '3',
      [cursorParam]: first.data[2]?.id,
    });
    const matching = fakeSessions(40).filter((session) => session.status === status);
    expect(ids(second.data)).toEqual(ids(matching.slice(3, 6)));
    expect(ids(first.data)).toEqual(ids(matching.slice(0, 3)));
  });

  it('getNextPage() can be called twice on the same page and gives the same page', async () => {
    servers.fake.setSessions(fakeSessions(9));
    const first = await client().checkout.sessions.list({ limit: 4 });
    const [a, b] = await Promise.all([first.getNextPage(), first.getNextPage()]);
    expect(ids(a.data)).toEqual(ids(b.data));
  });

  it('refuses getNextPage() on the last page with a LoopsError that says to check hasNextPage()', async () => {
    servers.fake.setSessions(fakeSessions(3));
    const page = await client().checkout.sessions.list({ limit: 10 });
    expect(page.hasNextPage()).toBe(false);
    await expect(page.getNextPage()).rejects.toThrow('No next page: check hasNextPage() first.');
  });

  it('passes unknown fields of the list and of each session through untouched', async () => {
    servers.fake.setSessions([fakeSession(1, { future_field: { nested: [1, 2] } } as never)]);
    const page = await client().checkout.sessions.list();
    expect((page.data[0] as unknown as { future_field: unknown }).future_field).toEqual({ nested: [1, 2] });
    expect(page.data[0]).toEqual({ ...asSent(fakeSession(1)), future_field: { nested: [1, 2] } });
  });
});

describe('auto-pagination', () => {
  it('for await yields every session of every page, in order, each once', async () => {
    servers.fake.setSessions(fakeSessions(23));
    const seen: CheckoutSession[] = [];
    for await (const session of client().checkout.sessions.list({ limit: 5 })) seen.push(session);
    expect(ids(seen)).toEqual(ids(fakeSessions(23)));
    expect(servers.fake.requests).toHaveLength(5);
  });

  it('filters by status across pages', async () => {
    servers.fake.setSessions(fakeSessions(30));
    const status = statusValues[2];
    const filtered = await client().checkout.sessions.list({ status, limit: 2 }).autoPagingToArray({ limit: 100 });
    expect(ids(filtered)).toEqual(ids(fakeSessions(30).filter((s) => s.status === status)));
  });

  it('yields nothing from an empty account, after one request', async () => {
    servers.fake.setSessions([]);
    const seen: unknown[] = [];
    for await (const session of client().checkout.sessions.list()) seen.push(session);
    expect(seen).toEqual([]);
    expect(servers.fake.requests).toHaveLength(1);
  });

  it('autoPagingToArray stops at its limit without fetching pages it does not need', async () => {
    servers.fake.setSessions(fakeSessions(50));
    const sessions = await client().checkout.sessions.list({ limit: 10 }).autoPagingToArray({ limit: 15 });
    expect(ids(sessions)).toEqual(ids(fakeSessions(50).slice(0, 15)));
    expect(servers.fake.requests).toHaveLength(2);
  });

  it.each([0, 10_001, 1.5, Number.NaN])(
    'autoPagingToArray refuses limit %s with a ValidationError, sending nothing',
    async (limit) => {
      await expect(client().checkout.sessions.list().autoPagingToArray({ limit })).rejects.toThrow(ValidationError);
      expect(servers.fake.requests).toHaveLength(0);
    },
  );

  it('autoPagingEach stops when the callback returns false, and awaits async callbacks', async () => {
    servers.fake.setSessions(fakeSessions(30));
    const seen: string[] = [];
    await client()
      .checkout.sessions.list({ limit: 10 }, { prefetch: false })
      .autoPagingEach(async (session) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push(session.id);
        return seen.length < 12 ? undefined : false;
      });
    expect(seen).toEqual(ids(fakeSessions(30).slice(0, 12)));
    expect(servers.fake.requests).toHaveLength(2);
  });

  it('breaking out of for await fetches no further page, without prefetch', async () => {
    servers.fake.setSessions(fakeSessions(30));
    for await (const session of client().checkout.sessions.list({ limit: 10 }, { prefetch: false })) {
      if (session.id === fakeSessions(30)[3]?.id) break;
    }
    expect(servers.fake.requests).toHaveLength(1);
  });
});

describe('runaway guard', () => {
  const emptyButMore = { object: 'list', data: [], has_more: true, url: '/api/v3/checkout/sessions' };

  it('ends with a LoopsError on a page that has has_more: true and no sessions', async () => {
    servers.fake.fault({ type: 'status', status: 200, body: emptyButMore });
    const iterate = async () => {
      for await (const _ of client().checkout.sessions.list()) void _;
    };
    await expect(iterate()).rejects.toThrow(
      /^Empty page with has_more: true, so no cursor\. Stopped paginating, not to loop for ever \(request ID: req_fake\d+\)\.$/,
    );
    expect(servers.fake.requests).toHaveLength(1);
  });

  it('ends with a LoopsError, before yielding anything twice, when the server repeats a page', async () => {
    servers.fake.setSessions(fakeSessions(6));
    const firstPage = {
      object: 'list',
      data: fakeSessions(6).slice(0, 3),
      has_more: true,
      url: '/api/v3/checkout/sessions',
    };
    // What a server that ignores the cursor does: page 1 again, for ever.
    servers.fake.fault(
      { type: 'status', status: 200, body: firstPage },
      { type: 'status', status: 200, body: firstPage },
    );
    const seen: string[] = [];
    const iterate = async () => {
      for await (const session of client().checkout.sessions.list({ limit: 3 })) seen.push(session.id);
    };
    const error = await rejection(iterate(), LoopsError);
    expect(error.message).toMatch(
      new RegExp(
        `^Page ending at cs_test_\\d+ sent twice: does the API ignore \`${escapeRegExp(cursorParam)}\`\\? Stopped paginating`,
      ),
    );
    expect(seen).toEqual(ids(firstPage.data));
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('pages are safe from what the response holds', () => {
  const body = (extra: string) =>
    `{"object":"list","data":${JSON.stringify(fakeSessions(2))},"has_more":true,"url":"/api/v3/checkout/sessions",${extra}}`;

  async function pageOf(text: string) {
    return withHttpServer(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(text);
      },
      async ({ url }) => testClient({ baseUrl: url }).checkout.sessions.list(),
    );
  }

  it('a "__proto__" field does not replace the page\'s prototype', async () => {
    const text = body('"__proto__":{"hasNextPage":null,"polluted":true}');
    const page = await pageOf(text);
    expect(page).toBeInstanceOf(Page);
    expect(page.hasNextPage()).toBe(true);
    expect((page as unknown as { polluted?: boolean }).polluted).toBeUndefined();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(JSON.stringify(page)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it("fields named like the page's methods do not hide them, and still serialize", async () => {
    const text = body(
      '"hasNextPage":false,"getNextPage":"x","toJSON":1,"requestId":"fake","toString":"y","livemode_extra":42',
    );
    const page = await pageOf(text);
    expect(page.hasNextPage()).toBe(true);
    expect(typeof page.getNextPage).toBe('function');
    expect(page.requestId).toBeNull();
    expect(String(page)).toBe('[object Object]');
    expect((page as unknown as { livemode_extra: number }).livemode_extra).toBe(42);
    expect(JSON.parse(JSON.stringify(page))).toEqual(JSON.parse(text));
  });
});
