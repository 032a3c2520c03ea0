/**
 * The CLI's text functions, for any input: escaping for the terminal, CSV cells, and cutting to a
 * width in terminal cells. Property tests with fast-check, an RFC 4180 parser (csv-parse) as the judge.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cellWidth, truncateCells } from '../src/cli/cell-width.js';
import { csvCell, csvRow } from '../src/cli/csv.js';
import { resumeCommand } from '../src/cli/resume.js';
import { columnWidths } from '../src/cli/table.js';
import { showControlChars as escapeControl } from '../src/control-chars.js';
import { cursorParam } from './support/spec.js';

/** What a terminal must never receive from data: C0, DEL, C1, line separators, bidi marks, overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters under test.
const control = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Any text, weighted towards what attacks a terminal or a spreadsheet. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({
    unit: fc.constantFrom(
      '\x1b',
      '\x07',
      '\x08',
      '\x00',
      '\r',
      '\n',
      '\t',
      '\u009b',
      '\u202e',
      '\u2066',
      '=',
      '+',
      '-',
      '@',
      '"',
      ',',
      'a',
      '日',
      '😀',
      '👩‍👩‍👧',
      'e\u0301',
    ),
  }),
);

describe('escapeControl', () => {
  it('leaves no control character, bidi override or lone surrogate, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const shown = escapeControl(text);
        expect(shown).not.toMatch(control);
        expect(shown).not.toMatch(loneSurrogate);
      }),
    );
  });

  it('shows each one as a visible escape and leaves other text alone', () => {
    expect(escapeControl('a\x1b]0;pwned\x07b\r\n\u202egnp.exe\u0085')).toBe(
      'a\\x1b]0;pwned\\x07b\\x0d\\x0a\\u202egnp.exe\\x85',
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        if (!control.test(text)) expect(escapeControl(text)).toBe(text);
      }),
    );
  });
});

describe('CSV cells', () => {
  const escaping = { escapeFormulas: true };
  const raw = { escapeFormulas: false };

  it('round-trip through an RFC 4180 parser: each cell comes back as written, neutralised or not', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 6 }), fc.boolean(), (cells, neutralise) => {
        const [record] = parse(csvRow(cells, { escapeFormulas: neutralise }), {
          record_delimiter: '\r\n',
        }) as string[][];
        const expected = cells.map((cell) => (neutralise && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell));
        expect(record).toEqual(expected);
      }),
    );
  });

  it('never starts with a character a spreadsheet runs, once parsed, unless told to write raw', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const records = parse(`${csvCell(text, escaping)}\r\n`, { record_delimiter: '\r\n' }) as string[][];
        expect(records[0]?.[0] ?? '').not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
    expect(csvCell('=HYPERLINK("http://x")', escaping)).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('=1+2', raw)).toBe('=1+2');
  });

  it('writes JSON numbers as they are, negative ones included; text that looks like one is still neutralised', () => {
    expect(csvCell(-5, escaping)).toBe('-5');
    expect(csvCell(-1.5, escaping)).toBe('-1.5');
    expect(csvCell('-5', escaping)).toBe(`"'-5"`);
    expect(csvCell('-1+2', escaping)).toBe(`"'-1+2"`);
    expect(csvCell(null, escaping)).toBe('');
    expect(csvCell({ a: '=x' }, escaping)).toBe('"{""a"":""=x""}"');
  });
});

describe('truncateCells', () => {
  it('never exceeds the width, never leaves a lone surrogate, and marks a cut with …', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 30 }), (text, width) => {
        const cut = truncateCells(text, width);
        expect(cellWidth(cut)).toBeLessThanOrEqual(width);
        expect(cut).not.toMatch(loneSurrogate);
        if (cut !== text) expect(cut.endsWith('…')).toBe(true);
        else expect(cellWidth(text)).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('keeps whole grapheme clusters and counts wide characters as two cells', () => {
    expect(cellWidth('日本')).toBe(4);
    expect(truncateCells('日本語のテキスト', 5)).toBe('日本…');
    expect(truncateCells('ab👩‍👩‍👧cd', 4)).toBe('ab…');
    expect(truncateCells('ab👩‍👩‍👧cd', 5)).toBe('ab👩‍👩‍👧…');
    expect(truncateCells('😀😀😀', 4)).toBe('😀…');
    expect(stringWidth(truncateCells('x'.repeat(50), 12))).toBe(12);
  });
});

describe('table column widths', () => {
  const cells = fc.string({ unit: 'grapheme', maxLength: 40 }).map(escapeControl);
  const table = fc.array(fc.tuple(cells, fc.boolean()), { minLength: 1, maxLength: 8 }).chain((spec) =>
    fc.record({
      columns: fc.constant(spec.map(([name], i) => `${name}${i}`)),
      fixed: fc.constant(spec.map(([, never]) => never)),
      rows: fc.array(fc.array(cells, { minLength: spec.length, maxLength: spec.length }), { maxLength: 5 }),
      width: fc.integer({ min: 10, max: 200 }),
    }),
  );

  it('keep columns that are never cut whole, fit the terminal when that leaves room for the others, and cut nothing when all fits', () => {
    fc.assert(
      fc.property(table, ({ columns, fixed, rows, width }) => {
        const widths = columnWidths({ columns, width, neverCut: () => false }, rows, fixed);
        const values = columns.map((_, i) => Math.max(0, ...rows.map((row) => cellWidth(row[i]!))));
        const full = columns.map((column, i) => Math.max(cellWidth(column), values[i]!));
        const gaps = 2 * (columns.length - 1);
        widths.forEach((cells, i) => {
          if (fixed[i]) expect(cells).toBeGreaterThanOrEqual(values[i]!);
          expect(cells).toBeLessThanOrEqual(Math.max(full[i]!, 4));
        });
        const total = widths.reduce((sum, cells) => sum + cells, 0) + gaps;
        const floor = values.reduce((sum, cells, i) => sum + (fixed[i] ? Math.max(cells, 4) : 4), gaps);
        if (floor <= width) expect(total).toBeLessThanOrEqual(width);
        if (full.reduce((sum, cells) => sum + cells, gaps) <= width) expect(widths).toEqual(full);
      }),
    );
  });
});

describe('the resume line', () => {
  const cursorFlag = `--${cursorParam.replaceAll('_', '-')}`;

  it('keeps the command as typed, sets the cursor flag to the last session written, lowers --max, and quotes for a shell', () => {
    const args = ['sessions', 'list', '--max=9', `${cursorFlag}=cs_0`, '-q', "note=it's here", '--status', 'PENDING'];
    expect(resumeCommand(args, { written: 5, resumeAt: [cursorFlag, 'cs_5'], max: 9 })).toBe(
      `loops-checkout sessions list -q 'note=it'\\''s here' --status PENDING ${cursorFlag} cs_5 --max 4`,
    );
  });

  it('keeps the command whole when nothing was written, and says when --max was reached', () => {
    const args = ['sessions', 'list', '--all', cursorFlag, 'cs_0'];
    expect(resumeCommand(args, { written: 0, resumeAt: undefined, max: undefined })).toBe(
      `loops-checkout sessions list --all ${cursorFlag} cs_0`,
    );
    const done = { written: 5, resumeAt: [cursorFlag, 'cs_5'] as const, max: 5 };
    expect(resumeCommand(['sessions', 'list', '--max', '5'], done)).toMatch(/^nothing: /);
  });
});
