// `flamegate diff <base> <head>`: the flame-graph delta of any two profiles, so that profiles users
// already have (pprof from Go, Rust or anything else; .cpuprofile from node --cpu-prof and Chrome;
// folded stacks from perf and 0x) get the same outputs as the action.
import type { CollapseOptions } from '../flame/side.js';
import { FORMAT_NAMES, incomparable } from '../profile/decode.js';
import type { DiffIo, DiffOptions } from './diff-options.js';
import { type PreparedSide, prepareBoth, type SideJob } from './diff-side.js';
import { HELP_OPTION, type OptionSpec, type OptionValues, optionLines, parseOptions } from './options.js';

export type { DiffRow } from './diff-output.js';

export const DIFF_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'json',
    type: 'string',
    arg: '<file>',
    help: 'write the function rows (name, file, line, baseSelf, headSelf, delta, unit)',
  },
  { name: 'svg', type: 'string', arg: '<file>', help: 'write an interactive SVG flame graph delta' },
  { name: 'html', type: 'string', arg: '<file>', help: 'write a self-contained HTML viewer' },
  {
    name: 'text',
    type: 'boolean',
    help: 'print the Markdown section (as in the PR comment) instead of the summary',
  },
  { name: 'max-chars', type: 'string', arg: '<n>', help: 'budget of the Markdown section (default 6000)' },
  {
    name: 'collapse',
    type: 'string',
    arg: '<list>',
    help: 'merge frames: deps (one node per package), node (Node internals)',
  },
  {
    name: 'value-type',
    type: 'string',
    arg: '<type>',
    help: "sample type to read, e.g. wall, cpu, alloc_space (default: the profile's time type)",
  },
  {
    name: 'repo-url',
    type: 'string',
    arg: '<url>',
    help: 'with --sha, link functions to their source in the HTML viewer',
  },
  { name: 'sha', type: 'string', arg: '<sha>', help: 'head commit for source links' },
  { name: 'title', type: 'string', arg: '<text>', help: 'title of the outputs' },
  { name: 'top', type: 'string', arg: '<n>', help: 'functions in the summary (default 15)' },
  HELP_OPTION,
];

export const DIFF_USAGE = `Usage: flamegate diff <base> <head> [options]

Compares two profiles frame by frame and prints the functions whose self time changed most. Reads
pprof (gzipped or not), .cpuprofile (node --cpu-prof, Chrome DevTools) and folded stacks
("main;parse;lex 42" lines, from perf or 0x), told apart by their content. Values are per operation
when pprof profiles carry a flamegate.ops=N comment (as flamegate's own do).
${optionLines(DIFF_OPTIONS, 24)}

Exit codes: 0 done, 2 usage error, unreadable profile, or profiles of different sample types.`;

class DiffUsageError extends Error {}

export async function runDiff(argv: string[], io: DiffIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`flamegate diff: ${(error as Error).message}\n\n${DIFF_USAGE}\n`);
    return 2;
  }
  if (parsed === 'help') {
    io.stdout(`${DIFF_USAGE}\n`);
    return 0;
  }
  const o = parsed;
  let base: PreparedSide;
  let head: PreparedSide;
  let outputs: Promise<typeof import('./diff-output.js')>;
  try {
    const job = (path: string, side: string): SideJob => ({
      path,
      side,
      collapse: o.collapse,
      roots: [process.cwd()],
      ...(o.valueType ? { valueType: o.valueType } : {}),
    });
    // Each file is read and decoded once; head is prepared on a worker thread while base is here.
    const preparing = prepareBoth(job(o.basePath, 'base'), job(o.headPath, 'head'));
    // The renderers (most of this command's code) load while the files are read and inflated, when
    // this thread would otherwise wait; not at all for a pair that cannot be read.
    outputs = import('./diff-output.js');
    outputs.catch(() => undefined);
    [base, head] = await preparing;
    const refused = incomparable(base, head);
    if (refused) throw new Error(refused);
  } catch (error) {
    io.stderr(`flamegate diff: ${(error as Error).message}\n`);
    return 2;
  }
  const formats: [string, string] = [FORMAT_NAMES[base.format], FORMAT_NAMES[head.format]];
  const { writeOutputs } = await outputs;
  return writeOutputs(base, head, formats, o, io);
}

function parse(argv: string[]): DiffOptions | 'help' {
  let values: OptionValues;
  let positionals: string[];
  try {
    ({ values, positionals } = parseOptions(argv, DIFF_OPTIONS, true));
  } catch (error) {
    throw new DiffUsageError((error as Error).message);
  }
  if (values.help) return 'help';
  if (positionals.length !== 2) {
    throw new DiffUsageError(`expected two profiles, base and head; got ${positionals.length}`);
  }
  const collapse: CollapseOptions = {};
  if (typeof values.collapse === 'string') {
    for (const item of values.collapse
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (item === 'deps' || item === 'dependencies') collapse.dependencies = true;
      else if (item === 'node') collapse.node = true;
      else throw new DiffUsageError(`--collapse takes deps and/or node, not "${item}"`);
    }
  }
  const int = (name: string, fallback: number, min: number): number => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min)
      throw new DiffUsageError(`--${name} must be an integer ≥ ${min}, not "${raw}"`);
    return n;
  };
  if ((values['repo-url'] === undefined) !== (values.sha === undefined)) {
    throw new DiffUsageError('--repo-url and --sha go together');
  }
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  return {
    basePath: positionals[0] as string,
    headPath: positionals[1] as string,
    svg: str('svg'),
    html: str('html'),
    json: str('json'),
    text: values.text === true,
    maxChars: int('max-chars', 6000, 1),
    collapse,
    valueType: str('value-type'),
    repoUrl: str('repo-url'),
    sha: str('sha'),
    title: str('title'),
    top: int('top', 15, 0),
  };
}
