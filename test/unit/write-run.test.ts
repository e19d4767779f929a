// The one run writer: every output of a run (report.json, flame graphs with the allocation viewers,
// comment.md, the CLI's copies) from one call, the comment's extras added once the files exist, and
// the exit code from the one mapping.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model.js';
import { writeRun } from '../../src/report/write-run.js';
import { bench, FILE, fnRow, report } from './compare-fixtures.js';
import { standardPair } from './flame-fixtures.js';

const key = (name: string) => `${FILE} > ${name}`;

function run(status: 'regressed' | 'unchanged', slug = '000-slow'): RunResult {
  const outDir = mkdtempSync(join(tmpdir(), 'flamegate-write-run-'));
  const { base, head } = standardPair();
  return {
    report: report(
      [bench('slow', status, status === 'regressed' ? 0.2 : 0)],
      [fnRow(key('slow'), 'hotLoop', 200)],
      status === 'regressed' ? 'fail' : 'pass',
    ),
    outDir,
    reportPath: join(outDir, 'report.json'),
    cpuStacks: { [key('slow')]: { base, head } },
    allocationStacks: { [key('slow')]: { base, head } },
    slugs: { [key('slow')]: slug },
  };
}

describe('writeRun', () => {
  it('writes report.json, the flame graphs with the allocation viewer, comment.md and the copies; exit 1 on a failed verdict', async () => {
    const result = run('regressed');
    const copies = join(result.outDir, 'copies');
    const seen: string[] = [];
    const written = await writeRun(result, {
      marker: '<!-- key -->',
      copies: { json: `${copies}-r.json`, markdown: `${copies}-r.md` },
      beforeComment: async (flames) => {
        // The files are on disk before the comment is made (the Action uploads them first).
        seen.push(...flames.files.filter((f) => existsSync(join(result.outDir, f.path))).map((f) => f.path));
        return { footer: 'artifact link here' };
      },
    });
    expect(readdirSync(join(result.outDir, 'flame')).sort()).toEqual([
      '000-slow-alloc.html',
      '000-slow.html',
      '000-slow.svg',
    ]);
    expect(seen.sort()).toEqual(['flame/000-slow-alloc.html', 'flame/000-slow.html', 'flame/000-slow.svg']);
    expect(JSON.parse(readFileSync(result.reportPath, 'utf8'))).toEqual(result.report);
    expect(readFileSync(`${copies}-r.json`, 'utf8')).toBe(readFileSync(result.reportPath, 'utf8'));
    const comment = readFileSync(join(result.outDir, 'comment.md'), 'utf8');
    expect(comment).toBe(written.comment);
    expect(readFileSync(`${copies}-r.md`, 'utf8')).toBe(comment);
    expect(comment.startsWith('<!-- key -->')).toBe(true);
    expect(comment).toContain('artifact link here');
    expect(written.summary).toContain('hotLoop');
    expect(written.exit).toEqual({ code: 1 });
  });

  it('passes with exit 0, and says why a run is no verdict with exit 2', async () => {
    expect((await writeRun(run('unchanged'))).exit).toEqual({ code: 0 });
    const broken = run('unchanged');
    broken.report.infrastructureErrors = ['the profiler could not load'];
    const exit = (await writeRun(broken)).exit;
    expect(exit.code).toBe(2);
    expect(exit.message).toContain('the profiler could not load');
  });

  it('refuses a flame-graph name that would leave the run folder, writing no flame graph', async () => {
    const outside = run('regressed', '..');
    await expect(writeRun(outside)).rejects.toThrow('is not a plain name');
    expect(existsSync(join(outside.outDir, 'flame'))).toBe(false);
  });
});
