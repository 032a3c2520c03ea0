import { SingleBar } from 'cli-progress';
import { setStatusLine } from './stderr.js';

export interface Progress {
  update(sessions: number): void;
  stop(sessions: number): void;
}

/** An export's progress on stderr: sessions so far, pages, rate and elapsed time, redrawn in place. */
export function startProgress(pageSize = 100): Progress {
  const started = Date.now();
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'Exporting sessions: {value} so far | {pages} pages | {rate}/s | {elapsed}s elapsed',
    hideCursor: true,
    noTTYOutput: false,
    fps: 10,
    // A message on stderr clears the bar's line (stderr.ts): redraw it on every frame, below the message.
    forceRedraw: true,
  });
  const payload = (sessions: number) => {
    const seconds = (Date.now() - started) / 1000;
    return {
      pages: Math.ceil(sessions / pageSize),
      rate: seconds > 0 ? Math.round(sessions / seconds) : 0,
      elapsed: seconds.toFixed(1),
    };
  };
  bar.start(0, 0, payload(0));
  setStatusLine(true);
  return {
    update: (sessions) => bar.update(sessions, payload(sessions)),
    stop(sessions) {
      bar.update(sessions, payload(sessions));
      // stop() moves the cursor back to where it saved it at start(); messages since then have moved
      // the bar down, so save it again where the bar is now (ESC 7), or the next line would overwrite it.
      process.stderr.write('\x1b7');
      bar.stop();
      setStatusLine(false);
    },
  };
}
