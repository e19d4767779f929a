// The PR comment: verdict first, then the benchmark table, then per benchmark the functions whose
// self time changed (and its flame-graph section). It always fits the budget: when it would not,
// details are dropped in order of importance and the comment says so.

import { markdownTable } from 'markdown-table';
import { noneAffected } from '../compare/measured.js';
import { clipAtWord, codeName, htmlCodeName, markdownText } from '../escape.js';
import {
  formatBytes,
  formatDeltaBytes,
  formatDeltaNs,
  formatInterval,
  formatNs,
  formatPercent,
  formatSeconds,
  namesWithFiles,
  plural,
  shortSha,
} from '../format.js';
import { sourceUrl } from '../links.js';
import type { AllocationResult, BenchmarkResult, FunctionResult, Report } from '../model.js';
import { benchmarkKey } from '../model.js';
import { benchmarkChanged, rowChanged } from './changes.js';
import {
  infrastructureFailure,
  leftOutReasons,
  nothingMeasuredNote,
  unmeasuredNote,
} from './infrastructure.js';
import { everythingNote, executedNote, notAffectedSection } from './selection.js';
import { bytesFigures, gcFigures, sideFigures } from './side-figures.js';
import { TIMED, whatRan } from './what-ran.js';

export interface MarkdownOptions {
  links?: { repoUrl: string };
  /** Character budget; GitHub's comment limit by default. */
  maxChars?: number;
  /** Hidden marker put first, so a publisher can find its comment again. */
  marker?: string;
  /** Extra Markdown per benchmark key (a flame-graph section), placed after its function table. */
  sections?: Record<string, string>;
  footer?: string;
  /** What to tell readers when details were left out (where the full report is). */
  fullReportHint?: string;
}

const STATUS: Record<BenchmarkResult['status'], string> = {
  regressed: '🔴 regressed',
  improved: '🟢 improved',
  unchanged: '⚪ unchanged',
  added: '🆕 added',
  removed: '➖ removed',
  failed: '💥 failed',
};

const FN_STATUS: Record<FunctionResult['status'], string> = {
  regressed: '🔴 slower',
  improved: '🟢 faster',
  unchanged: '⚪',
  added: '🆕 new',
  removed: '➖ gone',
};

/** A name in a table cell: code, so it cannot mention, reference, link or inject (src/escape.ts). */
const cellName = (text: string, max?: number) => codeName(text, { cell: true, max });

/** The longest line of prose made from names (a failure line, an error) the comment shows. */
const PROSE_MAX = 300;
/** The nothing-measured note quotes up to three error messages. */
const NOTE_MAX = 1200;

interface Level {
  /** Which extra sections (flame graphs) are kept. */
  sections: 'all' | 'failing' | 'none';
  /** Function rows per benchmark. */
  functionRows: number;
  /** Benchmarks that get a function table, most important first. */
  functionBenchmarks: number;
  unchangedRows: boolean;
  changedRows: number;
  /** Failure lines under the verdict. */
  failureLines: number;
}

const ALL = Number.POSITIVE_INFINITY;

// Tried in order until the comment fits. What a reviewer needs most survives longest: the verdict and
// its reasons, then the changed benchmarks, then the functions behind them; flame-graph sections and
// unchanged rows go first. Failure lines are cut too, as the table shrinks: every line of the last
// level is clipped, so it fits GitHub's limit whatever the names, and the table is always in it.
// biome-ignore format: one level per line reads as a table
const LEVELS: Level[] = [
  { sections: 'all', functionRows: 10, functionBenchmarks: ALL, unchangedRows: true, changedRows: ALL, failureLines: 50 },
  { sections: 'failing', functionRows: 10, functionBenchmarks: ALL, unchangedRows: true, changedRows: ALL, failureLines: 50 },
  { sections: 'none', functionRows: 10, functionBenchmarks: ALL, unchangedRows: true, changedRows: ALL, failureLines: 50 },
  { sections: 'none', functionRows: 3, functionBenchmarks: ALL, unchangedRows: true, changedRows: ALL, failureLines: 50 },
  { sections: 'none', functionRows: 3, functionBenchmarks: ALL, unchangedRows: false, changedRows: ALL, failureLines: 50 },
  { sections: 'none', functionRows: 3, functionBenchmarks: 20, unchangedRows: false, changedRows: ALL, failureLines: 20 },
  { sections: 'none', functionRows: 3, functionBenchmarks: 20, unchangedRows: false, changedRows: 200, failureLines: 20 },
  { sections: 'none', functionRows: 3, functionBenchmarks: 5, unchangedRows: false, changedRows: 50, failureLines: 10 },
  { sections: 'none', functionRows: 0, functionBenchmarks: 0, unchangedRows: false, changedRows: 10, failureLines: 5 },
];

/** The verdict's words for a change that reaches no benchmark on both sides (`select: affected`). */
export const NONE_AFFECTED = 'no benchmark is reachable from the files this pull request changed';

