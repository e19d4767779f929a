// What the comment and the terminal say of the affected selection (src/measure/affected.ts): the
// benchmarks left out as not affected by the pull request, counted and (in the comment) folded, and
// why every benchmark was measured when the change could reach any of them.
import { codeName } from '../escape.js';
import { plural } from '../format.js';
import type { Report } from '../model.js';

/** Files listed in the comment's folded list, and names per file; the JSON report has them all. */
const LISTED_FILES = 50;
const NAMES_PER_FILE = 10;

/** `290 benchmarks not affected by this PR …`; undefined when the selection left none out. */
export function notAffectedNote(report: Pick<Report, 'selection'>): string | undefined {
  const count = report.selection?.notAffected.length ?? 0;
  if (count === 0) return undefined;
  return `${plural(count, 'benchmark')} not affected by this PR: no file it changed is reachable from ${count === 1 ? 'its' : 'their'} imports, so ${count === 1 ? 'it was' : 'they were'} not measured (select: all measures them)`;
}

/**
 * `10 of the 300 measured benchmarks run the changed code …`: which were measured first; undefined
 * when no benchmark was called to see (child/executed.ts).
 */
export function executedNote(report: Pick<Report, 'selection' | 'benchmarks'>): string | undefined {
  const selection = report.selection;
  if (!selection?.executedChanges) return undefined;
  const ran = selection.executedChanges.length;
  const unknown = selection.executionUnknown?.length ?? 0;
  const measured = report.benchmarks.length;
  const unknownText = unknown > 0 ? `, ${unknown} could not tell (a failure or timeout)` : '';
  return `${ran} of the ${plural(measured, 'measured benchmark')} ${ran === 1 ? 'runs' : 'run'} the changed code${unknownText}: measured first; the rest reach it only through their imports`;
}

/** Why `select: affected` measured every benchmark; undefined when it did not have to. */
export function everythingNote(report: Pick<Report, 'selection'>): string | undefined {
  const why = report.selection?.everything;
  return report.selection?.select === 'affected' && why
    ? `select: affected measured every benchmark: ${why}`
    : undefined;
}

/** The comment's section: the not-affected benchmarks by file, folded; counted only when `folded` is false. */
export function notAffectedSection(report: Pick<Report, 'selection'>, folded: boolean): string | undefined {
  const list = report.selection?.notAffected ?? [];
  if (list.length === 0) return undefined;
  const title = `${plural(list.length, 'benchmark')} not affected by this PR`;
  if (!folded) return `… ${title}, listed in the full report.`;
  const byFile = new Map<string, string[]>();
  for (const id of list) byFile.set(id.file, [...(byFile.get(id.file) ?? []), id.name]);
  const files = [...byFile.keys()];
  const lines = files.slice(0, LISTED_FILES).map((file) => {
    const names = byFile.get(file) ?? [];
    const shown = names.slice(0, NAMES_PER_FILE).map((n) => codeName(n, { max: 80 }));
    const more = names.length > shown.length ? `, … ${names.length - shown.length} more` : '';
    return `- ${codeName(file, { max: 120 })} (${names.length}): ${shown.join(', ')}${more}`;
  });
  if (files.length > lines.length)
    lines.push(`- … ${plural(files.length - lines.length, 'more file')} in the full report`);
  const why =
    'No file this pull request changed is reachable from their imports, so they were not measured (`select: affected`; `select: all` in .github/flamegate.yml measures every benchmark).';
  return `<details><summary>${title}</summary>\n\n${why}\n\n${lines.join('\n')}\n\n</details>`;
}
