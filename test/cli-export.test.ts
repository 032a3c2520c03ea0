/**
 * What `loops-checkout sessions list` writes, from the spec and safe for a spreadsheet: the CSV
 * columns are the spec's fields whatever the data holds, unknown fields go to `extra`, `--fields`
 * takes the spec's fields only, hostile cells are neutralised, and --max, -q do what they say.
 */
import stringWidth from 'string-width';
import { beforeEach, describe, expect, it } from 'vitest';
import { listItemFields, listItemPaths } from '../generated/operations.js';
import { type FakeSession, fakeSession, fakeSessions } from '../src/testing/index.js';
import { jsonLines, parseCsv, runCli, useCli } from './support/cli.js';
import { cursorField, itemsField, limitBounds, limitParam } from './support/spec.js';

const specFields: readonly string[] = listItemFields.listCheckoutSessions;
const { paths } = listItemPaths.listCheckoutSessions;

/** A session without the optional fields the spec lets a server leave out. */
function withoutOptional(n: number): FakeSession {
  const { productName: _, externalCustomerId: __, ...rest } = fakeSession(n);
  return rest as FakeSession;
}

const sessions: FakeSession[] = [
  withoutOptional(250), // the newest lacks productName and externalCustomerId
  fakeSession(249, { loyaltyTier: 'gold' } as Partial<FakeSession>), // a field the spec does not know yet
  fakeSession(248, {
    customer_email: '=HYPERLINK("http://evil.test","click")',
    client_reference_id: '-1+2',
    productName: '@SUM(A1:A9)',
    amount_total: -500,
  }),
  ...fakeSessions(247),
];
const cli = useCli(sessions);
beforeEach(() => cli.fake.reset());

/** A list page the fake server answers once, with exactly these items. */
const pageOf = (items: unknown[]) => ({
  type: 'status' as const,
  status: 200,
  body: { object: 'list', [itemsField]: items, has_more: false, url: '/checkout/sessions' },
});

describe('CSV columns come from the spec', () => {
  it("has the spec's fields in spec order, then extra, even when the newest session lacks optional ones", async () => {
    const { status, stdout } = await runCli(cli, ['sessions', 'list', '--format', 'csv', '--max', '5']);
    expect(status).toBe(0);
    const [header, ...rows] = parseCsv(stdout);
    expect(header).toEqual([...specFields, 'extra']);
    expect(rows).toHaveLength(5);
    const productName = header!.indexOf('productName');
    expect(rows[0]![productName]).toBe('');
    expect(rows[3]![productName]).toBe(sessions[3]!.productName);
  });

  it('puts the fields the spec does not know in extra, as one JSON object, and leaves it empty when there are none', async () => {
    const plain = Object.fromEntries(Object.entries(sessions[3]!).filter(([field]) => specFields.includes(field)));
    cli.fake.fault(pageOf([sessions[1], plain]));
    const { stdout } = await runCli(cli, ['sessions', 'list', '--format', 'csv']);
    const [header, withUnknown, without] = parseCsv(stdout);
    const extra = header!.indexOf('extra');
    const unknown = Object.fromEntries(Object.entries(sessions[1]!).filter(([field]) => !specFields.includes(field)));
    expect(unknown).toHaveProperty('loyaltyTier', 'gold');
    expect(JSON.parse(withUnknown![extra]!)).toEqual(unknown);
    expect(without![extra]).toBe('');
  });

  it.each([
    [[], [...specFields, 'extra']],
    [
      ['--fields', `${cursorField},total_details.amount_tax`],
      [cursorField, 'total_details.amount_tax'],
    ],
  ])('writes the header row when no session comes (%j)', async (args, header) => {
    cli.fake.fault(pageOf([]));
    const { status, stdout } = await runCli(cli, ['sessions', 'list', '--format', 'csv', ...args]);
    expect(status).toBe(0);
    expect(parseCsv(stdout)).toEqual([header]);
  });

  it('survives a null item in every format: JSON keeps it, CSV writes an empty row, the table a row of dashes', async () => {
    const [first, second] = [sessions[3]!, sessions[4]!];
    const run = async (format: string) => {
      cli.fake.fault(pageOf([first, null, second]));
      const result = await runCli(cli, ['sessions', 'list', '--format', format, '--fields', cursorField]);
      expect(result.stderr, format).toBe('');
      expect(result.status, format).toBe(0);
      return result.stdout;
    };
    expect(jsonLines(await run('jsonl'))).toEqual([{ [cursorField]: first.id }, null, { [cursorField]: second.id }]);
    expect(JSON.parse(await run('json'))).toEqual([{ [cursorField]: first.id }, null, { [cursorField]: second.id }]);
    expect(parseCsv(await run('csv'))).toEqual([[cursorField], [first.id], [''], [second.id]]);
    expect((await run('table')).split('\n').slice(1, 4)).toEqual([first.id, '—', second.id]);
  });
});

describe('--format table to a file or a pipe', () => {
  it('is 120 cells wide: IDs whole, other columns cut with …', async () => {
    const fields = 'id,productName,customer_email,success_url,cancel_url,url';
    const { status, stdout } = await runCli(cli, ['sessions', 'list', '--format', 'table', '--fields', fields]);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(120);
    lines.slice(1).forEach((line, i) => {
      expect(line.startsWith(`${sessions[i]!.id}  `)).toBe(true);
    });
    expect(stdout).toContain('…');
  });
});

