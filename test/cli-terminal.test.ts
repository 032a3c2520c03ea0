/**
 * The CLI on a real terminal (tmux, 80 and 160 columns), as a person sees it: tables that fit with
 * IDs whole, data that cannot drive the terminal, full field names in `retrieve`, and Ctrl-C during
 * an export to a file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSession, fakeSession } from '../src/testing/index.js';
import { parseCsv, useCli } from './support/cli.js';
import { apiKey } from './support/client.js';
import { cursorParam, limitParam } from './support/spec.js';
import { Terminal } from './support/tmux.js';

/** Sessions with IDs as long as live ones (40 characters), newest first. */
const sessions: FakeSession[] = Array.from({ length: 40 }, (_, i) => {
  const n = 40 - i;
  const session = fakeSession(n);
  return { ...session, id: `cs_live_${String(n).padStart(8, '0')}${'aB3dE6gH9jK2mN5pQ8sT1vW4'}` };
});
sessions[1]!.customer_email = 'evil\x1b]0;pwned\x07\x1b[2J\x08\x00\u009b31m@example.com';
sessions[2]!.customer_email = 'line\r\nforged\u202eelif.exe@example.com';
sessions[3]!.productName = '日本語の製品名と絵文字😀👩‍👩‍👧 et un nom très long, plus long que sa colonne';
const unknownField = 'a_field_the_spec_does_not_know_yet_with_a_long_name';
const hostileField = 'evil\x1b]2;pwned\x07name';
Object.assign(sessions[4]!, { [unknownField]: 'shown', [hostileField]: 'x' });

