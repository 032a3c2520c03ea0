/**
 * A body's content codings decoded as Node's fetch decodes them (gzip, deflate, br), chunk by chunk,
 * each decoder stopped at once when the reader is done with it.
 */
import type * as Http from 'node:http';
import type * as Zlib from 'node:zlib';

type Decoder = Zlib.Gunzip | Zlib.Inflate | Zlib.InflateRaw | Zlib.BrotliDecompress;

// The content codings fetch decodes, and how; any other is handed over as it came, as fetch does.
// `deflate` is zlib-wrapped by the standard, but servers send it raw too: as fetch does, the first
// byte tells (a zlib header's low four bits are 8), so its decoder is made once that byte is known.
const decoders: Record<string, (zlib: typeof Zlib, first: number) => Decoder> = {
  gzip: (zlib) => zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  'x-gzip': (zlib) => zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  deflate: (zlib, first) =>
    (first & 0x0f) === 0x08
      ? zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH })
      : zlib.createInflateRaw({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  br: (zlib) => zlib.createBrotliDecompress(),
};

/** The codings of incoming's body, in the order applied, when fetch would decode each; else none. */
export function codingsOf(incoming: Http.IncomingMessage): string[] {
  const encoding = incoming.headers['content-encoding'];
  if (encoding === undefined) return [];
  const codings = encoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  // A coding fetch does not decode leaves the body as it came, as fetch does.
  return codings.every((coding) => Object.hasOwn(decoders, coding)) ? codings : [];
}

export interface Chain {
  /** Takes the next chunk of the body as it came. */
  write(chunk: Buffer): void;
  /** The body has come whole. */
  end(): void;
  /** Destroys every decoder: none goes on inflating what it holds (a bomb's next megabytes). */
  stop(): void;
}

/**
 * The body's bytes through a decoder per coding, the last applied first, to onData, then onEnd.
 * With no codings, the bytes as they came.
 */
export function decodingChain(
  codings: readonly string[],
  zlib: typeof Zlib,
  sink: { onData(chunk: Buffer): void; onEnd(): void; onError(error: Error): void },
): Chain {
  const made: Decoder[] = [];
  let write = sink.onData;
  let end = sink.onEnd;
  // Built from the body's reader outwards: the first coding applied is decoded last.
  for (const coding of codings) {
    const [next, nextEnd] = [write, end];
    let decoder: Decoder | undefined;
    write = (chunk) => {
      if (!decoder) {
        decoder = decoders[coding]!(zlib, chunk[0]!);
        made.push(decoder);
        decoder.on('data', next).on('end', nextEnd).on('error', sink.onError);
      }
      decoder.write(chunk);
    };
    // An empty body has nothing to decode: its end goes straight on.
    end = () => (decoder ? decoder.end() : nextEnd());
  }
  return {
    write: (chunk) => chunk.length > 0 && write(chunk),
    end: () => end(),
    stop: () => {
      for (const decoder of made) decoder.destroy();
    },
  };
}