/** GitHub's limit on the body of a comment, in characters: the comment's default budget. */
export const COMMENT_LIMIT = 65_536;

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? COMMENT_LIMIT;
  const prepared = prepare(report);
  let text = '';
  for (const [i, level] of LEVELS.entries()) {
    text = render(report, prepared, options, level, i === 0);
    if (text.length < maxChars) return text;
  }
  // Even the smallest level does not fit (a tiny budget or huge names): keep the start, which holds
  // the marker and the verdict, and cut the rest.
  const notice = '\n\n… cut to fit the comment limit.\n';
  let end = Math.max(0, maxChars - notice.length - 1);
  // Never split a surrogate pair (an emoji), which would leave an invalid character.
  if (end > 0 && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return text.slice(0, end) + notice;
}

/** What every level reads, computed once: the comment may be rendered several times. */
interface Prepared {
  /** Benchmarks for the main table, most important first. */
  changed: BenchmarkResult[];
  unchanged: BenchmarkResult[];
  /** Per benchmark key, its function rows worth showing, gate rows first, then by |Δ|. */
  functions: Map<string, FunctionResult[]>;
  /** Benchmarks with function rows or a section, most important first. */
  detailed: BenchmarkResult[];
  /** Per benchmark key, the functions whose allocations changed. */
  allocations: Map<string, AllocationResult[]>;
  /** Whether the allocation pass ran: the benchmark table gets a memory column. */
  memory: boolean;
}

const RANK: Record<BenchmarkResult['status'], number> = {
  regressed: 1,
  failed: 2,
  improved: 3,
  added: 4,
  removed: 5,
  unchanged: 6,
};

function rank(b: BenchmarkResult): number {
  return (b.failures?.length ?? 0) > 0 ? 0 : RANK[b.status];
}

function prepare(report: Report): Prepared {
  const functions = new Map<string, FunctionResult[]>();
  for (const f of report.functions) {
    if (f.status === 'unchanged') continue;
    const list = functions.get(f.benchmark);
    if (list) list.push(f);
    else functions.set(f.benchmark, [f]);
  }
  for (const list of functions.values()) {
    // Gate rows first; otherwise compare's order, which puts functions this PR changed ahead.
    list.sort((x, y) => Number(!!y.gate) - Number(!!x.gate));
  }
  const byRank = (list: BenchmarkResult[]) =>
    list
      .map((b, i) => ({ b, i }))
      .sort((x, y) => rank(x.b) - rank(y.b) || x.i - y.i)
      .map((x) => x.b);
  const allocations = new Map<string, AllocationResult[]>();
  for (const a of report.allocations ?? []) {
    if (!rowChanged(a)) continue;
    const list = allocations.get(a.benchmark);
    if (list) list.push(a);
    else allocations.set(a.benchmark, [a]);
  }
  // A benchmark whose function gate fired, or whose allocations moved, is news even when its total
  // time did not move.
  return {
    changed: byRank(report.benchmarks.filter(benchmarkChanged)),
    unchanged: report.benchmarks.filter((b) => !benchmarkChanged(b)),
    functions,
    detailed: byRank(report.benchmarks),
    allocations,
    memory: report.benchmarks.some((b) => b.memory),
  };
}

