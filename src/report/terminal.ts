// The summary printed at the end of `flamegate compare`.

import { noneAffected } from '../compare/measured.js';
import { plainText, shortenMiddle } from '../escape.js';
import {
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
import type { BenchmarkResult, Report } from '../model.js';
import { benchmarkKey } from '../model.js';
import { rowChanged } from './changes.js';
import { leftOutReasons, nothingMeasuredNote, unmeasuredNote } from './infrastructure.js';
import {
  changedInPr,
  confirmationNote,
  NONE_AFFECTED,
  neededNote,
  packageLabel,
  samplingNote,
  ungatedRemovals,
} from './markdown.js';
import { everythingNote, executedNote, notAffectedNote } from './selection.js';
import { bytesFigures, gcFigures, sideFigures } from './side-figures.js';

/**
 * Whether the terminal summary is painted, decided once for every command: never with `--no-color`
 * or NO_COLOR set (https://no-color.org), and only when the output is a terminal.
 */
export function wantsColor(
  noColorFlag: boolean,
  stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return !noColorFlag && stream.isTTY === true && !env.NO_COLOR;
}

export interface TerminalOptions {
  color?: boolean;
}

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;

/** The most characters of a function's name on a line: a regular expression's can run to hundreds. */
export const TERMINAL_NAME_MAX = 80;

/** The functions' names as one list shows them: told apart by their files, shortened in the middle. */
function shownNames(rows: readonly { name: string; file: string }[]): string[] {
  return namesWithFiles(rows).map((name) => shortenMiddle(plainText(name), TERMINAL_NAME_MAX));
}

export function renderTerminal(report: Report, options: TerminalOptions = {}): string {
  const paint = (code: keyof typeof CODES, text: string) =>
    options.color ? `\x1b[${CODES[code]}m${text}\x1b[0m` : text;
  const statusColor = (b: BenchmarkResult): keyof typeof CODES =>
    b.status === 'regressed' || b.status === 'failed' ? 'red' : b.status === 'improved' ? 'green' : 'dim';
  const rows = report.benchmarks.map((b) => {
    const measured = b.base && b.head && b.status !== 'failed';
    const shown = sideFigures(b);
    return {
      b,
      cells: [
        plainText(benchmarkKey(b)),
        shown.base !== undefined ? formatNs(shown.base) : '–',
        shown.head !== undefined ? formatNs(shown.head) : '–',
        measured ? formatPercent(b.change) : '–',
        measured ? formatInterval(b.ci) : '–',
        measured && b.resolution !== undefined ? `±${formatPercent(b.resolution, false)}` : '–',
        b.processes !== undefined ? String(b.processes) : '–',
        b.status + (b.inconclusive && b.status === 'unchanged' ? ' (too noisy)' : ''),
      ],
    };
  });
  const header = ['benchmark', 'base', 'head', 'change', '95% CI', 'resolves', 'processes', 'status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.cells[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0),
      )
      .join('  ');
  const out: string[] = [
    '',
    paint(
      'bold',
      `flamegate: base ${shortSha(report.base.sha)} (${plainText(report.base.ref)}) → head ${shortSha(report.head.sha)} (${plainText(report.head.ref)})`,
    ),
    '',
    paint('dim', line(header)),
  ];
  for (const r of rows) {
    out.push(paint(statusColor(r.b), line(r.cells)));
    if (r.b.status === 'failed' && r.b.error)
      out.push(paint('red', `    ${r.b.error.split('\n').map(plainText).join('\n    ')}`));
    const confirmation = confirmationNote(r.b);
    if (confirmation) out.push(paint(r.b.status === 'regressed' ? 'red' : 'dim', `    ${confirmation}`));
    const needed = neededNote(r.b, report.settings);
    if (needed) out.push(paint('yellow', `    ${needed}`));
  }
  const sampling = samplingNote(report, formatSeconds);
  if (sampling) out.push('', paint('dim', sampling));
  const selection = [notAffectedNote(report), executedNote(report), everythingNote(report)].filter(
    (l) => l !== undefined,
  );
  if (selection.length > 0) out.push('', ...selection.map((l) => paint('dim', plainText(l))));
  for (const note of report.harnessNotes ?? []) out.push(paint('yellow', `note: ${plainText(note)}`));
  const changedFunctions = report.functions.filter(rowChanged);
  if (changedFunctions.length > 0) {
    out.push('', paint('bold', 'Functions whose self time per op changed:'));
    for (const b of report.benchmarks) {
      const key = benchmarkKey(b);
      const fns = changedFunctions.filter((f) => f.benchmark === key).slice(0, 5);
      if (fns.length === 0) continue;
      out.push(`  ${plainText(key)}`);
      const names = shownNames(fns);
      for (const [i, f] of fns.entries()) {
        const where = f.package ? packageLabel(f) : f.file ? `${f.file}:${f.line}` : (f.kind ?? '');
        const production = f.notInProduction
          ? 'not run in production'
          : f.productionShare !== undefined &&
            `${formatPercent(f.productionShare, false)} of production CPU, ≈ ${formatPercent(f.fleetImpact ?? 0)} fleet CPU${f.fleetGate ? ', over the fleet threshold' : ''}`;
        const notes = [
          f.status,
          changedInPr(f) && 'changed in this PR',
          f.gate && 'over the function threshold',
          production,
        ];
        const text = `    ${formatDeltaNs(f.deltaNsPerOp).padStart(10)}  ${names[i]}  ${plainText(where)}  (${notes.filter(Boolean).join(', ')})`;
        out.push(paint(f.status === 'regressed' || f.status === 'added' ? 'red' : 'green', text));
      }
    }
  }
  out.push(...memoryLines(report, paint));
  out.push('');
  // Nothing measured, or some benchmarks measured on neither side, is said on the verdict's line.
  const nothing = nothingMeasuredNote(report);
  const unmeasured = unmeasuredNote(report);
  const verdict = report.infrastructureErrors?.length
    ? paint('red', 'NONE (infrastructure error, see below)')
    : nothing?.level === 'error'
      ? paint('red', 'ERROR (nothing was measured on both sides, see below)')
      : report.verdict === 'fail'
        ? paint('red', 'FAIL')
        : paint(nothing || unmeasured ? 'yellow' : 'green', 'PASS');
  const warning = nothing?.level === 'warning' ? 'warning: nothing was measured on both sides' : unmeasured;
  const none = noneAffected(report) ? ` · ${NONE_AFFECTED}` : '';
  out.push(`${paint('bold', 'Verdict:')} ${verdict}${warning ? paint('yellow', ` · ${warning}`) : none}`);
  if (nothing) out.push(paint(nothing.level === 'error' ? 'red' : 'yellow', `  ${plainText(nothing.text)}`));
  for (const f of report.failures ?? []) out.push(paint('red', `  - ${plainText(f)}`));
  for (const { reason, count } of leftOutReasons(report))
    out.push(paint('yellow', `  ${plural(count, 'benchmark')} left out: ${plainText(reason)}`));
  const removed = ungatedRemovals(report);
  if (removed.length > 0)
    out.push(
      paint(
        'yellow',
        `  ${plural(removed.length, 'benchmark')} removed by this pull request, not gated (thresholds.removed: fail would fail it): ${removed.map((b) => plainText(benchmarkKey(b))).join(', ')}`,
      ),
    );
  return out.join('\n');
}

/** Bytes allocated per op per benchmark, GC shares, and the functions whose allocations changed. */
function memoryLines(report: Report, paint: (code: keyof typeof CODES, text: string) => string): string[] {
  const measured = report.benchmarks.filter((b) => b.memory);
  if (measured.length === 0) return [];
  const out = ['', paint('bold', 'Allocated bytes per op (collected objects included), time in GC:')];
  for (const b of measured) {
    const m = b.memory as NonNullable<BenchmarkResult['memory']>;
    const color = m.status === 'regressed' ? 'red' : m.status === 'improved' ? 'green' : 'dim';
    out.push(
      paint(
        color,
        `  ${plainText(benchmarkKey(b))}: ${bytesFigures(m)} ` +
          `${formatPercent(m.change)} (95% CI ${formatInterval(m.ci)}) ${m.status}; ` +
          `${gcFigures(m)} of the time`,
      ),
    );
    const rows = (report.allocations ?? [])
      .filter((a) => a.benchmark === benchmarkKey(b) && rowChanged(a))
      .slice(0, 5);
    const names = shownNames(rows);
    for (const [i, a] of rows.entries()) {
      const where = a.package ? packageLabel(a) : a.file ? `${a.file}:${a.line}` : (a.kind ?? '');
      const edited = a.source?.changed && a.source.reason !== 'dependency' ? ', changed in this PR' : '';
      out.push(
        paint(
          a.status === 'regressed' || a.status === 'added' ? 'red' : 'green',
          `    ${formatDeltaBytes(a.deltaBytesPerOp).padStart(11)}  ${names[i]}  ${plainText(where)}  (${a.status}${edited})`,
        ),
      );
    }
  }
  return out;
}
