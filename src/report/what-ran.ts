// The comment's "Measured with …": what this run actually ran, not what the budget asked for. The
// processes are those the measured benchmarks got (sequential sampling stops each at its own count),
// the profile and allocation times those the passes ran with (with any cut by budget.maxMinutes
// shown), and nothing about processes when nothing was measured. Pure: report in, text out.
import type { BenchmarkResult, Report } from '../model.js';

export const TIMED = new Set<BenchmarkResult['status']>(['regressed', 'improved', 'unchanged']);

/** `4–7 timing processes × 300 ms per side, profiles 170 ms per side (cut from 500 ms by budget.maxMinutes), v20.1.0`. */
export function whatRan(report: Report): string {
  const s = report.settings;
  if (!s) return '';
  const timed = report.benchmarks.filter((b) => TIMED.has(b.status));
  if (timed.length === 0) return s.node;
  const counts = timed.map((b) => b.processes).filter((n): n is number => n !== undefined && n > 0);
  // Reports of earlier versions carry no per-benchmark count: the budget's range is all there is.
  const [low, high] =
    counts.length > 0
      ? [Math.min(...counts), Math.max(...counts)]
      : [s.processes, Math.max(s.processes, s.maxProcesses ?? s.processes)];
  const parts = [
    `${low === high ? low : `${low}–${high}`} timing processes × ${s.timePerProcessMs} ms per side`,
  ];
  // Side by side, each process spreads more (README, "Measuring side by side"): a reader comparing
  // runs needs to know.
  if (s.parallel !== undefined && s.parallel > 1) parts.push(`${s.parallel} processes side by side`);
  const cut = report.sampling?.trailing;
  const profiled = Object.values(report.profiles ?? {}).some((p) => p.base || p.head);
  if (profiled) parts.push(`profiles ${ran(cut?.profileMs, s.profileMs)}`);
  const allocated = report.benchmarks.some((b) => b.memory);
  if (allocated && s.allocationMs !== undefined)
    parts.push(
      `allocation samples ${ran(cut?.allocationMs, s.allocationMs)}` +
        (cut?.allocated !== undefined && cut.allocatable !== undefined
          ? ` for ${cut.allocated} of ${cut.allocatable} benchmarks (budget.maxMinutes)`
          : ''),
    );
  parts.push(s.node);
  return parts.join(', ');
}

function ran(used: number | undefined, configured: number): string {
  return used !== undefined && used !== configured
    ? `${used} ms per side (cut from ${configured} ms by budget.maxMinutes)`
    : `${configured} ms per side`;
}