function render(
  report: Report,
  prepared: Prepared,
  options: MarkdownOptions,
  level: Level,
  complete: boolean,
): string {
  const repo = options.links?.repoUrl;
  const dropped = { sections: 0, functionRows: 0, unchanged: 0, changed: 0, failures: 0 };
  const body: string[] = [];

  const { changed, unchanged } = prepared;
  if (changed.length > 0) {
    const rows = changed.slice(0, level.changedRows);
    body.push(benchmarkTables(rows, prepared.memory));
    if (changed.length > rows.length) {
      dropped.changed = changed.length - rows.length;
      body.push(`… ${dropped.changed} more changed benchmark rows in the full report.`);
    }
  } else if (noneAffected(report)) {
    body.push(
      'No benchmark on both sides is reachable from the files this pull request changed, so none was timed.',
    );
  } else if (report.benchmarks.length === 0) {
    body.push('No benchmarks were found.');
  }
  if (unchanged.length > 0) {
    if (level.unchangedRows) {
      const title =
        changed.length > 0
          ? `${plural(unchanged.length, 'unchanged benchmark')}`
          : unchanged.length === 1
            ? 'The benchmark is unchanged'
            : `All ${unchanged.length} benchmarks unchanged`;
      body.push(
        `<details><summary>${title}</summary>\n\n${benchmarkTables(unchanged, prepared.memory)}\n\n</details>`,
      );
    } else {
      dropped.unchanged = unchanged.length;
      body.push(`… ${unchanged.length} unchanged benchmark rows in the full report.`);
    }
  }

  const notAffected = notAffectedSection(report, level.unchangedRows);
  if (notAffected) body.push(notAffected);

  if (level.unchangedRows) {
    const resolution = resolutionTable(report.benchmarks, report.settings);
    if (resolution) body.push(resolution);
  }

  const sections = options.sections ?? {};
  let detailed = 0;
  for (const b of prepared.detailed) {
    const key = benchmarkKey(b);
    const rows = prepared.functions.get(key) ?? [];
    const allocationRows = prepared.allocations.get(key) ?? [];
    const section = sections[key];
    if (rows.length === 0 && allocationRows.length === 0 && section === undefined) continue;
    const failing = b.status === 'regressed' || (b.failures?.length ?? 0) > 0;
    const keepSection =
      section !== undefined && (level.sections === 'all' || (level.sections === 'failing' && failing));
    if (section !== undefined && !keepSection) dropped.sections++;
    const shown = detailed < level.functionBenchmarks ? rows.slice(0, level.functionRows) : [];
    dropped.functionRows += rows.length - shown.length;
    const allocationsShown =
      detailed < level.functionBenchmarks ? allocationRows.slice(0, level.functionRows) : [];
    dropped.functionRows += allocationRows.length - allocationsShown.length;
    if (shown.length === 0 && allocationsShown.length === 0 && !keepSection) continue;
    detailed++;
    const open = failing ? ' open' : '';
    const allocating = allocationRows.length
      ? `, ${plural(allocationRows.length, 'function')} allocating differently`
      : '';
    const parts = [
      `<details${open}><summary><b>${htmlCodeName(key)}</b>: ${plural(rows.length, 'function')} changed${allocating}</summary>\n`,
    ];
    if (shown.length > 0) {
      parts.push(functionTable(shown, report, repo));
      if (rows.length > shown.length)
        parts.push(`\n… ${rows.length - shown.length} more function rows in the full report.`);
    }
    if (allocationsShown.length > 0) {
      parts.push(`\nAllocations per op:\n\n${allocationTable(allocationsShown, report, repo)}`);
      if (allocationRows.length > allocationsShown.length)
        parts.push(
          `\n… ${allocationRows.length - allocationsShown.length} more allocation rows in the full report.`,
        );
    }
    if (keepSection) parts.push(`\n${section}`);
    parts.push('\n</details>');
    body.push(parts.join('\n'));
  }

  const out: string[] = [];
  if (options.marker) out.push(options.marker);
  out.push(verdictLine(report));
  const failures = report.failures ?? [];
  if (failures.length > 0) {
    const shown = failures.slice(0, level.failureLines);
    dropped.failures = failures.length - shown.length;
    const keys = report.benchmarks.map(benchmarkKey).sort((x, y) => y.length - x.length);
    out.push(
      shown.map((f) => `- ${failureText(f, keys)}`).join('\n') +
        (dropped.failures > 0 ? `\n- … and ${dropped.failures} more` : ''),
    );
  }
  const removed = removedNote(report);
  if (removed) out.push(removed);
  const drift = driftLines(report, repo);
  if (drift) out.push(drift);
  const infrastructure = infrastructureFailure(report);
  if (infrastructure) {
    const [first] = infrastructure.split('\n');
    out.push(`> [!WARNING]\n> flamegate ${markdownText(first ?? '', PROSE_MAX)}`);
  }
  const nothing = nothingMeasuredNote(report);
  if (nothing)
    out.push(
      `> [!${nothing.level === 'error' ? 'CAUTION' : 'WARNING'}]\n> flamegate ${nothing.level}: ${markdownText(nothing.reason, NOTE_MAX)} ${nothing.advice}`,
    );
  const sampling = samplingNote(report, formatSeconds);
  if (sampling) out.push(`<sub>${markdownText(sampling, 1000)}</sub>`);
  for (const note of [executedNote(report), everythingNote(report)])
    if (note) out.push(`<sub>${markdownText(note, PROSE_MAX)}</sub>`);
  const harness = harnessNotesBlock(report);
  if (harness) out.push(harness);
  const leftOut = leftOutSection(report);
  if (leftOut) out.push(leftOut);
  const commit = (sha: string) =>
    repo ? `[\`${shortSha(sha)}\`](${repo}/commit/${sha})` : `\`${shortSha(sha)}\``;
  const ref = (name: string) => codeName(name, { max: 100 });
  out.push(
    `Base ${commit(report.base.sha)} (${ref(report.base.ref)}) → head ${commit(report.head.sha)} (${ref(report.head.ref)})`,
  );
  if (!complete) {
    const left = [
      dropped.sections && plural(dropped.sections, 'flame-graph section'),
      dropped.functionRows && plural(dropped.functionRows, 'function row'),
      dropped.unchanged && plural(dropped.unchanged, 'unchanged benchmark row'),
      dropped.changed && plural(dropped.changed, 'changed benchmark row'),
      dropped.failures && plural(dropped.failures, 'failure line'),
    ].filter(Boolean);
    out.push(
      `> [!NOTE]\n> Left out to fit GitHub's comment limit: ${left.length > 0 ? left.join(', ') : 'some details'}. ${options.fullReportHint ?? 'The full report is in the job summary and the JSON report.'}`,
    );
  }
  out.push(...body, footer(report, options));
  return `${out.join('\n\n')}\n`;
}

