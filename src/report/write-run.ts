// The one run writer: whatever made a run (compare, merge, demo, the Action, the Action's merge mode),
// its outputs are written here and nowhere else: report.json, the flame graphs (SVG and HTML per
// benchmark, an allocation viewer per benchmark with heap stacks), comment.md, the job summary's text,
// and the exit code. Report stage: it writes files but publishes nothing (no @actions/* here).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { RunResult } from '../model.js';
import { UsageError } from '../settings.js';
import { type ExitOutcome, exitOutcome } from './infrastructure.js';
import { type FlameGraphs, renderCommentAndSummary, renderFlames } from './outputs.js';

export interface WriteRunOptions {
  /** Links commits and functions to the repository (`https://github.com/owner/repo`). */
  repoUrl?: string;
  /** Hidden marker put first in the comment (the Action finds its comment by it). */
  marker?: string;
  /**
   * Called once report.json and the flame graphs are on disk, before the comment is rendered: what
   * the comment adds that only exists once those files do (the Action uploads them as an artifact,
   * linked from a footer, or commits the SVGs to a branch and embeds them).
   */
  beforeComment?: (flames: FlameGraphs) => Promise<CommentExtras>;
  /** Extra copies of the report and the comment (the CLI's `--json` and `--markdown`). */
  copies?: { json?: string; markdown?: string };
}

export interface CommentExtras {
  /** Markdown at the end of the comment and summary (a link to the run's artifact). */
  footer?: string;
  /** Image URL of a benchmark's SVG flame graph (benchmark key → URL), embedded in its section. */
  images?: Record<string, string>;
}

export interface WrittenRun {
  /** The flame-graph files written (paths relative to the run's folder) and the comment's text flame graphs. */
  flames: FlameGraphs;
  /** The comment, as written to comment.md (within GitHub's comment limit). */
  comment: string;
  /** The whole report as Markdown, for the Action's job summary. */
  summary: string;
  /** The exit code of the run, and what to say with it (why it is no verdict, or a warning). */
  exit: ExitOutcome;
}

/** The job summary's budget: GitHub takes about 1 MiB per step summary. */
export const SUMMARY_CHARS = 1_000_000;

/** Writes every output of a finished run into its folder and gives its exit code. */
export async function writeRun(run: RunResult, options: WriteRunOptions = {}): Promise<WrittenRun> {
  const json = `${JSON.stringify(run.report, null, 2)}\n`;
  write(run.reportPath, json);
  if (options.copies?.json) writeFileSync(options.copies.json, json);
  const flames = renderFlames(run, { repoUrl: options.repoUrl });
  for (const file of flames.files) {
    // The names may come from shard artifacts (checked as they were read): a last check where they are used.
    const path = resolve(run.outDir, file.path);
    if (!isInside(run.outDir, path)) {
      throw new UsageError(`refusing to write ${file.path} for ${file.key}: it is outside ${run.outDir}`);
    }
    write(path, file.content);
  }
  const extras = (await options.beforeComment?.(flames)) ?? {};
  const { comment, summary } = renderCommentAndSummary(run.report, flames, {
    repoUrl: options.repoUrl,
    marker: options.marker,
    summaryChars: SUMMARY_CHARS,
    ...extras,
  });
  write(resolve(run.outDir, 'comment.md'), comment);
  if (options.copies?.markdown) writeFileSync(options.copies.markdown, comment);
  return { flames, comment, summary, exit: exitOutcome(run.report) };
}

function isInside(dir: string, path: string): boolean {
  const inside = relative(resolve(dir), path);
  return inside !== '' && inside.split(sep)[0] !== '..' && !isAbsolute(inside);
}

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
