// Progress at least every 10 s, whatever runs: an install, a discovery, a first timing round of a
// thousand benchmarks in one process, the attribution pass, the removal of the checkouts. Progress
// lines are printed as they come; measure statuses (which arrive per benchmark within a round) only
// when their phase or round changes; and when nothing was printed for `everyMs`, a beat says what is
// running, for how long, and the run's time left (the last estimate counted down). Its timer is
// unref'd (it never keeps the process alive) and it stops writing once the stream is closed.
import type { MeasureStatus } from './model.js';
import { heartbeatLine, progressLine, secondsLeftAfter } from './report/progress.js';

/** Nothing printed for this long: a beat is printed. */
export const HEARTBEAT_MS = 10_000;

export interface Heartbeat {
  /** A progress line (install, build, loading, reporting, cleanup): printed now. */
  line(text: string): void;
  /** A measure status: printed now when its phase or round changed, else kept for the next beat. */
  status(status: MeasureStatus): void;
  /** When `budget.maxMinutes` runs out: the beats' bound on the time left until an estimate exists. */
  deadline(at: number): void;
  stop(): void;
}

export interface HeartbeatOptions {
  everyMs?: number;
  /** False while nothing may be written: a closed pipe, or a progress bar being drawn. */
  isOpen?: () => boolean;
  now?: () => number;
}

export function startHeartbeat(write: (line: string) => void, options: HeartbeatOptions = {}): Heartbeat {
  const everyMs = options.everyMs ?? HEARTBEAT_MS;
  const now = options.now ?? Date.now;
  const started = now();
  let lastPrinted = started;
  let step = { what: 'starting', since: started };
  let latest: { status: MeasureStatus; at: number; printed: boolean } | undefined;
  let budgetEnds: number | undefined;
  let stopped = false;
  const print = (text: string) => {
    if (stopped || options.isOpen?.() === false) return;
    try {
      write(text);
    } catch {
      // A closed stream: progress is not worth failing the run for.
      stopped = true;
    }
    lastPrinted = now();
  };
  const current = (): MeasureStatus | undefined =>
    latest && {
      ...latest.status,
      secondsLeft: secondsLeftAfter(latest.status.secondsLeft, now() - latest.at),
    };
  const timer = setInterval(
    () => {
      const at = now();
      if (at - lastPrinted < everyMs) return;
      const status = current();
      if (latest && !latest.printed && status) {
        latest.printed = true;
        print(progressLine(status));
        return;
      }
      print(
        heartbeatLine({
          what: step.what,
          stepMs: at - step.since,
          runMs: at - started,
          secondsLeft: status?.secondsLeft,
          budgetSecondsLeft: budgetEnds === undefined ? undefined : (budgetEnds - at) / 1000,
        }),
      );
    },
    Math.min(500, everyMs),
  );
  timer.unref();
  return {
    line(text) {
      step = { what: text, since: now() };
      print(text);
    },
    status(status) {
      const changed = !latest || latest.status.phase !== status.phase || latest.status.round !== status.round;
      latest = { status, at: now(), printed: changed };
      if (changed) {
        const line = progressLine(status);
        // The step is named without its estimate: the beat adds the estimate counted down.
        step = { what: line.slice(0, line.lastIndexOf(' · ')), since: now() };
        print(line);
      }
    },
    deadline(at) {
      budgetEnds = at;
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
