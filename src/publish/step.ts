// How the Action's step ends, whatever the run did: a user's mistake becomes one annotation that names
// the fix, a cancelled job (SIGINT, then SIGTERM ~7.5 s later, then SIGKILL) ends as cancelled once
// every process it started is stopped and the checkouts are removed, and anything else is named as
// flamegate's own unexpected error.
import { type Interruption, interruptOnSignals } from '../processes.js';
import { UsageError } from '../settings.js';
import { CommandError } from '../workspace/exec.js';
import { fail, log } from './actions.js';

/**
 * Turns SIGINT and SIGTERM into an abort of the signal it returns (the pipeline unwinds through its
 * cleanup) and stops every process at once. Called only where the pull request's code is about to run.
 */
export type Cancellable = () => AbortSignal;

export function runStep(body: (cancellable: Cancellable) => Promise<void>): void {
  const cancel = new AbortController();
  let interruption: Interruption | undefined;
  const cancellable: Cancellable = () => {
    interruption ??= interruptOnSignals(cancel, (signal) =>
      log.info(`flamegate: ${signal} received: stopping the benchmark processes and removing the checkouts`),
    );
    return cancel.signal;
  };
  const run = async () => {
    try {
      await body(cancellable);
    } catch (error) {
      // A cancelled job ends as cancelled, whatever error the cancellation caused on the way.
      if (!interruption?.received) throw error;
    } finally {
      interruption?.remove();
      if (interruption?.received) {
        fail(
          `flamegate: cancelled by ${interruption.received}: its processes were stopped and the checkouts removed`,
        );
        process.exitCode = interruption.exitCode;
      }
    }
  };
  run().catch((error: unknown) => {
    if (error instanceof UsageError) {
      // One annotation line that still names every bad key.
      fail(`flamegate: ${error.message.replace(/\n\s*-?\s*/g, ' ').trim()}`);
    } else if (error instanceof CommandError) {
      const [first, ...rest] = error.message.split('\n');
      if (rest.length > 0) log.info(rest.join('\n'));
      fail(`flamegate: ${first}`);
    } else {
      fail(`flamegate: unexpected error: ${(error as Error).stack ?? String(error)}`);
    }
  });
}
