// The allocation pass through the real CLI on a real git repository: a pull request that makes one
// function allocate an extra array per call, with its time barely changed, fails the check on memory,
// and the report, the comment, the terminal, the heap profiles and the allocation viewer all say so.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { runCli } from '../helpers/cli-run.js';
import { createFixtureRepo } from '../helpers/fixture-repo.js';

const CONFIG = [
  'thresholds: { benchmark: 50%, function: 50% }',
  'budget: { processes: 2, timePerProcessMs: 150, warmupMs: 60, profileMs: 150, profileProcesses: 2,',
  '          allocationProcesses: 3, allocationMs: 200 }',
  '',
].join('\n');

let code = -1;
let stdout = '';
let report: Report;
let markdown = '';
let out = '';

beforeAll(async () => {
  const repo = await createFixtureRepo('same', { config: CONFIG });
  // Head: parseRecord keeps a 32-slot array per record (about 300 bytes per call).
  const file = join(repo.dir, 'src/records.js');
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    text.replace(
      'export function parseRecord(line) {\n  let acc = 0;',
      'export let lastRecord = null;\nexport function parseRecord(line) {\n  let acc = 0;\n  lastRecord = new Array(32).fill(line.length);',
    ),
  );
  execFileSync('git', ['commit', '-q', '-a', '--amend', '-m', 'head: parseRecord allocates'], {
    cwd: repo.dir,
  });
  out = mkdtempSync(join(tmpdir(), 'flamegate-out-'));
  const json = join(out, 'r.json');
  const md = join(out, 'r.md');
  const result = await runCli(
    ['compare', '--base', repo.baseSha, '--head', 'HEAD', '--out', out, '--json', json, '--markdown', md],
    repo.dir,
  );
  code = result.code;
  stdout = result.stdout;
  report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  markdown = readFileSync(md, 'utf8');
}, 240_000);

const bench = (name: string) => report.benchmarks.find((b) => b.name === name);

describe('allocation pass end to end', () => {
  it('fails the check on memory and names the function', () => {
    expect(code, stdout).toBe(1);
    const parse = bench('parse records');
    expect(parse?.memory?.status).toBe('regressed');
    expect(parse?.memory?.change).toBeGreaterThan(0.1);
    expect(report.failures?.some((f) => /parse records: allocates .* more bytes per op/.test(f))).toBe(true);
    const top = report.allocations?.find((a) => a.benchmark.endsWith('> parse records'));
    expect(top?.name).toBe('parseRecord');
    expect(top?.status).toBe('regressed');
    expect(top?.source?.changed).toBe(true);
    // A benchmark that does not call parseRecord allocates the same.
    expect(bench('checksum lines')?.memory?.status).toBe('unchanged');
    expect(report.allocationPassMs).toBeGreaterThan(0);
  });

  it('puts memory in the comment and the terminal, and heap profiles and a viewer in the output', () => {
    expect(markdown).toMatch(/\| Memory /);
    expect(markdown).toContain('⛔ allocations');
    expect(markdown).toMatch(/`parseRecord` ✏️/);
    expect(stdout).toContain('Allocated bytes per op');
    const paths = report.allocationProfiles?.['bench/records.bench.js > parse records'];
    expect(paths?.head).toMatch(/alloc-head\.pb\.gz$/);
    expect(existsSync(join(out, paths?.head as string))).toBe(true);
    const folder = (paths?.head ?? '').split('/').slice(-2, -1)[0];
    expect(readFileSync(join(out, 'flame', `${folder}-alloc.html`), 'utf8')).toContain('"bytes":true');
  });
});
