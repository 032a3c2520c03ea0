/**
 * How the CLI writes sessions: one writer per format, each fed page by page and closed once, so
 * that a stream of millions stays in constant memory and what was written is valid at any stop.
 */
export type Format = 'table' | 'json' | 'jsonl' | 'csv';

export interface Writer {
  /** Text for a page's worth of sessions. */
  rows(sessions: Record<string, unknown>[]): string;
  /** Text that closes the output (JSON's `]`), after the last row or an interrupt. */
  end(): string;
}

/** A field by its path: `total_details.amount_tax` reads into nested objects. */
function pick(session: Record<string, unknown>, field: string): unknown {
  let value: unknown = session;
  for (const key of field.split('.')) value = (value as Record<string, unknown> | null | undefined)?.[key];
  return value;
}

/** A CSV cell (RFC 4180): nested objects and arrays as JSON, null and absent as empty, quoted when needed. */
function cell(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A table cell: one line, at most width characters. */
function shown(value: unknown, width: number): string {
  const text = (
    value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value)
  ).replace(/\s+/g, ' ');
  return (text.length > width ? `${text.slice(0, width - 1)}…` : text).padEnd(width);
}

/**
 * A writer for format. fields chooses and orders the columns of csv and table (and of json and jsonl
 * when given); without them csv takes the first session's fields, table a readable few.
 */
export function createWriter(format: Format, fields: string[] | undefined, tableFields: string[]): Writer {
  const select = (session: Record<string, unknown>) =>
    fields ? Object.fromEntries(fields.map((field) => [field, pick(session, field) ?? null])) : session;
  if (format === 'jsonl') {
    return { rows: (sessions) => sessions.map((s) => `${JSON.stringify(select(s))}\n`).join(''), end: () => '' };
  }
  if (format === 'json') {
    let count = 0;
    return {
      rows: (sessions) =>
        sessions.map((s) => `${count++ === 0 ? '[\n' : ',\n'}  ${JSON.stringify(select(s))}`).join(''),
      end: () => (count === 0 ? '[]\n' : '\n]\n'),
    };
  }
  let columns = format === 'table' ? (fields ?? tableFields) : fields;
  let started = false;
  if (format === 'csv') {
    return {
      rows(sessions) {
        if (sessions.length === 0) return '';
        columns ??= Object.keys(sessions[0]!);
        const header = started ? '' : `${columns.map(cell).join(',')}\r\n`;
        started = true;
        return header + sessions.map((s) => `${columns!.map((field) => cell(pick(s, field))).join(',')}\r\n`).join('');
      },
      end: () => '',
    };
  }
  const widths = columns!.map((field) => Math.min(40, Math.max(field.length, 12)));
  return {
    rows(sessions) {
      const header = started ? '' : `${columns!.map((field, i) => shown(field, widths[i]!)).join('  ')}\n`;
      started = true;
      return (
        header +
        sessions
          .map(
            (s) =>
              `${columns!
                .map((field, i) => shown(pick(s, field), widths[i]!))
                .join('  ')
                .trimEnd()}\n`,
          )
          .join('')
      );
    },
    end: () => '',
  };
}
