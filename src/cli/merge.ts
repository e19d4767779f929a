// `flamegate merge DIR...`: one report, one verdict and one set of flame graphs from the output
// directories of `flamegate compare --shard i/N` runs.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { copyProfiles, loadShards, mergeShards } from '../merge/merge.js';
import { writeRun } from '../report/write-run.js';
import { UsageError } from '../settings.js';
import { exitWith, printRun } from './finish.js';
import { HELP_OPTION, type OptionSpec, type OptionValues, optionLines, parseOptions } from './options.js';

export const MERGE_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'out',
    type: 'string',
    arg: '<dir>',
    help: 'where the merged report.json, comment.md, flame graphs and profiles go',
  },
  { name: 'json', type: 'string', arg: '<file>', help: 'write the merged JSON report' },
  { name: 'markdown', type: 'string', arg: '<file>', help: 'write the merged PR comment (Markdown)' },
  { name: 'no-color', type: 'boolean', help: 'plain output' },
  HELP_OPTION,
];

export const MERGE_USAGE = `Usage: flamegate merge <shard-dir>... [--json FILE] [--markdown FILE] [--out DIR]

merge: combines the output directories of \`flamegate compare --shard i/N\` (one per shard) into one
report, one verdict and one set of flame graphs. Refuses shards of different commits, configs or
splits, and names a missing or failed shard.
${optionLines(MERGE_OPTIONS, 22)}`;

export async function mergeCommand(args: string[]): Promise<number> {
  let values: OptionValues;
  let positionals: string[];
  try {
    ({ values, positionals } = parseOptions(args, MERGE_OPTIONS, true));
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see flamegate merge --help)`);
  }
  if (values.help) {
    process.stdout.write(`${MERGE_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(`merge needs the shard directories\n\n${MERGE_USAGE}`);
  const shards = loadShards(positionals.map((p) => resolve(p)));
  const merged = mergeShards(shards);
  const outDir = values.out ? resolve(String(values.out)) : mkdtempSync(join(tmpdir(), 'flamegate-merged-'));
  mkdirSync(outDir, { recursive: true });
  copyProfiles(shards, outDir);
  const written = await writeRun(
    { ...merged, outDir, reportPath: join(outDir, 'report.json') },
    { copies: { json: values.json as string | undefined, markdown: values.markdown as string | undefined } },
  );
  printRun(
    merged.report,
    `Merged ${shards.length} shard${shards.length === 1 ? '' : 's'}; report, flame graphs and profiles: ${outDir}`,
    values['no-color'] === true,
  );
  // A shard that flamegate or its machine broke, or a run that measured nothing, is no verdict on the
  // pull request: exit 2, as compare.
  return exitWith(written.exit);
}