function verdictLine(report: Report): string {
  const parts = verdictCounts(report);
  const broken = (report.infrastructureErrors?.length ?? 0) > 0;
  // Nothing measured, or some benchmarks measured on neither side, is said first: never a plain pass.
  const nothing = nothingMeasuredNote(report);
  const unmeasured = nothing ? 'nothing was measured on both sides' : unmeasuredNote(report);
  const icon =
    nothing?.level === 'error'
      ? '⛔'
      : broken || (unmeasured && report.verdict !== 'fail')
        ? '⚠️'
        : report.verdict === 'fail'
          ? '❌'
          : '✅';
  const word = broken
    ? 'infrastructure error'
    : nothing?.level === 'error'
      ? 'error'
      : report.verdict === 'fail'
        ? 'fail'
        : 'pass';
  const lead = unmeasured
    ? `${word}, ${nothing?.level === 'warning' ? 'warning: ' : ''}${unmeasured}`
    : noneAffected(report) && !broken
      ? `${word}, ${NONE_AFFECTED}`
      : word;
  return `### ${icon} flamegate: ${[lead, ...parts].join(' · ')}`;
}

/**
 * The verdict line's counts. The benchmarks are counted once each, in parts that add up to the total
 * (an unchanged benchmark whose interval could not resolve its threshold is counted as that, not as
 * unchanged too); the function and allocation flags are counted apart, since they fall on benchmarks
 * already counted. No part is said at zero.
 */
export function verdictCounts(report: Report): string[] {
  const benchmarks = report.benchmarks;
  const count = (test: (b: BenchmarkResult) => boolean) => benchmarks.filter(test).length;
  const unresolved = (b: BenchmarkResult) => b.status === 'unchanged' && !!b.inconclusive;
  const byStatus = [
    ['regressed', count((b) => b.status === 'regressed')],
    ['failed', count((b) => b.status === 'failed')],
    ['improved', count((b) => b.status === 'improved')],
    ['added', count((b) => b.status === 'added')],
    ['removed', count((b) => b.status === 'removed')],
    ['unchanged', count((b) => b.status === 'unchanged' && !unresolved(b))],
    ['too noisy to resolve the threshold', count(unresolved)],
  ] as const;
  const present = byStatus.filter(([, n]) => n > 0);
  const total = plural(benchmarks.length, 'benchmark');
  const parts: string[] = [];
  // `3 benchmarks, all unchanged`, `1 benchmark, regressed`, `3 benchmarks: 1 regressed, 2 unchanged`.
  if (present.length === 1) parts.push(`${total}, ${benchmarks.length > 1 ? 'all ' : ''}${present[0]?.[0]}`);
  else if (present.length > 1)
    parts.push(`${total}: ${present.map(([word, n]) => `${n} ${word}`).join(', ')}`);
  const gates = report.functions.filter((f) => f.gate).length;
  if (gates > 0) parts.push(`${plural(gates, 'function')} over the function threshold`);
  const fleet = report.functions.filter((f) => f.fleetGate).length;
  if (fleet > 0) parts.push(`${plural(fleet, 'function')} over the fleet threshold`);
  const more = count((b) => b.memory?.status === 'regressed');
  if (more > 0) parts.push(`${plural(more, 'benchmark')} allocating more per op`);
  const less = count((b) => b.memory?.status === 'improved');
  if (less > 0) parts.push(`${plural(less, 'benchmark')} allocating less per op`);
  const notAffected = report.selection?.notAffected.length ?? 0;
  if (notAffected > 0) parts.push(`${notAffected} not affected by this PR`);
  return parts;
}

/** One table, or in a run over several packages one table per package under its name. */
function benchmarkTables(rows: BenchmarkResult[], memory = false): string {
  if (!rows.some((b) => b.package !== undefined)) return benchmarkTable(rows, memory);
  const groups = new Map<string, BenchmarkResult[]>();
  for (const b of rows) {
    const name = b.package ?? '(no package)';
    groups.set(name, [...(groups.get(name) ?? []), b]);
  }
  return [...groups.keys()]
    .sort()
    .map((name) => `**📦 ${codeName(name)}**\n\n${benchmarkTable(groups.get(name) ?? [], memory)}`)
    .join('\n\n');
}

