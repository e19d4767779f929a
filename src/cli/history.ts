// `flamegate history`: the track runs kept on the history branch, as a table per benchmark or as
// JSON. Offline by default: it reads what the clone already has (`--fetch` fetches the branch first).
import { resolve } from 'node:path';
import { DEFAULT_HISTORY_BRANCH } from '../history/layout.js';
import { readHistory } from '../history/store.js';
import { historyTables } from '../history/table.js';
import { UsageError } from '../settings.js';
import { HELP_OPTION, type OptionSpec, type OptionValues, optionLines, parseOptions } from './options.js';

export const HISTORY_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'branch',
    type: 'string',
    arg: '<name>',
    default: DEFAULT_HISTORY_BRANCH,
    help: `the history branch (default ${DEFAULT_HISTORY_BRANCH})`,
  },
  {
    name: 'remote',
    type: 'string',
    arg: '<name>',
    default: 'origin',
    help: 'the remote it is read from (default origin)',
  },
  {
    name: 'fetch',
    type: 'boolean',
    help: 'fetch the branch from the remote first (default: read the clone as it is)',
  },
  { name: 'cwd', type: 'string', arg: '<dir>', help: 'the repository (default: current directory)' },
  { name: 'json', type: 'boolean', help: 'print the entries as JSON instead of tables' },
  HELP_OPTION,
];

export const HISTORY_USAGE = `Usage: flamegate history [--fetch] [--branch NAME] [--cwd DIR] [--json]

history: the track runs kept on the history branch (one file per run), a table per benchmark: the
commit measured, when, its anchor, the change against the anchor with its 95% interval, the
benchmark's status and the run's verdict. Reads <remote>/<branch> (else a local branch of that name).
${optionLines(HISTORY_OPTIONS, 22)}`;

export async function historyCommand(
  args: string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
): Promise<number> {
  let values: OptionValues;
  try {
    ({ values } = parseOptions(args, HISTORY_OPTIONS, false));
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see flamegate history --help)`);
  }
  if (values.help) {
    io.stdout(`${HISTORY_USAGE}\n`);
    return 0;
  }
  const repoDir = resolve(String(values.cwd ?? '.'));
  const listing = await readHistory(repoDir, {
    branch: String(values.branch),
    remote: String(values.remote),
    fetch: values.fetch === true,
  });
  for (const bad of listing.bad) io.stderr(`flamegate: skipped ${bad.message}\n`);
  if (values.json) {
    io.stdout(`${JSON.stringify(listing.entries, null, 2)}\n`);
    return 0;
  }
  const runs = listing.entries.length;
  io.stdout(
    `${runs} track run${runs === 1 ? '' : 's'} on ${values.branch} (${listing.commit.slice(0, 7)})` +
      `${runs ? `\n\n${historyTables(listing.entries)}` : ''}\n`,
  );
  return 0;
}
