// The demo's repository and its choice of the blamed function (the full demo runs from the installed
// tarball in scripts/check-pack.mjs, which CI runs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blamedFunction, createDemoRepo, DEMO_SLOWED } from '../../src/cli/demo.js';
import type { FunctionResult, Report } from '../../src/model.js';

const dir = mkdtempSync(join(tmpdir(), 'flamegate-demo-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fn(name: string, delta: number, extra: Partial<FunctionResult> = {}): FunctionResult {
  return {
    benchmark: 'b > t',
    name,
    file: 'src/x.js',
    line: 1,
    baseSelfNsPerOp: 10,
    headSelfNsPerOp: 10 + delta,
    deltaNsPerOp: delta,
    change: delta / 10,
    status: delta > 0 ? 'regressed' : 'improved',
    ...extra,
  };
}

describe('flamegate demo', () => {
  it('commits the sample project as base and a head that slows slowPath only', () => {
    const repo = join(dir, 'repo');
    createDemoRepo(repo);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
    expect(git('rev-list', '--count', 'HEAD')).toBe('2');
    expect(git('diff', '--name-only', 'HEAD~1', 'HEAD')).toBe('src/records.js');
    expect(git('diff', 'HEAD~1', 'HEAD')).toContain('+  for (let i = 0; i < WORK * 24; i++)');
    expect(readFileSync(join(repo, 'src/records.js'), 'utf8')).toContain(`export function ${DEMO_SLOWED}(`);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('blames the largest growth among gated rows first, else among regressed rows', () => {
    const report = (functions: FunctionResult[]): Report => ({
      schemaVersion: 1,
      verdict: 'fail',
      base: { ref: 'a', sha: 'a' },
      head: { ref: 'b', sha: 'b' },
      benchmarks: [],
      functions,
    });
    expect(blamedFunction(report([fn('big', 50), fn('gated', 5, { gate: true })]))?.name).toBe('gated');
    expect(blamedFunction(report([fn('small', 5), fn('big', 50), fn('faster', -80)]))?.name).toBe('big');
    expect(blamedFunction(report([fn('faster', -80)]))).toBeUndefined();
  });
});