describe('--fields takes the spec fields only', () => {
  it.each([
    ['constructor'],
    ['__proto__'],
    ['toString'],
    ['nonexistent'],
    ['total_details.constructor'],
    ['id,hasOwnProperty'],
  ])('refuses %s with exit 2, listing the valid fields, before any request', async (fields) => {
    const { status, stdout, stderr } = await runCli(cli, ['sessions', 'list', '--fields', fields]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`unknown field '${fields.split(',').at(-1)}'`);
    for (const path of paths) expect(stderr).toContain(path);
    expect(cli.fake.requests).toHaveLength(0);
  });

  it.each([[''], [','], [' , ']])('refuses an empty list (%j) with exit 2', async (fields) => {
    const { status, stdout, stderr } = await runCli(cli, ['sessions', 'list', '--fields', fields]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('at least one field');
  });

  it('reads own keys only: a free key named like a prototype member (metadata.constructor) is an empty cell', async () => {
    const fields = 'id,metadata.constructor,metadata.__proto__,metadata.toString';
    const { status, stdout } = await runCli(cli, [
      'sessions',
      'list',
      '--format',
      'csv',
      '--max',
      '2',
      '--fields',
      fields,
    ]);
    expect(status).toBe(0);
    expect(parseCsv(stdout).slice(1)).toEqual(sessions.slice(0, 2).map(({ id }) => [id, '', '', '']));
  });

  it('reaches a key of an object with free keys (metadata.order_id), and the unknown fields as extra', async () => {
    const { stdout } = await runCli(cli, ['sessions', 'list', '--max', '2', '--fields', 'id,metadata.order_id,extra']);
    expect(jsonLines(stdout)).toEqual([
      {
        id: sessions[0]!.id,
        'metadata.order_id': sessions[0]!.metadata!.order_id,
        extra: null, // every field of this one is the spec's
      },
      {
        id: sessions[1]!.id,
        'metadata.order_id': sessions[1]!.metadata!.order_id,
        extra: { loyaltyTier: 'gold' },
      },
    ]);
  });
});

describe('CSV cells a spreadsheet would run', () => {
  const hostileRow = async (args: string[] = []) => {
    const { status, stdout } = await runCli(cli, ['sessions', 'list', '--format', 'csv', '--max', '3', ...args]);
    expect(status).toBe(0);
    const [header, , , row] = parseCsv(stdout);
    return (field: string) => row![header!.indexOf(field)];
  };

  it("get a leading ' by default (OWASP); a negative amount stays a number", async () => {
    const cell = await hostileRow();
    expect(cell('customer_email')).toBe(`'${sessions[2]!.customer_email}`);
    expect(cell('client_reference_id')).toBe("'-1+2");
    expect(cell('productName')).toBe("'@SUM(A1:A9)");
    expect(cell('amount_total')).toBe('-500');
  });

  it('stay as they are with --no-csv-escape-formulas, for machine readers', async () => {
    const cell = await hostileRow(['--no-csv-escape-formulas']);
    expect(cell('customer_email')).toBe(sessions[2]!.customer_email);
    expect(cell('client_reference_id')).toBe('-1+2');
  });

  it('--no-csv-escape-formulas with another format is a usage error', async () => {
    const { status, stderr } = await runCli(cli, ['sessions', 'list', '--format', 'jsonl', '--no-csv-escape-formulas']);
    expect(status).toBe(2);
    expect(stderr).toContain('--no-csv-escape-formulas goes with --format csv only');
  });
});

describe('--max', () => {
  it.each([['0'], ['-1'], ['-3'], ['1.5'], ['abc'], ['']])(
    'refuses %j with exit 2, before any request',
    async (max) => {
      for (const args of [
        ['--max', max],
        ['--all', '--max', max],
      ]) {
        const { status, stdout, stderr } = await runCli(cli, ['sessions', 'list', ...args]);
        expect(status, args.join(' ')).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toContain("option '--max <n>'");
      }
      expect(cli.fake.requests).toHaveLength(0);
    },
  );

  it('without --all walks as many pages as it takes: exactly n sessions, in order', async () => {
    const n = limitBounds.maximum + 7;
    const { status, stdout } = await runCli(cli, ['sessions', 'list', '--max', String(n), '--fields', 'id']);
    expect(status).toBe(0);
    expect(jsonLines(stdout)).toEqual(sessions.slice(0, n).map(({ id }) => ({ id })));
  });

  it('more than there are gives them all, without --all too', async () => {
    const { stdout } = await runCli(cli, ['sessions', 'list', '--max', String(sessions.length + 50), '--fields', 'id']);
    expect(jsonLines(stdout)).toHaveLength(sessions.length);
  });
});

describe('-q name=value', () => {
  it('sends query parameters the CLI has no flag for, repeatable, as the SDK extra query', async () => {
    const { status, stderr } = await runCli(cli, [
      'sessions',
      'list',
      '-q',
      'created_after=1764000000',
      '--query',
      'note=a&b',
    ]);
    expect(cli.fake.requests[0]?.query).toMatchObject({ created_after: '1764000000', note: 'a&b' });
    // The fake server knows the spec's parameters only, and says so: the API's answer, exit 1.
    expect(stderr).toContain('Received unknown parameter: created_after');
    expect(status).toBe(1);
  });

  it.each([
    [['-q', 'novalue'], 'expected name=value'],
    [['-q', '=1'], 'expected name=value'],
    [['-q', `${limitParam}=5`], `use --${limitParam}`],
    [['-q', 'a=1', '-q', 'a=2'], 'a is given twice'],
  ])('refuses %j with exit 2', async (args, message) => {
    const { status, stderr } = await runCli(cli, ['sessions', 'list', ...args]);
    expect(status).toBe(2);
    expect(stderr).toContain(message);
  });
});
