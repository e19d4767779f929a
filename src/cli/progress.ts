// The terminal's progress: a bar with the time left on a TTY (cli-progress), plain lines otherwise
// (a CI log or a file), at most one per process round.
import { SingleBar } from 'cli-progress';
import { formatSeconds } from '../format.js';
import type { MeasureStatus } from '../model.js';
import { progressLine } from '../report/progress.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  /** A measure-stage status: moves the bar, or prints one line. */
  update(status: MeasureStatus): void;
  /** Any other progress line (install, build, loading). */
  line(text: string): void;
  stop(): void;
}

export function createProgress(stream: ProgressStream): Progress {
  if (!stream.isTTY) {
    return {
      update: (status) => stream.write(`  ${progressLine(status)}\n`),
      line: (text) => stream.write(`  ${text}\n`),
      stop: () => undefined,
    };
  }
  let bar: SingleBar | undefined;
  const payload = (s: MeasureStatus) => ({
    phase: s.phase.padEnd(10),
    left: formatSeconds(s.secondsLeft),
    detail: s.phase === 'timing' ? `${s.sampling} sampling, ${s.resolved} resolved` : '',
  });
  return {
    update(status) {
      if (!bar) {
        bar = new SingleBar({
          stream: stream as NodeJS.WritableStream,
          format: '  {phase} [{bar}] {value}/{total} benchmark-processes · {detail} · about {left} left',
          barsize: 24,
          hideCursor: true,
          clearOnComplete: true,
          fps: 5,
        });
        bar.start(Math.max(1, status.total), status.done, payload(status));
      }
      bar.setTotal(Math.max(1, status.total));
      bar.update(status.done, payload(status));
    },
    line(text) {
      if (bar) return;
      stream.write(`  ${text}\n`);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
