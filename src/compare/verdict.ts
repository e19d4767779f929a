// The run's verdict, decided in one place: a single run's compare stage, production weighting (which
// adds the fleet gate's failure lines) and the merge of shard results all call it on their lines.
import type { Report } from '../model.js';

/**
 * `fail` when any line says a threshold was exceeded or head broke a benchmark that base ran, else
 * `pass`. Faults of flamegate or the machine and runs that measured nothing add no line: they are no
 * verdict at all (src/report/infrastructure.ts), whatever this says.
 */
export function verdictFrom(failures: readonly string[] | undefined): Report['verdict'] {
  return (failures?.length ?? 0) > 0 ? 'fail' : 'pass';
}
