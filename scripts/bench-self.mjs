// flamegate's self-benchmark: prints the figures of ../shared/notes/targets.md. It is a benchmark,
// not a test: it measures and reports, and never fails on a number.
//   node scripts/bench-self.mjs [--runs 3] [--only aa,sensitivity,overhead]
// Needs a built dist/ (npm run build).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
// A private copy of dist/: a rebuild during the (long) run must not change what is measured.
const dist = mkdtempSync(join(tmpdir(), 'flamegate-self-dist-'));
cpSync(join(root, 'dist'), dist, { recursive: true });
const cli = join(dist, 'cli.js');
const runner = join(dist, 'runner.js');
const fixture = join(root, 'fixtures/selfbench-project');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    only: { type: 'string', default: 'aa,sensitivity,overhead' },
  },
});
const runs = Number(values.runs);
const only = new Set(values.only.split(','));

const git = (dir, ...args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

function makeRepo(edit, threshold = '2%') {
  const dir = mkdtempSync(join(tmpdir(), 'flamegate-self-'));
  cpSync(fixture, dir, { recursive: true });
  mkdirSync(join(dir, '.github'), { recursive: true });
  writeFileSync(
    join(dir, '.github/flamegate.yml'),
    `thresholds: { benchmark: ${threshold}, function: ${threshold} }\n`,
  );
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, '-c', 'user.email=b@x', '-c', 'user.name=b', 'add', '-A');
  git(dir, '-c', 'user.email=b@x', '-c', 'user.name=b', 'commit', '-qm', 'base');
  const work = join(dir, 'src/work.js');
  writeFileSync(work, edit(readFileSync(work, 'utf8')));
  git(dir, '-c', 'user.email=b@x', '-c', 'user.name=b', 'commit', '-qam', 'head', '--allow-empty');
  return dir;
}