function benchmarkTable(rows: BenchmarkResult[], memory = false): string {
  const header = ['Benchmark', 'Base', 'Head', 'Change', '95% CI', 'Status'];
  if (memory) header.splice(5, 0, 'Memory');
  const body = rows.map((b) => {
    const measured = b.base && b.head && b.status !== 'failed';
    let status = STATUS[b.status];
    if (b.inconclusive && b.status === 'unchanged')
      status += ` (can't resolve ${formatPercent(b.threshold, false)})`;
    if (b.confirmation) status += b.confirmation.confirmed ? ' · confirmed' : ' · not confirmed';
    const memoryFailed = b.memory?.status === 'regressed';
    const otherFailures = (b.failures?.length ?? 0) - (memoryFailed ? 1 : 0);
    if (b.status !== 'regressed' && otherFailures > 0) status += ' · ⛔ function threshold';
    if (memoryFailed) status += ' · ⛔ allocations';
    if (b.status === 'failed' && b.error)
      status += `: ${markdownText(clipAtWord(b.error.split('\n')[0] ?? '', 160), 170)}`;
    const shown = sideFigures(b);
    return [
      benchmarkCell(b),
      shown.base !== undefined ? formatNs(shown.base) : '–',
      shown.head !== undefined ? formatNs(shown.head) : '–',
      measured ? formatPercent(b.change) : '–',
      measured ? formatInterval(b.ci) : '–',
      ...(memory ? [memoryCell(b)] : []),
      status,
    ];
  });
  const align = ['l', 'r', 'r', 'r', 'r', ...(memory ? ['l'] : []), 'l'];
  return markdownTable([header, ...body], { align });
}

/** `+16.0% 🔴 272 KiB → 311 KiB/op · GC 12% → 15%`: bytes allocated per op and the time in GC. */
function memoryCell(b: BenchmarkResult): string {
  const m = b.memory;
  if (!m) return '–';
  const icon = m.status === 'regressed' ? ' 🔴' : m.status === 'improved' ? ' 🟢' : '';
  const change =
    m.status === 'unchanged' && formatPercent(m.change) === formatPercent(0)
      ? ''
      : `${formatPercent(m.change)}${icon} `;
  return `${change}${bytesFigures(m)} · ${gcFigures(m)}`;
}

const ALLOC_STATUS: Record<AllocationResult['status'], string> = {
  regressed: '🔴 more',
  improved: '🟢 less',
  unchanged: '⚪',
  added: '🆕 new',
  removed: '➖ gone',
};

function allocationTable(rows: AllocationResult[], report: Report, repo: string | undefined): string {
  const header = ['Function', 'Where', 'Base bytes/op', 'Head bytes/op', 'Δ bytes/op', 'Share', 'Status'];
  // Two rows of one name are told apart by their files.
  const names = namesWithFiles(rows);
  const body = rows.map((a, i) => {
    const edited = !!a.source?.changed && a.source.reason !== 'dependency';
    return [
      `${cellName(names[i] ?? a.name, 150)}${edited ? ' ✏️' : ''}`,
      whereCell(a, a.package && packageCell(a), report, repo),
      formatBytes(a.baseBytesPerOp),
      formatBytes(a.headBytesPerOp),
      formatDeltaBytes(a.deltaBytesPerOp),
      a.shareOfBenchmark === undefined ? '–' : formatPercent(a.shareOfBenchmark),
      ALLOC_STATUS[a.status],
    ];
  });
  return markdownTable([header, ...body], { align: ['l', 'l', 'r', 'r', 'r', 'r', 'l'] });
}

/**
 * Where a function is: its package (already rendered), a link to its line in the repository, its
 * file, or what kind of frame it is (`native`, `gc`: flamegate's own words).
 */
function whereCell(
  row: Pick<FunctionResult, 'file' | 'line' | 'kind'>,
  pkg: string | undefined,
  report: Report,
  repo: string | undefined,
): string {
  if (pkg) return pkg;
  const url =
    row.kind === undefined || row.kind === 'user'
      ? sourceUrl(repo, report.head.sha, row.file, row.line)
      : undefined;
  if (url) return `[${cellName(row.file, 150)}:${row.line}](${url})`;
  return row.file ? cellName(row.file, 150) : (row.kind ?? '');
}

/** `yaml`, or `📦 fast-xml-parser 5.3.7 → 5.5.9` (packageLabel's Markdown form), each name as code. */
function packageCell(f: Pick<FunctionResult, 'package' | 'source'>): string {
  const versions = f.source?.packageVersions;
  const name = cellName(f.package ?? '');
  if (!f.source?.changed || !versions) return name;
  const version = (v: string | undefined) => (v === undefined ? '(none)' : cellName(v, 40));
  return `📦 ${name} ${version(versions.base)} → ${version(versions.head)}`;
}

/** A benchmark's name and, smaller, its file. */
function benchmarkCell(b: BenchmarkResult): string {
  return `${cellName(b.name)} <sub>${cellName(b.file, 80)}</sub>`;
}

/**
 * A failure line as Markdown. Lines start with their benchmark's key (compare's format): the key is
 * shown as code and the rest as neutralised prose; both are clipped.
 */
