// Progress of the measure stage as one plain line per process round: what CI logs (and the Action's
// log) show, and what the terminal shows when it is not a TTY; and the heartbeat's line, printed when
// nothing else was for a while (a long install, a long process round). Pure: status in, text out.
import { formatSeconds, plural } from '../format.js';
import type { MeasureStatus } from '../model.js';

const PHASE: Record<MeasureStatus['phase'], string> = {
  timing: 'timing',
  confirming: 'confirming',
  profiling: 'profiling',
  allocating: 'allocations',
};

/** `[timing 3] 12/40 benchmark-processes · 5 sampling, 3 resolved · about 1 min 20 s left`. */
export function progressLine(status: MeasureStatus): string {
  const trailing = status.phase === 'profiling' || status.phase === 'allocating';
  const head = trailing ? `[${PHASE[status.phase]}]` : `[${PHASE[status.phase]} ${status.round + 1}]`;
  const parts = [`${status.done}/${status.total} benchmark-processes`];
  if (status.phase === 'timing') parts.push(`${status.sampling} sampling, ${status.resolved} resolved`);
  if (status.phase === 'confirming') parts.push(`${plural(status.sampling, 'change')} being confirmed`);
  if (status.phase === 'profiling') parts.push('attribution pass');
  if (status.phase === 'allocating') parts.push('allocation pass');
  if (status.parallel !== undefined && status.parallel > 1)
    parts.push(`${status.parallel} processes side by side`);
  parts.push(etaText(status.secondsLeft));
  return `${head} ${parts.join(' · ')}`;
}

/**
 * The run's seconds left `sinceMs` after an estimate said `secondsLeft`: the estimate counts down with
 * the clock, to zero at the least (an estimate that ran out is said so by `etaText`, never negative).
 */
export function secondsLeftAfter(secondsLeft: number, sinceMs: number): number {
  return Math.max(0, secondsLeft - sinceMs / 1000);
}

/** `about 1 min 20 s left`; once the estimate has run out, that the run is past it. */
export function etaText(secondsLeft: number): string {
  return secondsLeft >= 0.5 ? `about ${formatSeconds(secondsLeft)} left` : 'past its estimate, finishing';
}

/**
 * The heartbeat: what is running and for how long, when nothing was printed for a while, with the
 * run's time left once discovery gave an estimate, and before that when `budget.maxMinutes` runs out.
 * `… installing on head: npm ci · 30 s in this step · 1 min 05 s since start · budget.maxMinutes runs out in 1 min 55 s`.
 */
export function heartbeatLine(beat: {
  /** The last progress line or measure status, as printed. */
  what: string;
  stepMs: number;
  runMs: number;
  /** Seconds left in the whole run, when an estimate exists (from discovery on). */
  secondsLeft?: number;
  /** Seconds until `budget.maxMinutes` runs out (once the config is read): said until an estimate exists. */
  budgetSecondsLeft?: number;
}): string {
  const parts = [
    `… ${beat.what}`,
    `${formatSeconds(beat.stepMs / 1000)} in this step`,
    `${formatSeconds(beat.runMs / 1000)} since start`,
  ];
  if (beat.secondsLeft !== undefined) parts.push(etaText(beat.secondsLeft));
  else if (beat.budgetSecondsLeft !== undefined)
    parts.push(
      beat.budgetSecondsLeft >= 0.5
        ? `budget.maxMinutes runs out in ${formatSeconds(beat.budgetSecondsLeft)}`
        : `budget.maxMinutes ran out ${formatSeconds(-beat.budgetSecondsLeft)} ago`,
    );
  return parts.join(' · ');
}