const cli = useCli(sessions);
const work = mkdtempSync(join(tmpdir(), 'loops-terminal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// A test that times out never reaches its finally: its terminal is closed here.
afterEach(() => Terminal.closeAll());
beforeEach(() => cli.fake.reset());

const bin = () => `${process.execPath} ${cli.bin}`;

/** Runs a command on a terminal of width columns; the terminal is closed whatever happens. */
async function onTerminal<T>(name: string, width: number, use: (terminal: Terminal) => Promise<T>): Promise<T> {
  const terminal = Terminal.open(name, width, 40, {
    LOOPS_API_KEY: apiKey,
    LOOPS_BASE_URL: cli.fake.url,
    LOOPS_LOG: '',
  });
  try {
    return await use(terminal);
  } finally {
    terminal.close();
  }
}

describe('sessions list as a table', () => {
  it('at 80 columns: one line per session, every ID whole, other columns cut with …, data unable to drive the terminal', async () => {
    await onTerminal('list80', 80, async (terminal) => {
      const title = terminal.title();
      terminal.run(`${bin()} sessions list`);
      const { status, screen } = await terminal.finished();
      expect(status).toBe(0);
      const header = screen.findIndex((line) => line.startsWith('id '));
      expect(header).toBeGreaterThanOrEqual(0);
      const rows = screen.slice(header + 1, header + 11);
      rows.forEach((line, i) => {
        expect(line.startsWith(`${sessions[i]!.id}  `)).toBe(true);
        expect(line.endsWith(String(sessions[i]!.expires_at))).toBe(true);
        expect(stringWidth(line)).toBeLessThanOrEqual(80);
      });
      expect(screen.join('\n')).toContain('…');
      // ESC [2J would have cleared the screen, OSC 0 retitled the window, CR LF broken the row.
      expect(screen[header]).toMatch(/^id +payme/);
      expect(terminal.title()).toBe(title);
    });
  });

  it('at 160 columns: the default columns whole, nothing cut, every line within 160 cells', async () => {
    await onTerminal('list160', 160, async (terminal) => {
      terminal.run(`${bin()} sessions list`);
      const { status, screen } = await terminal.finished();
      expect(status).toBe(0);
      const header = screen.findIndex((line) => line.startsWith('id '));
      expect(screen[header]).toMatch(/^id +payment_status +amount_total +currency +customer_email +expires_at$/);
      const rows = screen.slice(header + 1, header + 11);
      rows.forEach((line, i) => {
        expect(line.startsWith(sessions[i]!.id)).toBe(true);
      });
      expect(rows[0]).toContain(sessions[0]!.customer_email!);
      expect(rows[1]).toContain('evil\\x1b]0;pwned\\x07\\x1b[2J\\x08\\x00\\x9b31m@example.com');
      expect(rows[2]).toContain('line\\x0d\\x0aforged\\u202eelif.exe@example.com');
      expect(rows.join('\n')).not.toContain('…');
      for (const line of screen) expect(stringWidth(line)).toBeLessThanOrEqual(160);
    });
  });

  it('measures wide characters and emoji in cells, and never cuts one in half', async () => {
    await onTerminal('wide', 80, async (terminal) => {
      terminal.run(`${bin()} sessions list --fields id,productName,amount_total,customer_email,client_reference_id`);
      const { status, screen } = await terminal.finished();
      expect(status).toBe(0);
      const row = screen.find((line) => line.startsWith(sessions[3]!.id))!;
      expect(row).toContain('日本語');
      expect(row).toContain('…');
      expect(row).not.toContain('\ufffd');
      expect(stringWidth(row)).toBeLessThanOrEqual(80);
      // The column after the cut one starts where it does on every other row: widths were counted in cells.
      const amount = (line: string) => stringWidth(line.slice(0, line.indexOf(String(sessions[3]!.amount_total))));
      const other = screen.find((line) => line.startsWith(sessions[5]!.id))!;
      expect(amount(row)).toBe(stringWidth(other.slice(0, other.indexOf(String(sessions[5]!.amount_total)))));
    });
  });
});

describe('sessions retrieve as a table', () => {
  it('shows every field name in full, escaped', async () => {
    await onTerminal('retrieve', 80, async (terminal) => {
      const title = terminal.title();
      terminal.run(`${bin()} sessions retrieve ${sessions[4]!.id}`);
      const { status, screen } = await terminal.finished();
      expect(status).toBe(0);
      expect(screen.some((line) => line.startsWith(`${unknownField}  `) && line.endsWith('shown'))).toBe(true);
      expect(screen.some((line) => line.startsWith('evil\\x1b]2;pwned\\x07name'))).toBe(true);
      expect(screen.some((line) => line.startsWith('id ') && line.endsWith(sessions[4]!.id))).toBe(true);
      expect(terminal.title()).toBe(title);
    });
  });
});

describe('an export to a file', () => {
  it('shows its retries and its progress on the terminal, neither overwriting the other', async () => {
    cli.fake.fault({ type: 'slow', delayMs: 0 }, { type: 'status', status: 503, retryAfterMs: 1 });
    await onTerminal('progress', 120, async (terminal) => {
      terminal.run(`${bin()} sessions list --all --${limitParam} 10 > ${join(work, 'sessions.jsonl')}`);
      const { status, screen } = await terminal.finished();
      expect(status).toBe(0);
      expect(
        screen.some((line) => /^\[loops\] GET \/checkout\/sessions\?.*: retry 1 of 2 in \d+ ms, after 503/.test(line)),
      ).toBe(true);
      const pages = Math.ceil(sessions.length / 10);
      expect(
        screen.some((line) => line.startsWith(`Exporting sessions: ${sessions.length} so far | ${pages} pages`)),
      ).toBe(true);
    });
  });
});

describe('Ctrl-C on a terminal', () => {
  it('during an export to a file stops the hanging request at once, leaves valid CSV and shows the resume line', async () => {
    const file = join(work, 'sessions.csv');
    cli.fake.fault({ type: 'slow', delayMs: 0 }, { type: 'slow', delayMs: 600_000 });
    await onTerminal('ctrlc', 120, async (terminal) => {
      terminal.run(`${bin()} sessions list --all --format csv --${limitParam} 10 > ${file}`);
      const deadline = Date.now() + 15_000;
      // The first page is in the file and the second one hangs.
      const written = () => existsSync(file) && readFileSync(file, 'utf8').split('\r\n').length > 11;
      const hangs = () => cli.fake.requests.some((request) => request.outcome === 'slow' && request.query[cursorParam]);
      while (!(written() && hangs())) {
        if (Date.now() > deadline)
          throw new Error(`the second page was never asked for:\n${terminal.screen().join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      terminal.keys('C-c');
      const { status, screen } = await terminal.finished();
      expect(status).toBe(130);
      const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
      const last = rows.at(-1)![header!.indexOf('id')]!;
      expect(last).toBe(sessions[9]!.id);
      const shown = screen.join('\n');
      expect(shown).toContain('interrupted by SIGINT after 10 sessions.');
      expect(shown).toContain(
        `To resume: loops-checkout sessions list --all --format csv --${limitParam} 10 --${cursorParam.replaceAll('_', '-')} ${last}`,
      );
    });
  });
});
