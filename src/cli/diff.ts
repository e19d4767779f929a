// `flamegate diff <base.pb.gz> <head.pb.gz>`: the flame-graph delta of any two pprof files, so that
// profiles from Go, Rust or anything else that writes pprof get the same outputs as the action.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { renderFlameHtml } from '../flame/html.js';
import { renderFlameSvg } from '../flame/svg.js';
import { renderFlameText } from '../flame/text.js';
import { buildFlameTree, type CollapseOptions, type FlameTree, flameFunctions } from '../flame/tree.js';
import { formatDeltaNs, formatNs, formatPercent } from '../format.js';
import type { StackProfile } from '../model.js';
import { classifyProfile } from '../profile/classify.js';
import { readPprof } from '../profile/pprof.js';

export interface DiffIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const DIFF_USAGE = `Usage: flamegate diff <base.pb.gz> <head.pb.gz> [options]

Compares two pprof profiles (gzipped or not) frame by frame, per operation when the profiles carry a
flamegate.ops=N comment, and prints the functions whose self time changed most.
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

Exit codes: 0 done, 2 usage error or unreadable profile.`;

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
  let base: StackProfile;
  let head: StackProfile;
  try {
    base = load(o.basePath, 'base', o.valueType);
    head = load(o.headPath, 'head', o.valueType);
  } catch (error) {
    io.stderr(`flamegate diff: ${(error as Error).message}\n`);
    return 2;
  }

  const tree = buildFlameTree(base, head, { collapse: o.collapse });
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
  } catch (error) {
    io.stderr(`flamegate diff: cannot write output: ${(error as Error).message}\n`);
    return 2;
  }

  if (o.text) {
    io.stdout(renderFlameText(tree, { maxChars: o.maxChars, title: o.title }));
  } else {
    io.stdout(summary(tree, base, head, o.top));
  }
  for (const file of written) io.stderr(`wrote ${file}\n`);
  return 0;
}

interface DiffOptions {
  basePath: string;
  headPath: string;
  svg?: string;
  html?: string;
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

function load(path: string, side: string, valueType: string | undefined): StackProfile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`cannot read the ${side} profile ${path}${code ? ` (${code})` : ''}`);
  }
  let profile: StackProfile;
  try {
    profile = readPprof(bytes, valueType ? { valueType } : undefined);
  } catch (error) {
    throw new Error(
      `the ${side} profile ${path} is not a readable pprof profile: ${(error as Error).message}`,
    );
  }
  return classifyProfile(profile, { roots: [process.cwd()] });
}

function summary(tree: FlameTree, base: StackProfile, head: StackProfile, top: number): string {
  const out: string[] = [];
  const perOp = (p: StackProfile) =>
    p.ops > 1 ? `/op over ${p.ops} ops` : ' in total (no op count in the profile)';
  const delta = tree.headTotal - tree.baseTotal;
  const pct = tree.baseTotal > 0 ? ` (${formatPercent(delta / tree.baseTotal)})` : '';
  out.push(`base: ${formatNs(tree.baseTotal)}${perOp(base)}, ${tree.baseSamples} samples`);
  out.push(`head: ${formatNs(tree.headTotal)}${perOp(head)}, ${tree.headSamples} samples`);
  out.push(`change: ${formatDeltaNs(delta)}${pct}`);
  const fns = flameFunctions(tree).filter((f) => f.headSelf !== f.baseSelf);
  if (top > 0 && fns.length > 0) {
    out.push('');
    out.push(`Largest changes of self time${base.ops > 1 || head.ops > 1 ? ' per op' : ''}:`);
    const rows = fns.slice(0, top).map((f) => {
      const d = f.headSelf - f.baseSelf;
      const rel = f.baseSelf > 0 ? formatPercent(d / f.baseSelf) : 'new';
      const where = f.file ? `${f.file}${f.line > 0 ? `:${f.line}` : ''}` : f.kind;
      return [formatDeltaNs(d), rel, formatNs(f.baseSelf), formatNs(f.headSelf), f.name, where];
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
