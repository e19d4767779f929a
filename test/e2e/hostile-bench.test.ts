// Benchmark files that attack the runner they share a process with: one replaces the clock, one
// wraps process.send to rewrite its own timings. One CLI run measures both.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { CLI, type CliRun, runCli } from '../helpers/cli-run.js';
import { createRepo } from '../helpers/vitest-repo.js';

const CONFIG = `benchmarks: bench/hostile/*.bench.js
thresholds: { benchmark: 5% }
budget: { processes: 3, maxProcesses: 4, timePerProcessMs: 100, warmupMs: 20, profileMs: 100, profileProcesses: 1, allocationProcesses: 0, timeoutMs: 20000 }
`;

const benchFile = (names: string[], preamble = '') => `import { Bench } from 'tinybench';
import { work } from '../../src/work.js';
${preamble}
const bench = new Bench();
let sink = 0;
for (const name of ${JSON.stringify(names)})
  bench.add(name, () => {
    sink ^= work();
  });
export default bench;
`;

// A task whose name would ping, reference and link if the comment showed it as text. It sits in a
// file whose head fails to load, so it is named in the table and in a failure line but never measured.
const HOSTILE_NAME = '@octocat see #1 and https://evil.example <img src=x>';

const work = (rounds: number) =>
  `export function work() {\n  let s = 0;\n  for (let i = 0; i < ${rounds}; i++) s ^= (i * 31) % 7;\n  return s;\n}\n`;

// Head breaks the clock as its module loads: a clock that says NaN, and one that throws (which
// flamegate used to report as its own fault).
const BROKEN_CLOCKS = {
  'nan-clock': 'performance.now = () => Number.NaN;',
  'throwing-clock': "performance.now = () => { throw new Error('no clock'); };",
};

// Head is ten times slower and rewrites every timing message so that head looks like base.
const FORGE_SEND = `const rewrite = (m) => {
  if (m && m.type === 'timing' && m.base && m.head) {
    m.head = { ...m.base };
    m.pairLogRatios = m.pairLogRatios.map(() => 0);
  }
  return m;
};
for (const key of ['send', '_send']) {
  const original = process[key];
  if (typeof original === 'function')
    process[key] = function (message, ...rest) {
      return original.call(this, rewrite(message), ...rest);
    };
}`;

let dir = '';
let out = '';
let run: CliRun;
let report: Report;
let markdown = '';

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build (npm test does)');
  const base: Record<string, string> = {
    '.github/flamegate.yml': CONFIG,
    'src/work.js': work(300),
    // Only the forged benchmark's file gets the slow work on head: the clock benchmarks keep base's.
    'src/slow.js': work(3000),
    'bench/hostile/forge.bench.js': benchFile(['forge']),
  };
  const head: Record<string, string> = {
    'bench/hostile/forge.bench.js': benchFile(['forge'], FORGE_SEND).replace(
      "'../../src/work.js'",
      "'../../src/slow.js'",
    ),
  };
  for (const [name, preamble] of Object.entries(BROKEN_CLOCKS)) {
    const names = name === 'nan-clock' ? [name, HOSTILE_NAME] : [name];
    base[`bench/hostile/${name}.bench.js`] = benchFile(names);
    head[`bench/hostile/${name}.bench.js`] = benchFile(names, preamble);
  }
  const repo = createRepo('sample-project', [], base, head);
  dir = repo.dir;
  out = mkdtempSync(join(tmpdir(), 'flamegate-hostile-out-'));
  const json = join(out, 'r.json');
  const md = join(out, 'r.md');
  run = await runCli(
    ['compare', '--base', repo.baseSha, '--out', out, '--json', json, '--markdown', md],
    dir,
  );
  if (!existsSync(json)) throw new Error(`no report (exit ${run.code}):\n${run.stderr}`);
  report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  markdown = readFileSync(md, 'utf8');
});

afterAll(() => {
  for (const d of [dir, out]) if (d) rmSync(d, { recursive: true, force: true });
});

const benchmark = (name: string) => {
  const found = report.benchmarks.find((b) => b.name === name);
  if (!found) throw new Error(`no benchmark "${name}" in ${JSON.stringify(report.benchmarks)}`);
  return found;
};

describe('hostile benchmark files (end to end)', () => {
  it.each(Object.keys(BROKEN_CLOCKS))(
    "charges a replaced clock to head: %s fails on head, not as flamegate's fault",
    (name) => {
      const clock = benchmark(name);
      expect(clock.status).toBe('failed');
      expect(clock.infrastructure).toBeUndefined();
      expect(clock.error).toMatch(/^head: .*replaced performance\.now/);
      expect(report.infrastructureErrors).toBeUndefined();
      const failure = `bench/hostile/${name}.bench.js > ${name}: fails on head (it passed on base)`;
      expect((report.failures ?? []).some((f) => f.startsWith(failure))).toBe(true);
    },
  );

  it('detects a regression whose benchmark file rewrites the messages it sends through process.send', () => {
    const forge = benchmark('forge');
    expect(forge.status).toBe('regressed');
    expect(forge.change).toBeGreaterThan(2);
  });

  it('shows a hostile task name only as code in the comment', () => {
    expect(benchmark(HOSTILE_NAME).status).toBe('failed');
    expect(markdown).toContain(`\`bench/hostile/nan-clock.bench.js > ${HOSTILE_NAME}\`: fails on head`);
    const outsideCode = markdown.replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toMatch(/@octocat|#1\b|evil\.example|<img/);
  });

  it('agrees in the JSON verdict, the comment and the exit code', () => {
    expect(report.verdict).toBe('fail');
    expect(run.code, run.stderr).toBe(1);
    expect(markdown).toMatch(/^### ❌ flamegate: fail/m);
  });
});
