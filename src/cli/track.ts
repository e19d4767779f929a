// `flamegate track`: the pushed commit against its anchor (a release), the run kept as one file on the
// history branch with the trend page regenerated, exit as compare's (1 when the creep gate fails).
import { finishRemoval } from '../pipeline.js';
import { interruptOnSignals } from '../processes.js';
import { writeRun } from '../report/write-run.js';
import { UsageError } from '../settings.js';
import { entryOf, keepRun, runTrack, trackSummary } from '../track/track.js';
import { settingsFromOptions } from './compare.js';
import { exitWith, printRun } from './finish.js';
import { type OptionValues, parseOptions } from './options.js';
import { createProgress } from './progress.js';
import { TRACK_OPTIONS, TRACK_USAGE } from './track-options.js';

export async function trackCommand(args: string[]): Promise<number> {
  let values: OptionValues;
  try {
    ({ values } = parseOptions(args, TRACK_OPTIONS, false));
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see flamegate track --help)`);
  }
  if (values.help) {
    process.stdout.write(`${TRACK_USAGE}\n`);
    return 0;
  }
  const controller = new AbortController();
  const interruption = interruptOnSignals(controller, (signal) =>
    process.stderr.write(
      `\nflamegate: interrupted (${signal}), stopping its processes and removing the checkouts…\n`,
    ),
  );
  const progress = values.quiet === true ? undefined : createProgress(process.stderr);
  const say = (line: string) => (progress ? progress.line(line) : process.stderr.write(`${line}\n`));
  // The base is the anchor, found by runTrack.
  const settings = settingsFromOptions({ ...values, base: 'HEAD' }, controller.signal, progress);
  try {
    const run = await runTrack(settings, {
      anchor: values.anchor as string | undefined,
      say,
    }).catch((error: unknown) => {
      if (controller.signal.aborted) throw new UsageError('interrupted; the checkouts were removed');
      throw error;
    });
    const { result } = run;
    progress?.line('writing the flame graphs, the comment and the summary');
    const written = await writeRun(result, {
      copies: { json: values.json as string | undefined, markdown: values.markdown as string | undefined },
    });
    const entry = entryOf(run, values['run-url'] as string | undefined);
    printRun(
      result.report,
      `Profiles, flame graphs and report: ${result.outDir}`,
      values['no-color'] === true,
    );
    process.stdout.write(`${trackSummary(entry)}\n`);
    // A run that is no verdict (exit 2) measured nothing worth keeping.
    if (values['no-push'] !== true && written.exit.code !== 2) {
      const branch = (values['history-branch'] as string | undefined) ?? run.historyBranch;
      const { stored } = await keepRun(entry, settings.cwd, { branch });
      process.stdout.write(
        `history: ${stored.file} on ${branch} (commit ${stored.commit.slice(0, 7)}${stored.attempts > 1 ? `, pushed at attempt ${stored.attempts}` : ''})\n`,
      );
    }
    await finishRemoval(result, progress && ((line) => progress.line(line)));
    return exitWith(written.exit);
  } finally {
    progress?.stop();
    interruption.remove();
    if (interruption.exitCode !== undefined) process.exitCode = interruption.exitCode;
  }
}
