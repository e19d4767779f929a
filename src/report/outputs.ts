// What the report stage renders from a finished run: the Markdown comment and summary (with a text
// flame graph per changed benchmark) and the flame-graph files (SVG + HTML viewer per benchmark, an
// allocation viewer per benchmark with heap stacks). Pure: it returns contents and relative paths;
// the run writer (write-run.ts) writes them.
import { markdownText, NAME_MAX } from '../escape.js';
import { buildFlameTree, renderFlameHtml, renderFlameOutputs } from '../flame/index.js';
import type { BenchmarkTiming } from '../flame/tree.js';
import type { BenchmarkResult, Report, RunResult } from '../model.js';
import { benchmarkKey, SAFE_NAME } from '../model.js';
import { changedBenchmarkKeys } from './changes.js';
import { COMMENT_LIMIT, renderMarkdown } from './markdown.js';
import { sideFigures } from './side-figures.js';

export interface ReportOutputOptions {
  /** Links commits and functions to the repository (`https://github.com/owner/repo`). */
  repoUrl?: string;
  /** Hidden marker placed first in the comment (the Action finds its comment by it). */
  marker?: string;
  /** Character budget of the Markdown; GitHub's comment limit by default. */
  maxChars?: number;
  /** Extra Markdown at the end (e.g. a link to the run's artifact). */
  footer?: string;
  /** Image URL of a benchmark's SVG flame graph (benchmark key → URL), embedded in its section. */
  images?: Record<string, string>;
}

/** What the flame graphs are drawn from: a finished run's report, stacks and file names. */
type FlameInput = Pick<RunResult, 'report' | 'cpuStacks' | 'slugs' | 'allocationStacks'>;

export interface FlameGraphs {
  /** Flame-graph files, relative to the output directory, with the benchmark each belongs to. */
  files: { path: string; content: string; key: string; changed: boolean }[];
  /** Text flame graph per changed benchmark key, for the comment. */
  sections: Record<string, string>;
}

/** Renders every benchmark's flame graphs once; comment and summary both reuse them. */
export function renderFlames(
  result: FlameInput,
  options: { repoUrl?: string; maxChars?: number } = {},
): FlameGraphs {
  const { report } = result;
  const maxChars = options.maxChars ?? COMMENT_LIMIT;
  const { time: changed, memory: memoryChangedKeys } = changedBenchmarkKeys(report);
  // Text flame graphs share a fixed part of the budget, so tables always fit first.
  const perSection = Math.max(1500, Math.min(6000, Math.floor((maxChars * 0.4) / Math.max(1, changed.size))));
  const sections: Record<string, string> = {};
  const files: FlameGraphs['files'] = [];
  const byKey = new Map(report.benchmarks.map((b) => [benchmarkKey(b), b]));
  for (const [key, sides] of Object.entries(result.cpuStacks)) {
    if (!sides.base && !sides.head) continue;
    const name = result.slugs[key];
    if (!name) throw new Error(`no file name for benchmark ${key}: the measure stage names every benchmark`);
    if (!SAFE_NAME.test(name))
      throw new Error(`the file name ${JSON.stringify(name)} of ${key} is not a plain name`);
    const flame = renderFlameOutputs(sides.base, sides.head, {
      title: key,
      timing: timingOf(byKey.get(key)),
      repoUrl: options.repoUrl,
      headSha: report.head.sha,
      maxTextChars: perSection,
    });
    const isChanged = changed.has(key);
    files.push({ path: `flame/${name}.svg`, content: flame.svg, key, changed: isChanged });
    files.push({ path: `flame/${name}.html`, content: flame.html, key, changed: isChanged });
    if (isChanged) sections[key] = flame.text;
  }
  for (const [key, sides] of Object.entries(result.allocationStacks ?? {})) {
    if (!sides.base && !sides.head) continue;
    const name = result.slugs[key] ?? key.replace(/[^A-Za-z0-9._-]+/g, '_');
    const changedMemory = memoryChangedKeys.has(key);
    const tree = buildFlameTree(sides.base, sides.head);
    files.push({
      path: `flame/${name}-alloc.html`,
      content: renderFlameHtml(tree, {
        title: `Allocation flame graph delta: ${key}`,
        repoUrl: options.repoUrl,
        headSha: report.head.sha,
      }),
      key,
      changed: changedMemory,
    });
  }
  return { files, sections };
}

/** The figures the table shows for a benchmark, for its flame graphs' headers; none unless both sides ran. */
function timingOf(b: BenchmarkResult | undefined): BenchmarkTiming | undefined {
  if (!b || b.status === 'failed') return undefined;
  const shown = sideFigures(b);
  if (shown.base === undefined || shown.head === undefined) return undefined;
  return { baseNs: shown.base, headNs: shown.head, change: shown.head / shown.base - 1 };
}

/** The comment (or, with a large maxChars, the job summary) around already rendered flame graphs. */
export function renderComment(
  report: Report,
  flames: FlameGraphs,
  options: ReportOutputOptions = {},
): string {
  const sections: Record<string, string> = {};
  for (const [key, text] of Object.entries(flames.sections)) {
    const image = options.images?.[key];
    // The name is escaped: brackets or a line break in it would end the image's alt text.
    const alt = `flame graph delta of ${markdownText(key, NAME_MAX)}`;
    sections[key] = image ? `[![${alt}](${image})](${image})\n\n${text}` : text;
  }
  return renderMarkdown(report, {
    links: options.repoUrl ? { repoUrl: options.repoUrl } : undefined,
    marker: options.marker,
    maxChars: options.maxChars ?? COMMENT_LIMIT,
    sections,
    footer: options.footer,
  });
}

/**
 * The comment and the job summary from one rendering: the full report is the summary, and the comment
 * too when it fits GitHub's limit (the usual case); only a report too long for a comment is rendered a
 * second time, within the limit.
 */
export function renderCommentAndSummary(
  report: Report,
  flames: FlameGraphs,
  options: ReportOutputOptions & { summaryChars: number },
): { comment: string; summary: string } {
  const { marker, summaryChars, ...rest } = options;
  const summary = renderComment(report, flames, { ...rest, maxChars: summaryChars });
  const whole = marker ? `${marker}\n\n${summary}` : summary;
  const comment =
    whole.length < COMMENT_LIMIT
      ? whole
      : renderComment(report, flames, { ...rest, marker, maxChars: COMMENT_LIMIT });
  return { comment, summary };
}