function compare(dir) {
  const out = mkdtempSync(join(tmpdir(), 'flamegate-self-out-'));
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [cli, 'compare', '--base', 'HEAD~1', '--json', join(out, 'r.json'), '--quiet'],
    {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const seconds = (Date.now() - started) / 1000;
      let report;
      try {
        report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8'));
      } catch {
        console.log(`  run failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
      }
      rmSync(out, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, seconds, report });
    });
  });
}

const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const describe = (b) => `${b.name}: ${pct(b.change)} [${pct(b.ci[0])}, ${pct(b.ci[1])}] ${b.status}`;

if (only.has('aa')) {
  console.log(`\n# False alarms: identical code (A/A), threshold 2%, default budget, ${runs} runs`);
  let flagged = 0;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const { code, seconds, report } = await compare(
      makeRepo((s) => s.replace('// Calibrated', '// (A/A) Calibrated')),
    );
    times.push(seconds);
    const bad = report ? report.verdict !== 'pass' : true;
    if (bad) flagged++;
    console.log(
      `  run ${i + 1}: exit ${code}, ${seconds.toFixed(1)} s; ${report?.benchmarks.map(describe).join('; ')}`,
    );
  }
  console.log(
    `  flagged ${flagged} of ${runs}; wall time per compare (2 benchmarks, installs included): ${times.map((t) => `${t.toFixed(1)} s`).join(', ')}`,
  );
}

if (only.has('sensitivity')) {
  console.log(
    `\n# Sensitivity: one benchmark 5% slower (all of it in function hot), threshold 2%, ${runs} runs`,
  );
  let found = 0;
  for (let i = 0; i < runs; i++) {
    // HOT 50 → 100 adds 50 of 1000 units: +5% to `work`, none to `encode`.
    const { code, seconds, report } = await compare(makeRepo((s) => s.replace('HOT = 50;', 'HOT = 100;')));
    const work = report?.benchmarks.find((b) => b.name === 'work');
    const top = report?.functions.find((f) => f.benchmark.endsWith('work'));
    const ok = work?.status === 'regressed' && top?.name === 'hot';
    if (ok) found++;
    console.log(
      `  run ${i + 1}: exit ${code}, ${seconds.toFixed(1)} s; ${report?.benchmarks.map(describe).join('; ')}; top function: ${top?.name} ${top ? pct(top.change) : ''}`,
    );
  }
  console.log(`  found with the function named: ${found} of ${runs}`);
}

if (only.has('overhead')) {
  console.log('\n# Profiler cost: the attribution pass with and without the profiler (inlining off in both)');
  const dir = makeRepo((s) => s);
  execFileSync('npm', ['ci', '--silent', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
  const work = mkdtempSync(join(tmpdir(), 'flamegate-self-job-'));
  const benchmarks = ['work', 'encode'].map((task, i) => ({
    key: `bench/work.bench.js > ${task}`,
    slug: `b${i}`,
    base: { file: join(dir, 'bench/work.bench.js'), task },
    head: { file: join(dir, 'bench/work.bench.js'), task },
  }));
  // Blocks with and without the profiler alternate inside one process (the runner's `overhead` mode),
  // so each pair sees the same machine speed; the figure is the median pair ratio.
  const jobFile = join(work, 'job-overhead.json');
  const job = {
    kind: 'profile',
    benchmarks,
    sliceMs: 20,
    warmupMs: 300,
    timeMs: 6000,
    intervalUs: Number(process.env.INTERVAL_US ?? 1000),
    outDir: work,
    profile: 'overhead',
  };
  writeFileSync(jobFile, JSON.stringify(job));
  const ratios = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['--no-turbo-inlining', '--no-maglev-inlining', runner, jobFile], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const found = {};
    child.on('message', (m) => {
      if (m.type === 'overhead') found[m.key] = m.pairLogRatios;
    });
    child.on('close', () => resolve(found));
  });
  for (const [key, list] of Object.entries(ratios)) {
    const sorted = [...list].sort((a, b) => a - b);
    const median = Math.exp(sorted[sorted.length >> 1]) - 1;
    console.log(
      `  ${key}: profiler cost per op ${pct(median)} (median of ${list.length} block pairs, ${Number(process.env.INTERVAL_US ?? 1000) / 1000} ms sampling)`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}

// vitest bench files: A/A on a real library's own vitest bench file (path-to-regexp 8.4.2, Vitest 4).
//   node scripts/bench-self.mjs --only vitest-aa --runs 5
if (only.has('vitest-aa')) {
  const kept = ['parse > parsing paths', 'compile > compiling paths', 'match > simple path'];
  console.log(
    `\n# False alarms on vitest bench files: path-to-regexp A/A, threshold 2%, default budget, ${runs} runs (${kept.join(', ')})`,
  );
  let flagged = 0;
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'flamegate-self-vitest-'));
    cpSync(join(root, 'fixtures/vitest-path-to-regexp'), dir, { recursive: true });
    mkdirSync(join(dir, '.github'), { recursive: true });
    writeFileSync(
      join(dir, '.github/flamegate.yml'),
      [
        'thresholds: { benchmark: 2%, function: 2% }',
        'overrides:',
        '  - { match: "match > !(simple path)", skip: true }',
        '  - { match: "toRegexp > *", skip: true }',
        '',
      ].join('\n'),
    );
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, '-c', 'user.email=b@x', '-c', 'user.name=b', 'add', '-A');
    git(dir, '-c', 'user.email=b@x', '-c', 'user.name=b', 'commit', '-qm', 'base');
    const source = join(dir, 'src/index.ts');
    writeFileSync(
      source,
      readFileSync(source, 'utf8').replace('/**\n * Escape text', '/**\n * (A/A) Escape text'),
    );
    git(dir, '-c', 'user.email=b@x', '-c', 'user.name=b', 'commit', '-qam', 'head: comment only');
    const { code, seconds, report } = await compare(dir);
    const names = report?.benchmarks.map((b) => b.name).sort() ?? [];
    const bad = report?.verdict !== 'pass' || names.join('|') !== [...kept].sort().join('|');
    if (bad) flagged++;
    const fns = (report?.functions ?? []).filter((f) => f.gate && f.status !== 'unchanged');
    const named = fns.map((f) => `${f.name} (${f.file || f.kind}) ${f.status} in ${f.benchmark}`).join('; ');
    console.log(
      `  run ${i + 1}: exit ${code}, ${seconds.toFixed(1)} s; ${report?.benchmarks.map(describe).join('; ')}; functions over the threshold: ${fns.length}${named ? ` (${named})` : ''}`,
    );
  }
  console.log(`  flagged ${flagged} of ${runs}`);
}
