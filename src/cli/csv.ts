/**
 * CSV cells (RFC 4180) that a spreadsheet opens as data, never as formulas. Session fields are
 * typed by strangers: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is run by
 * Excel, LibreOffice and Google Sheets (`=HYPERLINK(…)`). As OWASP's "CSV Injection" page
 * recommends, such a cell gets a leading `'` and is quoted. Numbers the API sends as JSON numbers
 * (amounts, timestamps, `-5` included) are written as they are: they cannot hold a formula. Text is
 * neutralised whatever it looks like (`-5` as text becomes `'-5`): `-1+2` looks like a number too.
 */

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;
// Either of the two: most cells match neither, and are told so by one test instead of two.
const special = /^[=+\-@\t\r]|[",\r\n]/;

export interface CsvOptions {
  /** Neutralise cells a spreadsheet would run (the default); off for machine readers. */
  escapeFormulas: boolean;
}

/** One CSV cell: quoted when it holds a comma, quote or line break, or when it was neutralised. */
export function csvCell(value: unknown, { escapeFormulas }: CsvOptions): string {
  if (typeof value === 'string' && !special.test(value)) return value;
  // Numbers and booleans need neither quotes nor neutralising; null and absent are empty.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  // Objects and arrays as JSON.
  let cell = typeof value === 'string' ? value : JSON.stringify(value);
  const formula = escapeFormulas && typeof value === 'string' && formulaStart.test(cell);
  if (formula) cell = `'${cell}`;
  return formula || needsQuotes.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export function csvRow(values: readonly unknown[], options: CsvOptions): string {
  let row = '';
  for (let i = 0; i < values.length; i++) row += i ? `,${csvCell(values[i], options)}` : csvCell(values[i], options);
  return `${row}\r\n`;
}
