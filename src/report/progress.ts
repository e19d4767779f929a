// Progress of the measure stage as one plain line per process round: what CI logs (and the Action's
// log) show, and what the terminal shows when it is not a TTY. Pure: status in, text out.
import { formatSeconds } from '../format.js';
import type { MeasureStatus } from '../model.js';

const PHASE: Record<MeasureStatus['phase'], string> = {
  timing: 'timing',
  confirming: 'confirming',
  profiling: 'profiling',
};

/** `[timing 3] 12/40 benchmark-processes · 5 sampling, 3 resolved · about 1 min 20 s left`. */
export function progressLine(status: MeasureStatus): string {
  const head = status.phase === 'profiling' ? '[profiling]' : `[${PHASE[status.phase]} ${status.round + 1}]`;
  const parts = [`${status.done}/${status.total} benchmark-processes`];
  if (status.phase === 'timing') parts.push(`${status.sampling} sampling, ${status.resolved} resolved`);
  if (status.phase === 'confirming') parts.push(`${status.sampling} regression(s) being confirmed`);
  if (status.phase === 'profiling') parts.push('attribution pass');
  parts.push(`about ${formatSeconds(status.secondsLeft)} left`);
  return `${head} ${parts.join(' · ')}`;
}
