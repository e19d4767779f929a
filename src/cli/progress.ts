// The terminal's progress: a bar with the time left on a TTY while benchmarks are measured
// (cli-progress), plain lines otherwise (a CI log or a file) and for every other step; either way
// something at least every 10 s (the heartbeat), on stderr.
import { SingleBar } from 'cli-progress';
import { formatSeconds } from '../format.js';
import { startHeartbeat } from '../heartbeat.js';
import type { MeasureStatus } from '../model.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** Node streams: false once closed, and nothing more is written. */
  writable?: boolean;
}

export interface Progress {
  /** A measure-stage status: moves the bar, or prints one line per round. */
  update(status: MeasureStatus): void;
  /** Any other progress line (install, build, loading, reporting, cleanup). */
  line(text: string): void;
  /** When `budget.maxMinutes` runs out (the beats say it until the measure stage estimates). */
  deadline(at: number): void;
  stop(): void;
}

export function createProgress(stream: ProgressStream, options: { everyMs?: number } = {}): Progress {
  let bar: SingleBar | undefined;
  const heartbeat = startHeartbeat((text) => stream.write(`  ${text}\n`), {
    everyMs: options.everyMs,
    // While the bar is drawn it is the progress (it redraws itself): a beat would break its line.
    isOpen: () => stream.writable !== false && bar === undefined,
  });
  if (!stream.isTTY) {
    return {
      update: (status) => heartbeat.status(status),
      line: (text) => heartbeat.line(text),
      deadline: (at) => heartbeat.deadline(at),
      stop: () => heartbeat.stop(),
    };
  }
  const payload = (s: MeasureStatus) => ({
    phase: s.phase.padEnd(10),
    left: formatSeconds(s.secondsLeft),
    detail: s.phase === 'timing' ? `${s.sampling} sampling, ${s.resolved} resolved` : '',
  });
  // A line (another step starting) ends the bar; the next status draws a new one.
  const endBar = () => {
    bar?.stop();
    bar = undefined;
  };
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
      endBar();
      heartbeat.line(text);
    },
    deadline: (at) => heartbeat.deadline(at),
    stop() {
      endBar();
      heartbeat.stop();
    },
  };
}
