/**
 * The CLI export's yardsticks, in a process of their own as the CLI runs in one: argv `MODE BASE_URL
 * SESSIONS`, the key in BENCH_API_KEY, the CSV columns (the spec's fields, then the extra column) as
 * JSON in BENCH_COLUMNS. MODE `floor` only fetches the pages (node:http with keep-alive, no JSON
 * parsed: each page's last id found by a string search), the fastest any client can walk; MODE
 * `hand csv` is the script a user would write instead of the CLI: each page parsed, its sessions
 * written to stdout as CSV rows (formulas neutralised and cells quoted as the CLI does), one write a page.
 */
import { once } from 'node:events';
import { Agent, request } from 'node:http';

const [mode, baseUrl, total] = process.argv.slice(2);
const sessions = Number(total);
const headers = { Authorization: `Bearer ${process.env.BENCH_API_KEY}`, Accept: 'application/json' };
const agent = new Agent({ keepAlive: true });

function get(url) {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers, agent }, (incoming) => {
      // Each chunk decoded as it comes, as stripe-node reads: cheaper than one Buffer per page.
      let text = '';
      incoming.setEncoding(mode === 'floor' ? 'latin1' : 'utf8');
      incoming.on('data', (chunk) => (text += chunk));
      incoming.on('end', () => resolve(text));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const pageUrl = (cursor) =>
  `${baseUrl}/checkout/sessions?limit=100${cursor ? `&starting_after=${encodeURIComponent(cursor)}` : ''}`;

if (mode === 'floor') {
  let cursor;
  for (let pages = 0; pages < sessions / 100; pages++) {
    const text = await get(pageUrl(cursor));
    const at = text.lastIndexOf('"id":"cs_') + '"id":"'.length;
    cursor = text.slice(at, text.indexOf('"', at));
  }
} else if (mode === 'hand csv') {
  const columns = JSON.parse(process.env.BENCH_COLUMNS);
  const [extra] = columns.slice(-1);
  const known = new Set(columns.slice(0, -1));
  const cell = (value) => {
    if (value === null || value === undefined) return '';
    if (typeof value !== 'string') {
      const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    }
    if (/^[=+\-@\t\r]/.test(value)) return `"'${value.replaceAll('"', '""')}"`;
    return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  };
  const row = (session) => {
    const rest = Object.fromEntries(Object.entries(session).filter(([name]) => !known.has(name)));
    const values = columns.map((name) => (name === extra ? (Object.keys(rest).length ? rest : null) : session[name]));
    return `${values.map(cell).join(',')}\r\n`;
  };
  let cursor;
  let written = 0;
  const write = async (text) => {
    if (!process.stdout.write(text)) await once(process.stdout, 'drain');
  };
  await write(`${columns.join(',')}\r\n`);
  while (written < sessions) {
    const page = JSON.parse(await get(pageUrl(cursor)));
    await write(page.data.map(row).join(''));
    written += page.data.length;
    cursor = page.data.at(-1).id;
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
