/**
 * Every TypeScript example a reader can copy (README.md, the reference's Getting started, the code
 * samples of every operation) runs here against the fake server behind Prism's proxy, as a reader
 * would run it with LOOPS_BASE_URL and LOOPS_API_KEY set, and prints what the reader would see. An
 * example that cannot run says why in its first line, `// Not run by the tests: <reason>`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { APIError, VERSION } from '../src/index.js';
import { implementedOperations } from '../src/testing/handlers.js';
import { type FakeSession, type Fault, fakeSession, fakeSessions } from '../src/testing/index.js';
import { rejection } from './support/rejection.js';
import { apiKey, useServers } from './support/servers.js';
import { limitParam } from './support/spec.js';

const servers = useServers({ proxy: true });
const dir = mkdtempSync(join(tmpdir(), 'loops-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const tsBlocks = (markdown: string) => [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
const bundled = JSON.parse(read('generated/openapi.json')) as {
  info: { description: string };
  tags: { name: string; description?: string; 'x-traitTag'?: boolean }[];
  paths: Record<string, Record<string, { 'x-codeSamples'?: { lang: string; label: string; source: string }[] }>>;
};
const samples = Object.values(bundled.paths).flatMap((item) =>
  Object.values(item).flatMap((operation) =>
    (operation['x-codeSamples'] ?? [])
      .filter((sample) => sample.lang === 'TypeScript')
      .map((sample) => ({ ...sample, operationId: (operation as { operationId: string }).operationId })),
  ),
);
/** The sample `npm run generate` wrote for an operation without hand-written ones, if this is it. */
const generatedFor = (operationId: string, source: string) => {
  const file = new URL(`../generated/samples/${operationId}.ts`, import.meta.url);
  return existsSync(file) && readFileSync(file, 'utf8').trimEnd() === source ? operationId : undefined;
};
const examples = [
  ...tsBlocks(read('README.md')).map((code, i) => ({
    name: `README.md, example ${i + 1}`,
    code,
    generated: undefined,
  })),
  ...tsBlocks(bundled.info.description).map((code, i) => ({
    name: `Getting started, example ${i + 1}`,
    code,
    generated: undefined,
  })),
  ...bundled.tags
    .filter((tag) => tag['x-traitTag'])
    .flatMap((tag) =>
      tsBlocks(tag.description ?? '').map((code, i) => ({
        name: `${tag.name}, example ${i + 1}`,
        code,
        generated: undefined,
      })),
    ),
  ...samples.map((sample) => ({
    name: `code sample "${sample.label}" of ${sample.operationId}`,
    code: sample.source,
    generated: generatedFor(sample.operationId, sample.source),
  })),
];

// The sessions the examples list: the one they retrieve by its id, then 1 000 more, newest first:
// enough for a page of 50 of any status, whatever number of statuses the spec lists.
const retrievedId = 'cs_live_b7KmQ2xRt9LpVn4sWc8ZyHd3FgJa6EuN';
const sessions: FakeSession[] = [fakeSession(2_000, { id: retrievedId }), ...fakeSessions(1_000)];
const completed = sessions.filter((session) => session.status === 'COMPLETED');
const rateLimited = (times: number): Fault[] =>
  Array.from({ length: times }, () => ({ type: 'status', status: 429, retryAfterMs: 1 }) as const);

/** What an example printed, a line per console call, by console method. */
type Printed = Record<'log' | 'error' | 'warn' | 'debug', string[]>;

interface Scenario {
  /** Which example this is: a line only it holds, or a test of its code. */
  holds: string | ((code: string) => boolean);
  /** Faults the fake server plays to the example's first requests. */
  faults?: Fault[];
  check(printed: Printed): void;
}

