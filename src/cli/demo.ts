// `flamegate demo`: the main job on an embedded default, for someone who has no repository at hand.
// It copies the bundled sample project into a throwaway git repository, commits it as base, commits a
// head that makes one function (`slowPath`) three times slower, runs the full compare and names the
// function it blames. The comment Markdown, flame graphs and HTML viewers stay in a folder it prints.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionResult, Report } from '../model.js';
import { finishRemoval, runPipeline } from '../pipeline.js';
import { renderTerminal } from '../report/terminal.js';
import { writeRun } from '../report/write-run.js';
import { UsageError } from '../settings.js';
import { HELP_OPTION, type OptionSpec, type OptionValues, optionLines, parseOptions } from './options.js';
import { createProgress } from './progress.js';

export const DEMO_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'out',
    type: 'string',
    arg: '<dir>',
    help: 'folder for the repository and the results (default: a new temp folder, printed)',
  },
  { name: 'quiet', type: 'boolean', help: 'no progress lines' },
  HELP_OPTION,
];

export const DEMO_USAGE = `Usage: flamegate demo [--out <dir>] [--quiet]

Builds a throwaway git repository from the sample project bundled with flamegate (a base commit, and a
head commit that makes the function slowPath three times slower), runs the full compare on it, and
prints the verdict and the function it blames. About 30 s; npm installs the sample's one dependency.
${optionLines(DEMO_OPTIONS, 16)}`;

/** The function the demo's head commit slows, and how. */
export const DEMO_SLOWED = 'slowPath';
const DEMO_EDIT = { file: 'src/records.js', from: 'i < WORK * 8;', to: 'i < WORK * 24;' };

/** The sample project, next to the bundle (dist/cli.js) or the source (src/cli/demo.ts). */
export function sampleProjectDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of ['../fixtures/sample-project', '../../fixtures/sample-project']) {
    const dir = resolve(here, candidate);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new UsageError(
    `the bundled sample project is missing (looked for fixtures/sample-project next to ${here}); reinstall flamegate`,
  );
}

function git(cwd: string, args: string[]): void {
  try {
    execFileSync(
      'git',
      [
        '-c',
        'user.name=flamegate demo',
        '-c',
        'user.email=demo@flamegate.invalid',
        '-c',
        'commit.gpgsign=false',
        '-c',
        'init.defaultBranch=main',
        ...args,
      ],
      { cwd, stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(
      missing ? 'the demo needs git on PATH' : `git ${args.join(' ')} failed in ${cwd}: ${stderr}`,
    );
  }
}

/** Creates the throwaway repository: base = the sample project, head = slowPath three times slower. */
export function createDemoRepo(repo: string): void {
  mkdirSync(repo, { recursive: true });
  const sample = sampleProjectDir();
  // The sample itself sits inside node_modules once flamegate is installed: filter below it only.
  cpSync(sample, repo, {
    recursive: true,
    filter: (source) => !/(^|[\\/])node_modules([\\/]|$)/.test(relative(sample, source)),
  });
  git(repo, ['init', '-q']);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'base: the sample project']);
  const path = join(repo, DEMO_EDIT.file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(DEMO_EDIT.from)) {
    throw new Error(`the sample project changed: ${DEMO_EDIT.file} no longer contains "${DEMO_EDIT.from}"`);
  }
  writeFileSync(path, text.replace(DEMO_EDIT.from, DEMO_EDIT.to));
  git(repo, ['commit', '-q', '-a', '-m', `head: ${DEMO_SLOWED} does three times the work`]);
}

/** The function the report blames: the largest self-time growth among gated, else regressed, rows. */
export function blamedFunction(report: Report): FunctionResult | undefined {
  const grew = (rows: FunctionResult[]) =>
    rows.filter((f) => f.deltaNsPerOp > 0).sort((a, b) => b.deltaNsPerOp - a.deltaNsPerOp)[0];
  return (
    grew(report.functions.filter((f) => f.gate)) ??
    grew(report.functions.filter((f) => f.status === 'regressed'))
  );
}

export interface DemoIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export async function runDemo(argv: string[], io: DemoIo): Promise<number> {
  let values: OptionValues;
  try {
    ({ values } = parseOptions(argv, DEMO_OPTIONS, false));
  } catch (error) {
    io.stderr(`flamegate demo: ${(error as Error).message}\n\n${DEMO_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${DEMO_USAGE}\n`);
    return 0;
  }
  const folder = values.out ? resolve(String(values.out)) : mkdtempSync(join(tmpdir(), 'flamegate-demo-'));
  const repo = join(folder, 'repo');
  const results = join(folder, 'results');
  if (existsSync(repo)) {
    io.stderr(`flamegate demo: ${repo} already exists; pick an empty --out folder\n`);
    return 2;
  }
  // Plain lines (never a bar), something at least every 10 s, like compare in a CI log.
  const lines = values.quiet ? undefined : createProgress({ write: (text: string) => io.stderr(text) });
  const progress = lines && ((line: string) => lines.line(line));
  progress?.(`demo repository: ${repo} (base: the sample project; head: ${DEMO_SLOWED} three times slower)`);
  createDemoRepo(repo);
  const { result, written } = await (async () => {
    try {
      const result = await runPipeline({
        cwd: repo,
        base: 'HEAD~1',
        head: 'HEAD',
        outDir: results,
        onProgress: progress,
        onDeadline: lines && ((at) => lines.deadline(at)),
      });
      const written = await writeRun(result);
      await finishRemoval(result, progress);
      return { result, written };
    } finally {
      lines?.stop();
    }
  })();
  const report = result.report;
  const blamed = blamedFunction(report);
  const viewer =
    written.flames.files.find((f) => f.key === blamed?.benchmark && f.path.endsWith('.html')) ??
    written.flames.files.find((f) => f.path.endsWith('.html'));
  const html = viewer ? join(results, viewer.path) : undefined;

  io.stdout(`${renderTerminal(report, { color: false })}\n\n`);
  io.stdout(`Demo folder: ${folder}\n`);
  io.stdout(`  comment Markdown: ${join(results, 'comment.md')}\n`);
  if (html) io.stdout(`  HTML viewer:      ${html}\n`);
  io.stdout(`  flame graphs:     ${join(results, 'flame')}\n`);
  io.stdout(`  JSON report:      ${result.reportPath}\n\n`);
  io.stdout(
    `Demo verdict: ${report.verdict.toUpperCase()} (the head commit made ${DEMO_SLOWED} three times slower)\n`,
  );
  if (!blamed) {
    io.stdout('Blamed function: none (the run did not single out a function; the machine may be too busy)\n');
    return 1;
  }
  const where = `${blamed.file}${blamed.line > 0 ? `:${blamed.line}` : ''}`;
  io.stdout(`Blamed function: ${blamed.name} (${where}) in ${blamed.benchmark}\n`);
  return report.verdict === 'fail' && blamed.name === DEMO_SLOWED ? 0 : 1;
}
