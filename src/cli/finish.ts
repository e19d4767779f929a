// How `compare` and `merge` end, the same way: the terminal summary, where the outputs are, then the
// exit code from the run writer (src/report/write-run.ts), said on stderr when it is no verdict.
import type { Report } from '../model.js';
import type { ExitOutcome } from '../report/infrastructure.js';
import { renderTerminal, wantsColor } from '../report/terminal.js';

/** Prints the terminal summary of a finished run, then the line that says where its outputs are. */
export function printRun(report: Report, where: string, noColorFlag: boolean): void {
  process.stdout.write(`${renderTerminal(report, { color: wantsColor(noColorFlag) })}\n`);
  process.stdout.write(`${where}\n`);
}

/**
 * The exit code of a finished run. flamegate's or the machine's fault, or a run that measured nothing,
 * is no verdict on the pull request: exit 2, named as such on stderr (a warning under `warn`).
 */
export function exitWith(exit: ExitOutcome): number {
  if (exit.message) process.stderr.write(`flamegate: ${exit.message}\n`);
  return exit.code;
}