const session = (s: FakeSession) => `${s.id} ${s.amount_total} ${s.customer ?? 'no customer'}`;
const scenarios: Scenario[] = [
  {
    holds: 'autoPagingEach(async (session)',
    check({ log }) {
      expect(log[0]).toMatch(/^50 true req_fake\d+$/);
      expect(log[1]).toBe(completed[50]!.id);
      expect(log.slice(2, -1)).toEqual(completed.map(session));
      expect(log.at(-1)).toBe(String(Math.min(500, sessions.length)));
    },
  },
  {
    holds: `\nconst session = await loops.checkout.sessions.retrieve('${retrievedId}');`,
    check: ({ log }) => expect(log).toEqual([`${sessions[0]!.payment_status} ${sessions[0]!.amount_total}`]),
  },
  {
    holds: "logLevel: 'debug'",
    check({ log, debug }) {
      expect(debug).toHaveLength(1);
      expect(debug[0]).toMatch(new RegExp(`^\\[loops\\] GET /checkout/sessions\\?${limitParam}=20 → 200 in \\d+ ms`));
      expect(log).toEqual([expect.stringMatching(new RegExp(`^${VERSION} 20 application/json req_fake\\d+$`))]);
    },
  },
  {
    holds: "console.error('Still rate limited after retries', error.requestId)",
    faults: rateLimited(3),
    check: ({ error }) =>
      expect(error).toEqual([expect.stringMatching(/^Still rate limited after retries req_fake\d+$/)]),
  },
  {
    holds: 'await loops.raw.GET(',
    check: ({ log }) => expect(log).toEqual(['5']),
  },
  {
    holds: "{ type: 'slow', delayMs: 5_000 }",
    check({ log }) {
      // 250 sessions in 3 pages, each reached after the faults: 429, 503, reset and a slow answer.
      expect(log).toEqual(['250 7', 'true']);
    },
  },
  {
    holds: (code) => !code.includes('loops.') && code.includes('new Loops('),
    check: (printed) => expect(Object.values(printed).flat()).toEqual([]),
  },
  {
    holds: 'console.log(page.data.length, page.has_more);',
    check({ log }) {
      expect(log[0]).toBe('50 true');
      expect(log.slice(1)).toEqual(completed.map((s) => `${s.id} ${s.amount_total}`));
    },
  },
  {
    holds: "console.error('Slow down', error.requestId)",
    faults: rateLimited(3),
    check: ({ error }) => expect(error).toEqual([expect.stringMatching(/^Slow down req_fake\d+$/)]),
  },
  {
    holds: 'next page starts at',
    check({ log }) {
      const shown = completed.slice(0, 25).map((s) => `${s.id} ${s.amount_total} ${s.currency} ${s.customer_email}`);
      expect(log).toEqual([...shown, `next page starts at ${completed[25]!.id}`]);
    },
  },
  {
    holds: 'console.log(`revenue: ',
    check({ log }) {
      const revenue = completed.reduce((sum, s) => sum + (s.amount_total ?? 0), 0);
      expect(log).toEqual([`revenue: ${revenue}`, String(Math.min(500, sessions.length))]);
    },
  },
  {
    holds: 'Still rate limited after 3 retries',
    faults: rateLimited(4),
    check: ({ error }) =>
      expect(error).toEqual([expect.stringMatching(/^Still rate limited after 3 retries \(request req_fake\d+\)\.$/)]),
  },
  {
    holds: 'console.log(session.id, session.url);',
    check: ({ log }) =>
      expect(log).toEqual([expect.stringMatching(/^(cs_test_new\d+) https:\/\/checkout\.loops\.fi\/c\/pay\/\1$/)]),
  },
  {
    holds: "console.error('No such session', error.requestId)",
    check({ log }) {
      const s = sessions[0]!;
      expect(log).toEqual([`${s.payment_status} ${s.amount_total} ${s.currency} ${s.customer_email}`]);
    },
  },
];

