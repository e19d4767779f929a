// `flamegate merge DIR...`: one report, one verdict and one set of flame graphs from the output
// directories of `flamegate compare --shard i/N` runs.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { copyProfiles, loadShards, mergeShards } from '../merge/merge.js';
import { writeRun } from '../report/write-run.js';
import { UsageError } from '../settings.js';
import { exitWith, printRun } from './finish.js';

export const MERGE_USAGE = `Usage: flamegate merge <shard-dir>... [--json FILE] [--markdown FILE] [--out DIR]

merge: combines the output directories of \`flamegate compare --shard i/N\` (one per shard) into one
report, one verdict and one set of flame graphs. Refuses shards of different commits, configs or
splits, and names a missing or failed shard.
  --out <dir>         where the merged report.json, comment.md, flame graphs and profiles go
  --json <file>       write the merged JSON report
  --markdown <file>   write the merged PR comment (Markdown)
  --no-color          plain output`;

export async function mergeCommand(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        json: { type: 'string' },
        markdown: { type: 'string' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
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
    `Merged ${shards.length} shard(s); report, flame graphs and profiles: ${outDir}`,
    values['no-color'] === true,
  );
  // A shard that flamegate or its machine broke, or a run that measured nothing, is no verdict on the
  // pull request: exit 2, as compare.
  return exitWith(written.exit);
}
