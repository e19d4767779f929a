// The Action's entry: inputs → base revision → pipeline → publish. How the step ends (annotations,
// cancellation) is `runStep`'s.
import { startHeartbeat } from '../heartbeat.js';
import { finishRemoval, runPipeline } from '../pipeline.js';
import { log } from '../publish/actions.js';
import { runMergeMode } from '../publish/merge-mode.js';
import { publishRun, publishSavedReport } from '../publish/run.js';
import { runStep } from '../publish/step.js';
import { runTrackMode } from '../publish/track-mode.js';
import { resolveBase } from '../workspace/base.js';
import { planAction } from './inputs.js';

runStep(async (cancellable) => {
  const plan = planAction(process.env);
  for (const warning of plan.warnings) log.warning(warning);
  if (plan.options.mode === 'merge') {
    // The job after a matrix of `shard: i/N` jobs: one comment, one summary, one verdict.
    await runMergeMode(plan.options, plan.settings.outDir ?? 'flamegate-merged');
    return;
  }
  if (plan.options.mode === 'track') {
    // A push to the default branch (or a schedule): the commit against its release, kept in history.
    await runTrackMode(
      { ...plan.settings, signal: cancellable(), onProgress: (line) => log.info(line) },
      plan.options,
    );
    return;
  }
  if (plan.options.reportPath) {
    // Post-only mode (the workflow_run half of the fork recipe): publish a report made elsewhere.
    await publishSavedReport(plan.options.reportPath, plan.options);
    return;
  }
  const signal = cancellable();
  const base = await resolveBase(plan.settings.cwd, {
    base: plan.settings.base,
    baseSha: plan.baseSha,
    mode: plan.baseMode,
    onProgress: (line) => log.info(line),
  });
  // Something in the log at least every 10 s, the run's time left with it.
  const heartbeat = startHeartbeat((line) => log.info(line));
  try {
    const result = await log.group('Measuring base and head', () =>
      runPipeline({
        ...plan.settings,
        base,
        signal,
        onProgress: (line) => heartbeat.line(line),
        onStatus: (status) => heartbeat.status(status),
        onDeadline: (at) => heartbeat.deadline(at),
      }),
    );
    if (signal.aborted) return;
    heartbeat.line('publishing the comment, the summary and the outputs');
    try {
      await publishRun(result, plan.options);
    } finally {
      await finishRemoval(result, (line) => heartbeat.line(line));
    }
  } finally {
    heartbeat.stop();
  }
});