function failureText(line: string, keysLongestFirst: string[]): string {
  const key = keysLongestFirst.find((k) => line.startsWith(`${k}: `));
  if (key === undefined) return markdownText(line, PROSE_MAX);
  return `${codeName(key)}: ${markdownText(line.slice(key.length + 2), PROSE_MAX)}`;
}

/**
 * Creep on the default branch, from the history branch: one line per drifted benchmark,
 * `📈 \`parse\`: +4.1% (95% CI +3.2% … +5.0%) since \`v2.3.0\` (main at abc1234); this PR +0.8%`.
 */
function driftLines(report: Report, repo: string | undefined): string | undefined {
  const note = report.drift;
  if (!note || note.benchmarks.length === 0) return undefined;
  const at = repo
    ? `[\`${shortSha(note.commit)}\`](${repo}/commit/${note.commit})`
    : `\`${shortSha(note.commit)}\``;
  const lines = note.benchmarks.map((b) => {
    const pr = b.prChange !== undefined ? `; this PR ${formatPercent(b.prChange)}` : '';
    const icon = b.change > 0 ? '📈' : '📉';
    return `- ${icon} ${codeName(b.name, { max: 80 })}: ${formatPercent(b.change)} (95% CI ${formatInterval(b.ci)}) since ${codeName(note.anchor.ref, { max: 60 })} (the default branch at ${at})${pr}`;
  });
  return `<sub>Against the last release, from the history branch (\`flamegate track\`):</sub>\n\n${lines.join('\n')}`;
}

/** The benchmarks this pull request removes that fail nothing (`thresholds.removed: warn`). */
export function ungatedRemovals(report: Report): BenchmarkResult[] {
  return report.benchmarks.filter((b) => b.status === 'removed' && !b.failures?.length);
}

/** Under the verdict: which benchmarks this pull request removes, when that does not fail the run. */
function removedNote(report: Report): string | undefined {
  const removed = ungatedRemovals(report);
  if (removed.length === 0) return undefined;
  const names = removed.slice(0, 5).map((b) => codeName(benchmarkKey(b), { max: 80 }));
  const more = removed.length > names.length ? ` and ${removed.length - names.length} more` : '';
  return `> [!NOTE]\n> This pull request removes ${plural(removed.length, 'benchmark')}: ${names.join(', ')}${more}. Not gated (\`thresholds.removed: warn\`); \`thresholds.removed: fail\` fails such a run.`;
}

/** The production column: share of production CPU and the estimated fleet impact, or "not run". */
export function productionCell(f: FunctionResult): string {
  if (f.notInProduction) return 'not run in production';
  if (f.productionShare === undefined) return '–';
  const impact = f.fleetImpact ?? 0;
  return `${formatPercent(f.productionShare, false)} of CPU · ≈ ${formatPercent(impact)} fleet${f.fleetGate ? ' ⛔' : ''}`;
}

function functionTable(rows: FunctionResult[], report: Report, repo: string | undefined): string {
  // The production column appears only when the run had a production profile.
  const production = report.functions.some((f) => f.productionShare !== undefined);
  const header = ['Function', 'Where', 'Base self/op', 'Head self/op', 'Δ self/op', 'Share', 'Status'];
  if (production) header.splice(6, 0, 'Production');
  // Two rows of one name are told apart by their files.
  const names = namesWithFiles(rows);
  const body = rows.map((f, i) => {
    const cells = [
      `${cellName(names[i] ?? f.name, 150)}${changedInPr(f) ? ' ✏️' : ''}${f.gate ? ' ⛔' : ''}`,
      whereCell(f, f.package && packageCell(f), report, repo),
      formatNs(f.baseSelfNsPerOp),
      formatNs(f.headSelfNsPerOp),
      formatDeltaNs(f.deltaNsPerOp),
      f.shareOfBenchmark === undefined ? '–' : formatPercent(f.shareOfBenchmark),
      FN_STATUS[f.status],
    ];
    if (production) cells.splice(6, 0, productionCell(f));
    return cells;
  });
  const align: ('l' | 'r')[] = ['l', 'l', 'r', 'r', 'r', 'r', 'l'];
  if (production) align.splice(6, 0, 'r');
  return markdownTable([header, ...body], { align });
}

