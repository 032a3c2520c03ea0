/** Raw HTTP over a TCP socket, for what fetch cannot send: broken requests, CONNECT, half-closed clients. */
import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends bytes to server (a base URL) and resolves with everything it answers before closing. With
 * halfClose, the client then shuts its side down, as `nc -N` does; without it, the request should
 * ask for `Connection: close`.
 */
export function rawExchange(server: string, bytes: string | Buffer, { halfClose = false } = {}): Promise<string> {
  const { port } = new URL(server);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => (halfClose ? socket.end(bytes) : socket.write(bytes)));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

/** The HTTP answers in raw text, in order (each with a Content-Length, as the fake server sends them). */
export function parseAnswers(raw: string): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let rest = raw;
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) throw new Error(`not an HTTP answer: ${JSON.stringify(rest.slice(0, 200))}`);
    const [statusLine = '', ...lines] = rest.slice(0, end).split('\r\n');
    const headers = Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
    );
    const length = Number(headers['content-length'] ?? 0);
    answers.push({ status: Number(statusLine.split(' ')[1]), headers, body: rest.slice(end + 4, end + 4 + length) });
    rest = rest.slice(end + 4 + length);
  }
  return answers;
}

/** The one HTTP answer in raw text. */
export function parseAnswer(raw: string): RawAnswer {
  const answers = parseAnswers(raw);
  if (answers.length !== 1) throw new Error(`expected one answer, got ${answers.length}: ${raw.slice(0, 300)}`);
  return answers[0]!;
}