// The examples of the reference's guide sections (spec/docs/).
scenarios.push(
  {
    holds: 'pages, the last ending at',
    check: ({ log }) =>
      expect(log).toEqual([`${Math.ceil(sessions.length / 100)} pages, the last ending at ${sessions.at(-1)!.id}`]),
  },
  {
    holds: "retrieve('cs_test_no_such_session')",
    check: ({ log }) => expect(log).toEqual([expect.stringMatching(/^404 resource_missing req_fake\d+$/)]),
  },
  {
    holds: 'new Loops({ maxRetries: 4, timeout: 10_000 })',
    faults: rateLimited(2),
    check({ log, warn }) {
      expect(log).toEqual([expect.stringMatching(/^10 req_fake\d+$/)]);
      expect(warn).toEqual([
        expect.stringMatching(/retry 1 of 4 in \d+ ms, after 429/),
        expect.stringMatching(/retry 2 of 4/),
      ]);
    },
  },
  {
    // A create that fails with a 500 is not sent again: a retry would succeed and print the new session's id.
    holds: 'outcome unknown, not retried',
    faults: [{ type: 'status', status: 500 }],
    check({ log, warn }) {
      expect(log).toEqual([expect.stringMatching(/^outcome unknown, not retried: 500 .*request ID: req_fake\d+/)]);
      expect(warn).toEqual([expect.stringMatching(/POST \/checkout\/sessions: not retried after 500/)]);
    },
  },
  {
    holds: 'console.log(sessions.length, server.requests.length)',
    // 30 sessions in pages of 10, the first asked twice: the fault's 503, then its retry.
    check: ({ log }) => expect(log).toEqual(['30 4']),
  },
);

const held = ({ holds }: Scenario, code: string) => (typeof holds === 'string' ? code.includes(holds) : holds(code));

const notRun = /^\/\/ Not run by the tests: (.+)\n/;

/** Runs an example as a module, with the environment a reader sets, and returns what it printed. */
async function run(name: string, code: string, baseUrl = servers.proxyUrl): Promise<Printed> {
  vi.stubEnv('LOOPS_API_KEY', apiKey);
  vi.stubEnv('LOOPS_BASE_URL', baseUrl);
  vi.stubEnv('LOOPS_LOG', '');
  const printed: Printed = { log: [], error: [], warn: [], debug: [] };
  for (const method of Object.keys(printed) as (keyof Printed)[]) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed[method].push(format(...args)));
  }
  const file = join(dir, `${name.replace(/\W+/g, '-')}.ts`);
  writeFileSync(file, code);
  await import(file);
  return printed;
}

describe('every example readers copy runs, and prints what it should', () => {
  it('each example is run by exactly one scenario, or says why it cannot run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(16);
    for (const { name, code, generated } of examples) {
      if (generated) continue;
      const matching = scenarios.filter((scenario) => held(scenario, code));
      const reason = notRun.exec(code)?.[1];
      expect(matching.length + (reason ? 1 : 0), `${name}: one scenario or a reason not to run\n${code}`).toBe(1);
    }
    for (const scenario of scenarios) {
      expect(
        examples.some(({ code }) => held(scenario, code)),
        `no example for ${String(scenario.holds)}`,
      ).toBe(true);
    }
  });

  // A generated sample calls its operation with the spec's examples and prints the result: it runs
  // against the fake server, or is answered 501 when the fake server does not implement it yet.
  it.each(examples.filter(({ generated }) => generated))(
    '$name (generated)',
    async ({ name, code, generated }) => {
      servers.fake.setSessions(sessions);
      if (implementedOperations.includes(generated!)) {
        const printed = await run(name, code);
        expect(printed.log).toHaveLength(1);
        expect(printed.error).toEqual([]);
      } else {
        // Straight to the fake server: Prism's proxy answers an upstream 501 with a mock of its own.
        expect((await rejection(run(name, code, servers.fake.url), APIError)).status).toBe(501);
      }
    },
    30_000,
  );

  it.each(examples.filter(({ code, generated }) => !generated && !notRun.test(code)))(
    '$name',
    async ({ name, code }) => {
      const scenario = scenarios.find((candidate) => held(candidate, code))!;
      servers.fake.setSessions(sessions);
      if (scenario.faults) servers.fake.fault(...scenario.faults);
      scenario.check(await run(name, code));
    },
    30_000,
  );
});
