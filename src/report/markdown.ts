// The PR comment: verdict first, then the benchmark table, then per benchmark the functions whose
// self time changed (and its flame-graph section). It always fits the budget: when it would not,
// details are dropped in order of importance and the comment says so.
import { markdownTable } from 'markdown-table';
import type { BenchmarkResult, FunctionResult, Report } from '../model.js';
import { benchmarkKey } from '../model.js';
import { formatDeltaNs, formatInterval, formatNs, formatPercent, shortSha } from './format.js';

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

/** Escapes text for a GitHub Markdown table cell. */
export function escapeCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([*_`[\]~])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

interface Level {
  sections: boolean;
  functionRows: number;
  unchangedRows: boolean;
  changedRows: number;
}

const LEVELS: Level[] = [
  { sections: true, functionRows: 10, unchangedRows: true, changedRows: Number.POSITIVE_INFINITY },
  { sections: false, functionRows: 10, unchangedRows: true, changedRows: Number.POSITIVE_INFINITY },
  { sections: false, functionRows: 3, unchangedRows: true, changedRows: Number.POSITIVE_INFINITY },
  { sections: false, functionRows: 3, unchangedRows: false, changedRows: Number.POSITIVE_INFINITY },
  { sections: false, functionRows: 0, unchangedRows: false, changedRows: 200 },
  { sections: false, functionRows: 0, unchangedRows: false, changedRows: 50 },
  { sections: false, functionRows: 0, unchangedRows: false, changedRows: 10 },
];

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? 65_536;
  for (let i = 0; i < LEVELS.length; i++) {
    const text = render(report, options, LEVELS[i] as Level, i > 0);
    if (text.length < maxChars) return text;
  }
  // Nothing fits (a tiny budget): keep the verdict, cut the rest.
  const notice = '\n\n… cut to fit the comment limit.\n';
  return (
    render(report, options, LEVELS[LEVELS.length - 1] as Level, true).slice(
      0,
      Math.max(0, maxChars - notice.length - 1),
    ) + notice
  );
}

function render(report: Report, options: MarkdownOptions, level: Level, trimmed: boolean): string {
  const repo = options.links?.repoUrl;
  const out: string[] = [];
  if (options.marker) out.push(options.marker);
  out.push(verdictLine(report));
  if ((report.failures?.length ?? 0) > 0) {
    const failures = report.failures ?? [];
    const shown = failures.slice(0, 20);
    out.push(
      shown.map((f) => `- ${escapeCell(f)}`).join('\n') +
        (failures.length > shown.length ? `\n- … and ${failures.length - shown.length} more` : ''),
    );
  }
  const commit = (sha: string) =>
    repo ? `[\`${shortSha(sha)}\`](${repo}/commit/${sha})` : `\`${shortSha(sha)}\``;
  out.push(
    `Base ${commit(report.base.sha)} (${escapeCell(report.base.ref)}) → head ${commit(report.head.sha)} (${escapeCell(report.head.ref)})`,
  );
  if (trimmed) {
    out.push(
      `> [!NOTE]\n> Some details were left out to fit GitHub's comment limit. ${options.fullReportHint ?? 'The full report is in the job summary and the JSON report.'}`,
    );
  }

  const changed = report.benchmarks.filter((b) => b.status !== 'unchanged');
  const unchanged = report.benchmarks.filter((b) => b.status === 'unchanged');
  if (changed.length > 0) {
    const rows = changed.slice(0, level.changedRows);
    out.push(benchmarkTable(rows));
    if (changed.length > rows.length)
      out.push(`… ${changed.length - rows.length} more changed benchmarks in the full report.`);
  } else if (report.benchmarks.length === 0) {
    out.push('No benchmarks were found.');
  }
  if (unchanged.length > 0) {
    if (level.unchangedRows) {
      const title =
        changed.length > 0
          ? `${unchanged.length} unchanged benchmark(s)`
          : `All ${unchanged.length} benchmark(s) unchanged`;
      out.push(`<details><summary>${title}</summary>\n\n${benchmarkTable(unchanged)}\n\n</details>`);
    } else {
      out.push(`${unchanged.length} unchanged benchmark(s) left out.`);
    }
  }

  if (level.functionRows > 0) {
    const byBenchmark = new Map<string, FunctionResult[]>();
    for (const f of report.functions) {
      if (f.status === 'unchanged') continue;
      const list = byBenchmark.get(f.benchmark) ?? [];
      list.push(f);
      byBenchmark.set(f.benchmark, list);
    }
    const sections = options.sections ?? {};
    for (const b of report.benchmarks) {
      const key = benchmarkKey(b);
      const rows = byBenchmark.get(key) ?? [];
      const section = level.sections ? sections[key] : undefined;
      if (rows.length === 0 && !section) continue;
      const open = b.status === 'regressed' || rows.some((r) => r.gate) ? ' open' : '';
      const parts = [
        `<details${open}><summary><b>${escapeCell(key)}</b>: ${rows.length} function(s) changed</summary>\n`,
      ];
      if (rows.length > 0) {
        const shown = rows.slice(0, level.functionRows);
        parts.push(functionTable(shown, report, repo));
        if (rows.length > shown.length)
          parts.push(`\n… ${rows.length - shown.length} more in the full report.`);
      }
      if (section) parts.push(`\n${section}`);
      parts.push('\n</details>');
      out.push(parts.join('\n'));
    }
  }

  out.push(footer(report, options));
  return `${out.join('\n\n')}\n`;
}

function verdictLine(report: Report): string {
  const count = (s: BenchmarkResult['status']) => report.benchmarks.filter((b) => b.status === s).length;
  const gates = report.functions.filter((f) => f.gate).length;
  const parts = [
    count('regressed') && `${count('regressed')} regressed`,
    gates && `${gates} function(s) over the function threshold`,
    count('failed') && `${count('failed')} failed`,
    count('improved') && `${count('improved')} improved`,
    count('added') && `${count('added')} added`,
    count('removed') && `${count('removed')} removed`,
    `${count('unchanged')} unchanged`,
  ].filter(Boolean);
  const inconclusive = report.benchmarks.filter((b) => b.inconclusive && b.status === 'unchanged').length;
  const icon = report.verdict === 'fail' ? '❌' : '✅';
  const word = report.verdict === 'fail' ? 'fail' : 'pass';
  return `### ${icon} flamegate: ${word} · ${parts.join(', ')}${inconclusive ? ` · ${inconclusive} too noisy to resolve its threshold` : ''}`;
}

function benchmarkTable(rows: BenchmarkResult[]): string {
  const header = ['Benchmark', 'Base', 'Head', 'Change', '95% CI', 'Status'];
  const body = rows.map((b) => {
    const measured = b.base && b.head && b.status !== 'failed';
    let status = STATUS[b.status];
    if (b.inconclusive && b.status === 'unchanged')
      status += ` (can't resolve ${formatPercent(b.threshold, false)})`;
    if (b.status === 'failed' && b.error)
      status += `: ${escapeCell(b.error.split('\n')[0] ?? '').slice(0, 160)}`;
    return [
      `${escapeCell(b.name)} <sub>${escapeCell(b.file)}</sub>`,
      b.base ? formatNs(b.base.meanNs) : '–',
      b.head ? formatNs(b.head.meanNs) : '–',
      measured ? formatPercent(b.change) : '–',
      measured ? formatInterval(b.ci) : '–',
      status,
    ];
  });
  return markdownTable([header, ...body], { align: ['l', 'r', 'r', 'r', 'c', 'l'] });
}

function functionTable(rows: FunctionResult[], report: Report, repo: string | undefined): string {
  const header = ['Function', 'Where', 'Base self/op', 'Head self/op', 'Δ self/op', 'Share', 'Status'];
  const body = rows.map((f) => {
    const linkable =
      repo && (f.kind === undefined || f.kind === 'user') && f.file && !f.file.startsWith('node:');
    const where = f.package
      ? `${escapeCell(f.package)}`
      : linkable
        ? `[${escapeCell(f.file)}:${f.line}](${repo}/blob/${report.head.sha}/${encodeURI(f.file)}#L${f.line})`
        : escapeCell(f.file || f.kind || '');
    return [
      `\`${f.name.replace(/`/g, "'")}\`${f.gate ? ' ⛔' : ''}`,
      where,
      formatNs(f.baseSelfNsPerOp),
      formatNs(f.headSelfNsPerOp),
      formatDeltaNs(f.deltaNsPerOp),
      f.shareOfBenchmark === undefined ? '–' : formatPercent(f.shareOfBenchmark),
      FN_STATUS[f.status],
    ];
  });
  return markdownTable([header, ...body], { align: ['l', 'l', 'r', 'r', 'r', 'r', 'l'] });
}

function footer(report: Report, options: MarkdownOptions): string {
  const s = report.settings;
  const how = s
    ? `${s.processes} timing processes × ${s.timePerProcessMs} ms per side, profiles ${s.profileMs} ms per side, ${s.node}`
    : '';
  const lines = [
    `<sub>Share: a function's Δ self time as a share of the benchmark's base time per op; ⛔ marks a function over the function threshold. ${how ? `Measured with ${how}.` : ''} Reproduce locally: \`npx flamegate compare --base ${report.base.sha} --head ${report.head.sha}\`</sub>`,
  ];
  if (options.footer) lines.push(options.footer);
  return lines.join('\n\n');
}
