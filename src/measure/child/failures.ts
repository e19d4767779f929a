// How the runner turns what benchmark code did wrong into a failure of its side: an error's text for
// the parent, and the check that the code left the clocks alone.
import { replacedClocks } from './pristine.js';

/**
 * Throws when the code that just ran (a side's benchmark file or slice) replaced a clock: the side
 * that broke the timer fails, with this message, instead of reporting numbers no clock measured.
 */
export function checkClocks(): void {
  const replaced = replacedClocks();
  if (replaced.length > 0)
    throw new Error(
      `the benchmark code replaced ${replaced.join(', ')}, which flamegate and tinybench time benchmarks with; a benchmark must leave the clocks as it found them`,
    );
}

/** An error as one line for the parent, with the first stack frame of the user's code. */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const frames = (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
    const where = frames.find(
      (l) =>
        !l.includes('/dist/runner.js') && !/node_modules\/(tinybench|mitata|benchmark|bench-node)\//.test(l),
    );
    return `${error.name}: ${error.message}${where ? `\n${where.trim()}` : ''}`;
  }
  return String(error);
}