/** The folded table of what each benchmark could resolve, how many processes it took, what would resolve it. */
function resolutionTable(benchmarks: BenchmarkResult[], settings?: Report['settings']): string | undefined {
  const rows = benchmarks.filter((b) => b.resolution !== undefined);
  if (rows.length === 0) return undefined;
  const stopped: Record<string, string> = {
    resolved: 'resolved',
    maxProcesses: 'budget.maxProcesses',
    maxMinutes: 'budget.maxMinutes',
  };
  const body = rows.map((b) => [
    benchmarkCell(b),
    `±${formatPercent(b.resolution ?? Number.NaN, false)}`,
    formatPercent(b.threshold, false),
    b.processes === undefined ? '–' : String(b.processes),
    b.stoppedBy ? (stopped[b.stoppedBy] ?? b.stoppedBy) : '–',
    markdownText([confirmationNote(b), neededNote(b, settings)].filter(Boolean).join('; '), 1000),
  ]);
  const table = markdownTable(
    [['Benchmark', 'Resolves', 'Threshold', 'Processes', 'Stopped by', 'Notes'], ...body],
    { align: ['l', 'r', 'r', 'r', 'l', 'l'] },
  );
  const open = rows.filter((b) => b.inconclusive).length;
  return `<details><summary>Resolution: the smallest change each benchmark could show${open ? ` (${open} unresolved)` : ''}</summary>\n\n${table}\n\n</details>`;
}

/** `confirmed in 4 fresh processes: +2.9% (−0.1% … +4.1%)`, or why a first verdict was dropped. */
export function confirmationNote(b: BenchmarkResult): string | undefined {
  const c = b.confirmation;
  if (!c) return undefined;
  const what = `${formatPercent(c.change)} (${formatInterval(c.ci)}) in ${c.processes} fresh processes`;
  return c.confirmed
    ? `confirmed: ${what}`
    : `first verdict ${c.firstVerdict ?? 'regressed'}, not confirmed: ${what}`;
}

/** What budget would resolve an unresolved benchmark. */
export function neededNote(b: BenchmarkResult, settings?: Report['settings']): string | undefined {
  if (!b.inconclusive || b.stoppedBy === undefined || b.stoppedBy === 'resolved') return undefined;
  // A confirmed verdict stands by its own rule (interval excludes zero, change beyond the threshold):
  // "unresolved" next to it would read as doubt about the verdict itself.
  if (b.status === 'regressed' || b.status === 'improved') return undefined;
  if (b.neededProcesses === undefined)
    // processesToResolve found no count up to 1000: the mean sits so close to a bound that no
    // affordable interval clears it, so more processes are not the advice; the estimate is the answer.
    return `unresolved at ${formatPercent(b.threshold, false)}: the change, ${formatPercent(b.change)}${b.resolution !== undefined ? ` (±${formatPercent(b.resolution, false)})` : ''}, sits too close to the threshold for more processes to say which side it is on; read it as about ${formatPercent(b.change)}, or move the threshold away from it`;
  const needed = b.neededProcesses;
  const ran = b.processes !== undefined ? ` after ${plural(b.processes, 'process', 'processes')}` : '';
  const maxProcesses = settings?.maxProcesses;
  // The setting as it is, then what would do: a bare "budget.maxProcesses: 86" read as if 86 were it.
  const raiseProcesses =
    maxProcesses === undefined
      ? `budget.maxProcesses at least ${needed}`
      : needed > maxProcesses
        ? `budget.maxProcesses raised from ${maxProcesses} to ${needed}`
        : '';
  if (b.stoppedBy === 'maxMinutes') {
    const minutes = settings?.maxMinutes !== undefined ? ` (${settings.maxMinutes})` : '';
    const also = raiseProcesses ? `, and ${raiseProcesses}` : '';
    return `unresolved at ${formatPercent(b.threshold, false)}: budget.maxMinutes${minutes} ran out${ran}; about ${needed} processes would resolve it, given the minutes to run them${also}`;
  }
  const setting = maxProcesses !== undefined ? ` (${maxProcesses})` : '';
  return `unresolved at ${formatPercent(b.threshold, false)}: budget.maxProcesses${setting} ran out${ran}; about ${needed} processes would resolve it${raiseProcesses ? `, with ${raiseProcesses}` : ''}`;
}

/** `Sampling: 36 of 64 benchmark-processes, 42 s; stopping early saved about 50 s · harness floor 0.6 ns/op`. */
/** The repository's benchmark settings flamegate did not honour: a note, at most ten lines. */
function harnessNotesBlock(report: Report): string | undefined {
  const notes = report.harnessNotes ?? [];
  if (notes.length === 0) return undefined;
  const shown = notes.slice(0, 10).map((n) => `> - ${markdownText(n, PROSE_MAX)}`);
  if (notes.length > shown.length) shown.push(`> - … and ${notes.length - shown.length} more (JSON report)`);
  return `> [!NOTE]\n> Benchmark settings of this repository that flamegate did not honour:\n${shown.join('\n')}`;
}

