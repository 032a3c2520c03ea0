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
      bar.stop();
      setStatusLine(false);
    },
  };
}
