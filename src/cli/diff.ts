// `flamegate diff <base> <head>`: the flame-graph delta of any two profiles, so that profiles users
// already have (pprof from Go, Rust or anything else; .cpuprofile from node --cpu-prof and Chrome;
// folded stacks from perf and 0x) get the same outputs as the action.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { renderFlameHtml } from '../flame/html.js';
import { renderFlameSvg } from '../flame/svg.js';
import { renderFlameText } from '../flame/text.js';
import { type CollapseOptions, type FlameTree, flameFunctions, mergeSides } from '../flame/tree.js';
import { formatDeltaNs, formatNs, formatPercent } from '../format.js';
import type { PackedProfile } from '../model.js';
import { FORMAT_NAMES, incomparable } from '../profile/decode.js';
import { type PreparedSide, prepareBoth, type SideJob } from './diff-side.js';

export interface DiffIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const DIFF_USAGE = `Usage: flamegate diff <base> <head> [options]

Compares two profiles frame by frame and prints the functions whose self time changed most. Reads
pprof (gzipped or not), .cpuprofile (node --cpu-prof, Chrome DevTools) and folded stacks
("main;parse;lex 42" lines, from perf or 0x), told apart by their content. Values are per operation
when pprof profiles carry a flamegate.ops=N comment (as flamegate's own do).
  --json <file>         write the function rows (name, file, line, baseSelf, headSelf, delta, unit)
  --svg <file>          write an interactive SVG flame graph delta
  --html <file>         write a self-contained HTML viewer
  --text                print the Markdown section (as in the PR comment) instead of the summary
  --max-chars <n>       budget of the Markdown section (default 6000)
  --collapse <list>     merge frames: deps (one node per package), node (Node internals)
  --value-type <type>   sample type to read, e.g. wall, cpu, alloc_space (default: the profile's time type)
  --repo-url <url>      with --sha, link functions to their source in the HTML viewer
  --sha <sha>           head commit for source links
  --title <text>        title of the outputs
  --top <n>             functions in the summary (default 15)

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
  try {
    const job = (path: string, side: string): SideJob => ({
      path,
      side,
      collapse: o.collapse,
      roots: [process.cwd()],
      ...(o.valueType ? { valueType: o.valueType } : {}),
    });
    // Each file is read and decoded once; head is prepared on a worker thread while base is here.
    [base, head] = await prepareBoth(job(o.basePath, 'base'), job(o.headPath, 'head'));
    const refused = incomparable(base, head);
    if (refused) throw new Error(refused);
  } catch (error) {
    io.stderr(`flamegate diff: ${(error as Error).message}\n`);
    return 2;
  }
  const formats: [string, string] = [FORMAT_NAMES[base.format], FORMAT_NAMES[head.format]];

  const tree = mergeSides(base.stacks, head.stacks);
  const title = o.title ?? `Flame graph delta: ${o.basePath} → ${o.headPath}`;
  const written: string[] = [];
  try {
    if (o.svg) {
      writeFileSync(o.svg, renderFlameSvg(tree, { title }));
      written.push(o.svg);
    }
    if (o.html) {
      writeFileSync(o.html, renderFlameHtml(tree, { title, repoUrl: o.repoUrl, headSha: o.sha }));
      written.push(o.html);
    }
    if (o.json) {
      writeFileSync(o.json, `${JSON.stringify(diffRows(tree, base.profile, head.profile), null, 2)}\n`);
      written.push(o.json);
    }
  } catch (error) {
    io.stderr(`flamegate diff: cannot write output: ${(error as Error).message}\n`);
    return 2;
  }

  if (o.text) {
    io.stdout(renderFlameText(tree, { maxChars: o.maxChars, title: o.title }));
  } else {
    io.stdout(summary(tree, base.profile, head.profile, formats, o.top));
  }
  for (const file of written) io.stderr(`wrote ${file}\n`);
  return 0;
}

interface DiffOptions {
  basePath: string;
  headPath: string;
  svg?: string;
  html?: string;
  json?: string;
  text: boolean;
  maxChars: number;
  collapse: CollapseOptions;
  valueType?: string;
  repoUrl?: string;
  sha?: string;
  title?: string;
  top: number;
}

function parse(argv: string[]): DiffOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        svg: { type: 'string' },
        html: { type: 'string' },
        json: { type: 'string' },
        text: { type: 'boolean' },
        'max-chars': { type: 'string' },
        collapse: { type: 'string' },
        'value-type': { type: 'string' },
        'repo-url': { type: 'string' },
        sha: { type: 'string' },
        title: { type: 'string' },
        top: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
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

/** One function's row of `--json`: the documented, stable output of `flamegate diff`. */
export interface DiffRow {
  name: string;
  /** File as the profile names it, relative to the working directory when under it; '' when unknown. */
  file: string;
  line: number;
  /** Self time (or value) per op on each side, in `unit`. */
  baseSelf: number;
  headSelf: number;
  /** headSelf − baseSelf. Rows are sorted by |delta|, largest first. */
  delta: number;
  /** `ns/op` when both profiles count operations, `ns` for time, else the profile's unit (`bytes`, `samples`). */
  unit: string;
}

/** What the outputs need to know of each side's profile. */
type ProfileInfo = Pick<PackedProfile, 'ops' | 'sampleType'>;

export function unitOf(base: ProfileInfo, head: ProfileInfo): string {
  const unit = head.sampleType.unit;
  const name = unit === 'nanoseconds' ? 'ns' : unit === 'count' ? 'samples' : unit;
  return base.ops > 1 || head.ops > 1 ? `${name}/op` : name;
}

export function diffRows(tree: FlameTree, base: ProfileInfo, head: ProfileInfo): DiffRow[] {
  const unit = unitOf(base, head);
  return flameFunctions(tree)
    .filter((f) => f.headSelf !== 0 || f.baseSelf !== 0)
    .map((f) => ({
      name: f.name,
      file: f.file,
      line: f.line,
      baseSelf: f.baseSelf,
      headSelf: f.headSelf,
      delta: f.headSelf - f.baseSelf,
      unit,
    }));
}

/** A value in the profile's unit, for the terminal. */
function formatValue(value: number, unit: string, signed: boolean): string {
  if (unit === 'nanoseconds') return signed ? formatDeltaNs(value) : formatNs(value);
  const sign = signed ? (value > 0 ? '+' : value < 0 ? '−' : '±') : value < 0 ? '−' : '';
  const abs = Math.abs(value);
  const text = abs >= 100 || Number.isInteger(abs) ? String(Math.round(abs)) : abs.toPrecision(3);
  const name = unit === 'count' ? 'samples' : unit;
  return `${sign}${text} ${name}`;
}

function summary(
  tree: FlameTree,
  base: ProfileInfo,
  head: ProfileInfo,
  formats: [string, string],
  top: number,
): string {
  const out: string[] = [];
  const unit = head.sampleType.unit;
  const value = (v: number) => formatValue(v, unit, false);
  const deltaOf = (v: number) => formatValue(v, unit, true);
  const perOp = (p: ProfileInfo) =>
    p.ops > 1 ? `/op over ${p.ops} ops` : ' in total (no op count in the profile)';
  const delta = tree.headTotal - tree.baseTotal;
  const pct = tree.baseTotal > 0 ? ` (${formatPercent(delta / tree.baseTotal)})` : '';
  out.push(`base: ${value(tree.baseTotal)}${perOp(base)}, ${tree.baseSamples} samples, ${formats[0]}`);
  out.push(`head: ${value(tree.headTotal)}${perOp(head)}, ${tree.headSamples} samples, ${formats[1]}`);
  out.push(`change: ${deltaOf(delta)}${pct}`);
  const fns = flameFunctions(tree).filter((f) => f.headSelf !== f.baseSelf);
  if (top > 0 && fns.length > 0) {
    out.push('');
    const what = unit === 'nanoseconds' ? 'self time' : `self ${unit === 'count' ? 'samples' : unit}`;
    out.push(`Largest changes of ${what}${base.ops > 1 || head.ops > 1 ? ' per op' : ''}:`);
    const rows = fns.slice(0, top).map((f) => {
      const d = f.headSelf - f.baseSelf;
      const rel = f.baseSelf > 0 ? formatPercent(d / f.baseSelf) : 'new';
      const where = f.file ? `${f.file}${f.line > 0 ? `:${f.line}` : ''}` : f.kind;
      return [deltaOf(d), rel, value(f.baseSelf), value(f.headSelf), f.name, where];
    });
    const header = ['Δ self', 'Δ %', 'base', 'head', 'function', 'where'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
    const fmt = (r: string[]) =>
      r
        .map((c, i) =>
          i < 4 ? c.padStart(widths[i] as number) : i === 4 ? c.padEnd(widths[i] as number) : c,
        )
        .join('  ')
        .trimEnd();
    out.push(`  ${fmt(header)}`);
    for (const r of rows) out.push(`  ${fmt(r)}`);
    if (fns.length > top) out.push(`  … ${fns.length - top} more changed functions`);
  } else if (fns.length === 0) {
    out.push('No function changed its self time.');
  }
  return `${out.join('\n')}\n`;
}
