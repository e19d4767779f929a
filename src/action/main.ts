// The Action's entry: inputs → base revision → pipeline → publish. Errors the user can fix become
// one-line annotations that name the fix.
import { runPipeline } from '../pipeline.js';
import { fail, log } from '../publish/actions.js';
import { runMergeMode } from '../publish/merge-mode.js';
import { publishRun, publishSavedReport } from '../publish/run.js';
import { progressLine } from '../report/progress.js';
import { UsageError } from '../settings.js';
import { resolveBase } from '../workspace/base.js';
import { CommandError } from '../workspace/exec.js';
import { planAction } from './inputs.js';

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
      onProgress: (line) => log.info(line),
      onStatus: (status) => log.info(progressLine(status)),
    }),
  );
  await publishRun(result, plan.options);
}

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
