// The Action's entry: inputs → base revision → pipeline → publish. Errors the user can fix become
// one-line annotations that name the fix.
import { runPipeline } from '../pipeline.js';
import { type Interruption, interruptOnSignals } from '../processes.js';
import { fail, log } from '../publish/actions.js';
import { runMergeMode } from '../publish/merge-mode.js';
import { publishRun, publishSavedReport } from '../publish/run.js';
import { progressLine } from '../report/progress.js';
import { UsageError } from '../settings.js';
import { resolveBase } from '../workspace/base.js';
import { CommandError } from '../workspace/exec.js';
import { planAction } from './inputs.js';

// A cancelled job (SIGINT, then SIGTERM ~7.5 s later, then SIGKILL) stops every process the run
// started at once and unwinds through the pipeline's cleanup, which removes the worktrees.
const cancel = new AbortController();
let interruption: Interruption | undefined;

async function run(): Promise<void> {
  const plan = planAction(process.env);
  for (const warning of plan.warnings) log.warning(warning);
  if (plan.options.mode === 'merge') {
    // The job after a matrix of `shard: i/N` jobs: one comment, one summary, one verdict.
    await runMergeMode(plan.options, plan.settings.outDir ?? 'flamegate-merged');
    return;
  }
  if (plan.options.reportPath) {
    // Post-only mode (the workflow_run half of the fork recipe): publish a report made elsewhere.
    await publishSavedReport(plan.options.reportPath, plan.options);
    return;
  }
  interruption = interruptOnSignals(cancel, (signal) =>
    log.info(`flamegate: ${signal} received: stopping the benchmark processes and removing the checkouts`),
  );
  const base = await resolveBase(plan.settings.cwd, {
    base: plan.settings.base,
    baseSha: plan.baseSha,
    mode: plan.baseMode,
    onProgress: (line) => log.info(line),
  });
  const result = await log.group('Measuring base and head', () =>
    runPipeline({
      ...plan.settings,
      base,
      signal: cancel.signal,
      onProgress: (line) => log.info(line),
      onStatus: (status) => log.info(progressLine(status)),
    }),
  );
  if (cancel.signal.aborted) return;
  await publishRun(result, plan.options);
}

/** `run`, where a cancelled job ends as cancelled, whatever error the cancellation caused on the way. */
async function runUnlessCancelled(): Promise<void> {
  try {
    await run();
  } catch (error) {
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
}

runUnlessCancelled().catch((error: unknown) => {
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
