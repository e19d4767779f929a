// Sequential sampling in real processes: the budget cuts sampling off (`budget.maxProcesses`, and the
// wall-clock `budget.maxMinutes`), the report says why each benchmark stopped, and the progress in a
// CI log is one plain line per process round.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { createFixtureRepo } from '../helpers/fixture-repo.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

async function compareWith(config: string): Promise<{ code: number; stderr: string; report: Report }> {
  const repo = await createFixtureRepo('same', { config });
  const out = mkdtempSync(join(tmpdir(), 'flamegate-out-'));
  const json = join(out, 'r.json');
  const child = spawn(process.execPath, [CLI, 'compare', '--base', repo.baseSha, '--json', json], {
    cwd: repo.dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  if (!existsSync(json)) throw new Error(`no report (exit ${code}): ${stderr}`);
  return { code, stderr, report: JSON.parse(readFileSync(json, 'utf8')) as Report };
}

// Threshold 0: no interval can lie within ±0, so a benchmark resolves only if its interval excludes
// zero, which identical code rarely does: sampling runs into the budget. The function gate is off
// (threshold 100%): its tiny profiles here are another stage's business. One process at a time, so
// a round is a process and its progress line is one per round (side by side, a line per wave).
const TINY = 'timePerProcessMs: 20, warmupMs: 10, profileMs: 40, profileProcesses: 1, parallel: 1';

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build (npm test does)');
});

describe('sequential sampling: the budget cut-off', () => {
  it('stops unresolved benchmarks at budget.maxProcesses and writes one progress line per round', async () => {
    const { code, stderr, report } = await compareWith(
      `thresholds: { benchmark: 0, function: 1 }\nbudget: { processes: 2, maxProcesses: 4, ${TINY} }\n`,
    );
    expect(code, `${stderr}\n${JSON.stringify(report.failures)}`).toBe(0);
    const paired = report.benchmarks.filter((b) => b.status !== 'added' && b.status !== 'removed');
    expect(paired.length).toBeGreaterThan(1);
    for (const b of paired) {
      expect(b.processes).toBeLessThanOrEqual(4);
      if (b.stoppedBy !== 'resolved') expect(b).toMatchObject({ processes: 4, stoppedBy: 'maxProcesses' });
    }
    expect(paired.filter((b) => b.stoppedBy === 'maxProcesses').length).toBeGreaterThan(0);
    expect(report.sampling?.maxProcesses).toBe(4 * report.benchmarks.length);
    expect(report.sampling?.harnessFloorNs).toBeGreaterThan(0);
    // Three minutes leave the attribution and allocation passes their whole budget.
    expect(report.sampling?.trailing).toBeUndefined();
    // Rounds 1..4 of the timing pass, one line each, each with the time left.
    const rounds = stderr.split('\n').filter((l) => /^\s+\[timing \d+\]/.test(l));
    expect(rounds.map((l) => l.match(/\[timing (\d+)\]/)?.[1])).toEqual(['1', '2', '3', '4']);
    for (const l of rounds) expect(l).toMatch(/about \d+ (s|min)/);
  }, 180_000);

  it('stops after the minimum when budget.maxMinutes has run out, and says so', async () => {
    const { code, stderr, report } = await compareWith(
      `thresholds: { benchmark: 0, function: 1 }\nbudget: { processes: 2, maxProcesses: 16, maxMinutes: 0.001, ${TINY} }\n`,
    );
    expect(code, `${stderr}\n${JSON.stringify(report.failures)}`).toBe(0);
    const paired = report.benchmarks.filter((b) => b.status !== 'added' && b.status !== 'removed');
    for (const b of paired) {
      expect(b.processes).toBe(2);
      if (b.stoppedBy !== 'resolved') expect(b.stoppedBy).toBe('maxMinutes');
    }
    expect(paired.filter((b) => b.stoppedBy === 'maxMinutes').length).toBeGreaterThan(0);
    // A budget spent before measuring began holds the first benchmark only: the rest are left out.
    expect(report.benchmarks).toHaveLength(1);
    expect(report.leftOut?.length).toBeGreaterThan(0);
    expect(stderr).toContain('[timing 2]');
    expect(stderr).not.toContain('[timing 3]');
    // The run's budget is spent: the attribution and allocation passes run at their floor (a fifth
    // of profileMs 40 and allocationMs 200), and the report says so.
    expect(report.sampling?.trailing).toEqual({ profileMs: 8, allocationMs: 40 });
    expect(stderr).toContain(
      'budget.maxMinutes: attribution and allocation passes cut to 8 ms and 40 ms per side',
    );
  }, 180_000);

  it('runs processes side by side with budget.parallel: waves of two rounds, the same counts, and says so', async () => {
    const { code, stderr, report } = await compareWith(
      `thresholds: { benchmark: 0, function: 1 }\nbudget: { processes: 4, maxProcesses: 4, ${TINY.replace('parallel: 1', 'parallel: 2')} }\n`,
    );
    expect(code, `${stderr}\n${JSON.stringify(report.failures)}`).toBe(0);
    expect(report.settings?.parallel).toBe(2);
    const paired = report.benchmarks.filter((b) => b.status !== 'added' && b.status !== 'removed');
    expect(paired.length).toBeGreaterThan(1);
    // The looks see the counts they see one at a time: 4 processes each, the first look at 4.
    for (const b of paired) expect(b.processes).toBe(4);
    // A threshold of 0 sends any first verdict to confirmation, which runs outside the sampling budget.
    const sampling = report.sampling;
    expect((sampling?.processes ?? 0) - (sampling?.confirmProcesses ?? 0)).toBe(4 * report.benchmarks.length);
    // Rounds 1–2 and 3–4 run as two waves of two processes: a line per wave, each saying so.
    const rounds = stderr.split('\n').filter((l) => /^\s+\[timing \d+\]/.test(l));
    expect(rounds.map((l) => l.match(/\[timing (\d+)\]/)?.[1])).toEqual(['1', '3']);
    for (const l of rounds) expect(l).toContain('2 processes side by side');
  }, 180_000);
});