export function samplingNote(report: Report, seconds: (s: number) => string): string | undefined {
  const s = report.sampling;
  if (!s) return undefined;
  const parts = [
    `Sampling: ${s.processes - (s.confirmProcesses ?? 0)} of at most ${s.maxProcesses} benchmark-processes${s.confirmProcesses ? ` (+${s.confirmProcesses} confirming)` : ''}, ${seconds(s.seconds)}; stopping early saved about ${seconds(s.savedSeconds)}`,
    s.unresolved > 0
      ? `${s.resolved} resolved, ${s.unresolved} stopped by the budget`
      : `${s.resolved} resolved`,
  ];
  if (s.harnessFloorNs !== undefined) parts.push(`harness floor ${formatNs(s.harnessFloorNs)}/op`);
  const t = s.trailing;
  const settings = report.settings;
  // Only what was cut: the allocation pass may be cut to fewer benchmarks with the times left whole.
  if (t && (!settings || t.profileMs !== settings.profileMs || t.allocationMs !== settings.allocationMs))
    parts.push(
      `budget.maxMinutes cut profiles to ${t.profileMs} ms and allocation samples to ${t.allocationMs} ms per side`,
    );
  if (t?.allocated !== undefined && t.allocatable !== undefined)
    parts.push(
      `budget.maxMinutes left time for the allocation pass on ${t.allocated} of ${plural(t.allocatable, 'benchmark')}, the first measured`,
    );
  return parts.join(' · ');
}

/** The PR changed the function's own source (a dependency bump is shown with the package instead). */
export function changedInPr(f: FunctionResult): boolean {
  return !!f.source?.changed && f.source.reason !== 'dependency';
}

/** `yaml`, or `📦 fast-xml-parser 5.3.7 → 5.5.9` when this PR changed the package's version. */
export function packageLabel(f: Pick<FunctionResult, 'package' | 'source'>): string {
  const versions = f.source?.packageVersions;
  if (!f.package || !f.source?.changed || !versions) return f.package ?? '';
  return `📦 ${f.package} ${versions.base ?? '(none)'} → ${versions.head ?? '(none)'}`;
}

/** The benchmarks `budget.maxMinutes` left out, counted and folded: why, then their names. */
function leftOutSection(report: Report): string | undefined {
  const all = report.leftOut ?? [];
  if (all.length === 0) return undefined;
  const shown = all.slice(0, LEFT_OUT_SHOWN);
  const more = all.length - shown.length;
  const reasons = leftOutReasons(report);
  const why = reasons
    .slice(0, LEFT_OUT_REASONS_SHOWN)
    .map((r) => `- ${r.count === all.length ? '' : `${r.count}: `}${markdownText(r.reason, PROSE_MAX)}`);
  if (reasons.length > LEFT_OUT_REASONS_SHOWN)
    why.push(`- … and ${plural(reasons.length - LEFT_OUT_REASONS_SHOWN, 'other reason')}`);
  return [
    `<details><summary>⏱️ ${plural(all.length, 'benchmark')} left out for time: not measured, in no verdict</summary>`,
    '',
    ...why,
    '',
    shown.map((l) => codeName(benchmarkKey(l), { max: 200 })).join(', ') +
      (more > 0 ? `, … and ${more} more (the JSON report lists them all)` : ''),
    '',
    'Raise `budget.maxMinutes`, or measure a share of the suite per job (`shard`), to measure them.',
    '</details>',
  ].join('\n');
}

/** Names and reasons shown in the left-out section; the JSON report lists them all. */
const LEFT_OUT_SHOWN = 50;
const LEFT_OUT_REASONS_SHOWN = 3;

/**
 * `npx flamegate compare --base … --head … --config perf.yml`: every option the run used, each
 * argument quoted for a POSIX shell where it needs it, as one code span (a saved report's arguments
 * are untrusted text: codeName keeps them inside the span).
 */
function reproduceLine(report: Report): string {
  const args = ['--base', report.base.sha, '--head', report.head.sha, ...(report.reproduce ?? [])];
  return codeName(['npx flamegate compare', ...args.map(shellWord)].join(' '), { max: 2000 });
}

/** One argument as a POSIX shell reads it back: bare when safe, else in single quotes. */
function shellWord(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

function footer(report: Report, options: MarkdownOptions): string {
  const how = whatRan(report);
  const memory = report.benchmarks.some((b) => b.memory)
    ? ' Memory: bytes allocated per op (collected objects included), head vs base, and the share of time spent in garbage collection; ⛔ allocations: bytes/op grew past the allocation threshold.'
    : '';
  const lines = [
    `<sub>Share: a function's Δ self time as a share of the benchmark's base time per op. Function times are profiled time (inlining off, the profiler running), which runs above the benchmark's timed Base and Head; compare functions by Share; ✏️ marks a function whose source this PR changed, 📦 a dependency whose version it changed; ⛔ marks a function over the function threshold.${report.functions.some((f) => f.productionShare !== undefined) ? " Production: the function's share of production CPU (self time) in the production profile, and the estimated change of fleet CPU (its self-time change × that share)." : ''}${memory} ${how ? (report.benchmarks.some((b) => TIMED.has(b.status)) ? `Measured with ${how}.` : `Nothing was timed on both sides (Node ${how}).`) : ''} Reproduce locally: ${reproduceLine(report)}</sub>`,
  ];
  if (options.footer) lines.push(options.footer);
  return lines.join('\n\n');
}
