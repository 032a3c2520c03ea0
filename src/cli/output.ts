/**
 * stdout, where data goes and nothing else: a writer's text, written as the reader takes it (a slow
 * pipe holds the export back rather than filling memory), closed exactly once, and remembering how
 * many items were written and the last one's cursor: where to resume from.
 */
import { once } from 'node:events';
import type { Item, Writer } from './writers.js';

/** Writes text to stdout, waiting when the reader is slower than the API. */
export async function emit(text: string): Promise<void> {
  if (text && !process.stdout.write(text)) await once(process.stdout, 'drain');
}

export class Output {
  readonly #writer: Writer;
  readonly #cursorField: string | undefined;
  #closed = false;
  /** Items handed to stdout so far. */
  written = 0;
  /** The cursor field (`id`) of the last item written, for a list paged by cursor. */
  lastCursor: string | undefined;

  constructor(writer: Writer, cursorField: string | undefined) {
    this.#writer = writer;
    this.#cursorField = cursorField;
  }

  async write(items: readonly Item[]): Promise<void> {
    if (this.#closed || items.length === 0) return;
    const text = this.#writer.rows(items);
    this.written += items.length;
    // The last item with a cursor: read from the end, not item by item.
    for (let i = items.length - 1; this.#cursorField !== undefined && i >= 0; i--) {
      const cursor = items[i]?.[this.#cursorField];
      if (typeof cursor === 'string') {
        this.lastCursor = cursor;
        break;
      }
    }
    await emit(text);
  }

  /** Closes the output (JSON's `]`, CSV's header when no row came), once. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await emit(this.#writer.end());
  }

  /** close(), synchronously, for a process about to exit: stdout to a file or a pipe is written at once on Linux. */
  closeNow(): void {
    if (this.#closed) return;
    this.#closed = true;
    process.stdout.write(this.#writer.end());
  }
}
