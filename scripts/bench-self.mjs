// flamegate's self-benchmark: prints the figures of the targets in docs/measurement.md. It is a benchmark,
// not a test: it measures and reports, and never fails on a number.
//   node scripts/bench-self.mjs [--runs 3] [--only aa,sensitivity,improvement,overhead]
//                               [--fixtures js-yaml,postcss] [--thresholds default,2%]
// Sections of issue 10 (sequential sampling), each run only when named in --only:
//   aa1           A/A at a 1% threshold on the real fixtures (--runs 10 for the target)
//   sensitivity1  js-yaml's load slowed by ~2–3% inside readPlainScalar, at a 1% threshold
//   walltime      the two-benchmark js-yaml fixture: default (sequential) budget vs the old fixed one
//   suite20       a 20-benchmark suite (js-yaml tasks and synthetic quiet/noisy ones), default budget
//   floor         the harness floor (empty task) and a ~30 ns function slowed by 20%, batched vs per call
// Sections of issue 22 (script harnesses: real repositories' own benchmark files, unchanged):
//   harness-aa          A/A per harness at the default thresholds (--runs 5 for the target)
//   harness-sensitivity one function of each library slowed by ~5% of a benchmark that calls it, at 2%
// (--harnesses benchmark.js,mitata,bench-node picks which).
// Sections of issue 23 (processes side by side, budget.parallel):
//   spread     per-process spread of the paired ratio at parallel 1 and 2, 10 processes a run, on
//              the --fixtures (real libraries), alternating
//   parallel   the two-benchmark js-yaml fixture at the default budget: parallel 1 vs the default
//              (one per core), alternating, wall time installs included and their ratio per pair
// Needs a built dist/ (npm run build). A "flag" is anything a user would read as one: a benchmark or
// function that is regressed, improved, added or removed, a failed benchmark, or a non-zero exit.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { materializeRecipe } from './recipes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// A private copy of dist/: a rebuild during the (long) run must not change what is measured.
const dist = mkdtempSync(join(tmpdir(), 'flamegate-self-dist-'));
cpSync(join(root, 'dist'), dist, { recursive: true });
const cli = join(dist, 'cli.js');
const runner = join(dist, 'runner.js');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    only: { type: 'string', default: 'aa,sensitivity,improvement,overhead' },
    fixtures: { type: 'string', default: 'js-yaml,postcss' },
    thresholds: { type: 'string', default: 'default,2%' },
    // A budget for the aa, aa1, sensitivity1 and suite20 sections (YAML flow map), e.g. '{ maxProcesses: 40 }':
    // a 1% gate needs more processes than the default 10 can give.
    budget: { type: 'string' },
    harnesses: { type: 'string', default: 'benchmark.js,mitata,bench-node' },
  },
});
const runs = Number(values.runs);
const only = new Set(values.only.split(','));

// Real third-party libraries, as their maintainers' repositories would hold them: recipes
// (fixtures/recipes/<name>: the published package from the npm registry, and our benchmarks of it).
const FIXTURES = {
  'js-yaml': { recipe: 'js-yaml' },
  postcss: { recipe: 'postcss' },
  // Real repositories' own benchmark files, unchanged, one per script harness (issue 22).
  deepmerge: { recipe: 'deepmerge' },
  redact: { recipe: 'redact' },
  piscina: { recipe: 'piscina' },
  selfbench: { dir: 'fixtures/selfbench-project' },
};

const fixtureDirs = new Map();
process.on('exit', () => {
  for (const made of fixtureDirs.values()) rmSync(made, { recursive: true, force: true });
});
/** The folder holding the fixture's project; a recipe's is put together once per run, in a temp folder. */
function fixtureDir(fixture) {
  const { recipe, dir } = FIXTURES[fixture];
  if (dir) return join(root, dir);
  if (!fixtureDirs.has(recipe)) {
    const made = mkdtempSync(join(tmpdir(), `flamegate-self-recipe-${recipe}-`));
    materializeRecipe(recipe, made);
    fixtureDirs.set(recipe, made);
  }
  return fixtureDirs.get(recipe);
}

const git = (dir, ...args) =>
  execFileSync('git', ['-c', 'user.email=b@x', '-c', 'user.name=b', ...args], {
    cwd: dir,
    encoding: 'utf8',
  }).trim();

/**
 * A git repository of the fixture: `base` edits applied to the first commit, `head` edits to the second
 * (an edit is [file, from, to]). The head commit always touches the README, so no PR is empty.
 */
function makeRepo(fixture, { base = [], head = [], threshold, budget, files = {}, remove = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'flamegate-self-'));
  cpSync(fixtureDir(fixture), dir, {
    recursive: true,
    filter: (p) => !p.includes('node_modules'),
  });
  mkdirSync(join(dir, '.github'), { recursive: true });
  // Every benchmark, whatever the head changed: an A/A head touches only the README, and the default
  // (`select: affected`) would then measure nothing and count a clean run it never made.
  let config = 'select: all\n';
  if (threshold) config += `thresholds: { benchmark: ${threshold}, function: ${threshold} }\n`;
  if (budget) config += `budget: ${budget}\n`;
  writeFileSync(join(dir, '.github/flamegate.yml'), config);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  for (const file of remove) rmSync(join(dir, file));
  const apply = (edits) => {
    for (const [file, from, to] of edits) {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      if (!text.includes(from)) throw new Error(`edit of ${file}: "${from}" not found`);
      writeFileSync(path, text.replace(from, to));
    }
  };
  apply(base);
  writeFileSync(join(dir, 'README.md'), '# fixture\n');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  // Head starts from the fixture as it is: base-only edits are undone, then head's are applied.
  for (const [file] of base) cpSync(join(fixtureDir(fixture), file), join(dir, file));
  apply(head);
  writeFileSync(join(dir, 'README.md'), '# fixture (edited)\n');
  git(dir, 'commit', '-qam', 'head');
  return dir;
}

function compare(dir) {
  const out = mkdtempSync(join(tmpdir(), 'flamegate-self-out-'));
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [cli, 'compare', '--base', 'HEAD~1', '--json', join(out, 'r.json'), '--quiet'],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
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

const sequentialNote = (report) => {
  const s = report?.sampling;
  if (!s) return '';
  return ` [sampling: ${s.processes}/${s.maxProcesses} benchmark-processes, ${s.seconds.toFixed(0)} s, saved ~${s.savedSeconds.toFixed(0)} s, floor ${s.harnessFloorNs?.toFixed(2)} ns/op]`;
};
const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const describeBenchmark = (b) =>
  `${b.name} ${pct(b.change)} [${pct(b.ci[0])}, ${pct(b.ci[1])}] ${b.status}` +
  (b.processes !== undefined
    ? ` n=${b.processes} ±${(b.resolution * 100).toFixed(1)}% ${b.stoppedBy ?? ''}`
    : '') +
  (b.confirmation
    ? ` (confirmation ${pct(b.confirmation.change)} [${pct(b.confirmation.ci[0])}, ${pct(b.confirmation.ci[1])}] ${b.confirmation.confirmed ? 'confirmed' : 'not confirmed'})`
    : '') +
  (b.functionNoise
    ? ` (profiles: ${b.functionNoise.processes} × ${Math.round(b.functionNoise.samples.base / b.functionNoise.processes)} samples, dispersion ${b.functionNoise.dispersion.toFixed(1)})`
    : '');
const flaggedFunctions = (report) => (report?.functions ?? []).filter((f) => f.status !== 'unchanged');
const flaggedBenchmarks = (report) => (report?.benchmarks ?? []).filter((b) => b.status !== 'unchanged');
// Allocation flags: a benchmark's bytes/op verdict, and every allocating-function row that moved.
const allocationFlagsOf = (report) => [
  ...(report?.benchmarks ?? [])
    .filter((b) => b.memory && b.memory.status !== 'unchanged')
    .map((b) => `${b.name} memory ${b.memory.status}`),
  ...(report?.allocations ?? [])
    .filter((a) => a.status !== 'unchanged')
    .map((a) => `${a.benchmark.split(' > ').pop()}:${a.name} bytes ${a.status}`),
];
const describeFunction = (f) =>
  `${f.benchmark.split(' > ').pop()}:${f.name} ${f.status} ${f.deltaNsPerOp >= 0 ? '+' : ''}${(f.deltaNsPerOp / 1000).toFixed(1)} µs/op (z ${f.evidence?.z.toFixed(1)}, ${f.evidence?.agreeing}/${f.evidence?.processes}${f.source?.changed ? ', changed in PR' : ''})`;
const topFunction = (report, benchmark) =>
  report?.functions.find((f) => f.benchmark.endsWith(` > ${benchmark}`));

async function aaSection(thresholds) {
  for (const fixture of values.fixtures.split(',')) {
    for (const threshold of thresholds) {
      const t = threshold === 'default' ? undefined : threshold;
      console.log(
        `\n# A/A on ${fixture}: identical code, ${t ? `benchmark and function threshold ${t}` : 'default thresholds'}, ${runs} runs${values.budget ? `, budget ${values.budget}` : ''}`,
      );
      let runsFlagged = 0;
      let functionFlags = 0;
      let benchmarkFlags = 0;
      let allocationFlags = 0;
      let largest = 0;
      const times = [];
      for (let i = 0; i < runs; i++) {
        const { code, seconds, report } = await compare(
          makeRepo(fixture, { threshold: t, budget: values.budget }),
        );
        times.push(seconds);
        const fns = flaggedFunctions(report);
        const bms = flaggedBenchmarks(report);
        const allocs = allocationFlagsOf(report);
        functionFlags += fns.length;
        benchmarkFlags += bms.length;
        allocationFlags += allocs.length;
        for (const b of report?.benchmarks ?? []) largest = Math.max(largest, Math.abs(b.change));
        if (code !== 0 || fns.length > 0 || bms.length > 0 || allocs.length > 0 || !report) runsFlagged++;
        console.log(
          `  run ${i + 1}: exit ${code}, ${seconds.toFixed(1)} s; ${report?.benchmarks.map(describeBenchmark).join('; ')}${sequentialNote(report)}` +
            `; functions flagged: ${fns.length ? fns.map(describeFunction).join(', ') : 'none'}` +
            `; allocations flagged: ${allocs.length ? allocs.join(', ') : 'none'}`,
        );
      }
      console.log(
        `  runs with any flag or a non-zero exit: ${runsFlagged} of ${runs}; benchmark flags ${benchmarkFlags}, ` +
          `function flags ${functionFlags}, allocation flags ${allocationFlags}; largest benchmark change ${(largest * 100).toFixed(1)}%; ` +
          `wall time per compare (installs included): ${times.map((s) => `${s.toFixed(0)} s`).join(', ')}`,
      );
    }
  }
}

if (only.has('aa')) await aaSection(values.thresholds.split(','));
if (only.has('aa1')) await aaSection(['1%']);

// About 5% of js-yaml's `load` benchmark, all of it added inside `readPlainScalar`.
const SLOWDOWN = Number(process.env.SLOWDOWN_ITERATIONS ?? 30);
const slowPlainScalar = (iterations) => [
  'js-yaml/lib/loader.js',
  'function readPlainScalar(state, nodeIndent, withinFlowCollection) {',
  `var burn = 0;\nfunction readPlainScalar(state, nodeIndent, withinFlowCollection) {\n  for (var b = 0; b < ${iterations}; b++) burn = (burn * 31 + b) | 0;`,
];

if (only.has('sensitivity')) {
  console.log(
    `\n# Sensitivity: js-yaml load ~5% slower, all of it in readPlainScalar, threshold 2%, ${runs} runs`,
  );
  let regressed = 0;
  let named = 0;
  for (let i = 0; i < runs; i++) {
    const repo = makeRepo('js-yaml', { head: [slowPlainScalar(SLOWDOWN)], threshold: '2%' });
    const { code, seconds, report } = await compare(repo);
    const load = report?.benchmarks.find((b) => b.name === 'load');
    const top = topFunction(report, 'load');
    if (load?.status === 'regressed') regressed++;
    if (top?.name === 'readPlainScalar' && top.status === 'regressed') named++;
    const others = flaggedFunctions(report).filter((f) => f.name !== 'readPlainScalar');
    console.log(
      `  run ${i + 1}: exit ${code}, ${seconds.toFixed(1)} s; ${report?.benchmarks.map(describeBenchmark).join('; ')}; ` +
        `first function: ${top ? describeFunction(top) : 'none'}; other flags: ${others.length ? others.map(describeFunction).join(', ') : 'none'}`,
    );
  }
  console.log(`  load regressed ${regressed} of ${runs}; readPlainScalar named first ${named} of ${runs}`);
}

if (only.has('improvement')) {
  console.log(
    `\n# Improvement-only PR: head removes work from js-yaml's load path; dump is untouched, threshold 2%, ${runs} runs`,
  );
  let gateFailures = 0;
  let exits = 0;
  for (let i = 0; i < runs; i++) {
    const repo = makeRepo('js-yaml', { base: [slowPlainScalar(SLOWDOWN * 4)], threshold: '2%' });
    const { code, seconds, report } = await compare(repo);
    const dumpGates = (report?.functions ?? []).filter((f) => f.benchmark.endsWith('> dump') && f.gate);
    const dumpFlags = flaggedFunctions(report).filter((f) => f.benchmark.endsWith('> dump'));
    if (dumpGates.length > 0) gateFailures++;
    if (code !== 0) exits++;
    console.log(
      `  run ${i + 1}: exit ${code}, ${seconds.toFixed(1)} s; ${report?.benchmarks.map(describeBenchmark).join('; ')}; ` +
        `dump functions flagged: ${dumpFlags.length ? dumpFlags.map(describeFunction).join(', ') : 'none'}`,
    );
  }
  console.log(
    `  untouched benchmark failed by the function gate: ${gateFailures} of ${runs}; non-zero exits: ${exits} of ${runs}`,
  );
}

if (only.has('overhead')) {
  console.log('\n# Profiler cost: the attribution pass with and without the profiler (inlining off in both)');
  for (const fixture of ['selfbench', 'js-yaml']) {
    const dir = makeRepo(fixture);
    execFileSync('npm', ['ci', '--silent', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
    const work = mkdtempSync(join(tmpdir(), 'flamegate-self-job-'));
    const file = fixture === 'selfbench' ? 'bench/work.bench.js' : 'bench/yaml.bench.mjs';
    const tasks = fixture === 'selfbench' ? ['work', 'encode'] : ['load', 'dump'];
    const benchmarks = tasks.map((task, i) => ({
      key: `${file} > ${task}`,
      slug: `b${i}`,
      base: { file: join(dir, file), task },
      head: { file: join(dir, file), task },
    }));
    // Blocks with and without the profiler alternate inside one process (the runner's `overhead`
    // mode), so each pair sees the same machine speed; the figure is the median pair ratio.
    const jobFile = join(work, 'job-overhead.json');
    const job = {
      kind: 'overhead',
      benchmarks,
      sliceMs: 20,
      warmupMs: 300,
      timeMs: 6000,
      intervalUs: Number(process.env.INTERVAL_US ?? 1000),
    };
    writeFileSync(jobFile, JSON.stringify(job));
    const ratios = await new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        ['--no-turbo-inlining', '--no-maglev-inlining', runner, jobFile],
        {
          cwd: dir,
          stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        },
      );
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
        `  ${fixture} ${key}: profiler cost per op ${pct(median)} (median of ${list.length} block pairs, ${job.intervalUs / 1000} ms sampling)`,
      );
    }
    rmSync(dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

// One real repository per script harness, its own benchmark files unchanged (fixtures/recipes), and
// the function each sensitivity run slows: a busy loop at its top over a module variable (a global's
// store would run in a V8 builtin, charged to that frame instead), sized to about 5% of the
// benchmarks named in `benchmarks` (the ones whose time it is measured against).
const HARNESS_CASES = {
  'benchmark.js': {
    fixture: 'deepmerge',
    fn: 'mergeObject',
    benchmarks: /merge two flat objects|merge nested objects/,
    slow: (n) => [
      ['index.js', "'use strict'\n", "'use strict'\nlet burnFg = 0\n"],
      [
        'index.js',
        '  function mergeObject (target, source) {',
        `  function mergeObject (target, source) {\n    for (let b = 0; b < ${n}; b++) burnFg = (burnFg * 31 + b) | 0`,
      ],
    ],
    iterations: Number(process.env.DEEPMERGE_ITERATIONS ?? 2),
  },
  mitata: {
    fixture: 'redact',
    fn: 'redactPaths',
    benchmarks: /@pinojs\/redact.*basic paths/,
    slow: (n) => [
      ['index.js', "'use strict'\n", "'use strict'\nlet burnFg = 0\n"],
      [
        'index.js',
        'function redactPaths (obj, paths, censor, remove = false) {',
        `function redactPaths (obj, paths, censor, remove = false) {\n  for (let b = 0; b < ${n}; b++) burnFg = (burnFg * 31 + b) | 0`,
      ],
    ],
    iterations: Number(process.env.REDACT_ITERATIONS ?? 22),
  },
  'bench-node': {
    fixture: 'piscina',
    fn: 'run',
    benchmarks: /simple\/default/,
    slow: (n) => [
      ['dist/index.js', '"use strict";\n', '"use strict";\nlet burnFg = 0;\n'],
      [
        'dist/index.js',
        '    run(task, options = kDefaultRunOptions) {',
        `    run(task, options = kDefaultRunOptions) {\n        for (let b = 0; b < ${n}; b++) burnFg = (burnFg * 31 + b) | 0;`,
      ],
    ],
    iterations: Number(process.env.PISCINA_ITERATIONS ?? 1000),
  },
};
const harnessCases = values.harnesses.split(',').map((h) => [h, HARNESS_CASES[h]]);

if (only.has('harness-aa')) {
  for (const [harness, { fixture }] of harnessCases) {
    console.log(`\n## ${harness}: ${fixture}'s own benchmark files`);
    values.fixtures = fixture;
    await aaSection(['default']);
  }
}

if (only.has('harness-sensitivity')) {
  for (const [harness, c] of harnessCases) {
    console.log(
      `\n# Sensitivity, ${harness}: ${c.fixture}'s ${c.fn} slowed (${c.iterations} loop iterations, aimed at ~5% of ${c.benchmarks.source}), benchmark and function threshold 2% (as for js-yaml), ${runs} runs`,
    );
    let found = 0;
    let named = 0;
    for (let i = 0; i < runs; i++) {
      const { code, seconds, report } = await compare(
        makeRepo(c.fixture, { head: c.slow(c.iterations), threshold: '2%' }),
      );
      const aimed = (report?.benchmarks ?? []).filter((b) => c.benchmarks.test(b.name));
      const regressed = (report?.benchmarks ?? []).filter((b) => b.status === 'regressed');
      // Found: the check fails on a regression (a benchmark, or a function over its threshold).
      // Named first: the first function the report flags is the slowed one.
      const flagged = flaggedFunctions(report);
      const first = flagged[0];
      if (code === 1 && (regressed.length > 0 || flagged.some((f) => f.gate))) found++;
      // A function whose base self time is under the table's floor shows as added.
      if (first?.name === c.fn && ['regressed', 'added'].includes(first.status)) named++;
      console.log(
        `  run ${i + 1}: exit ${code}, ${seconds.toFixed(1)} s; aimed at: ${aimed.map(describeBenchmark).join('; ')}; ` +
          `benchmarks regressed: ${regressed.length}${regressed.length ? ` (${regressed.map((b) => b.name).join(', ')})` : ''}; ` +
          `functions flagged: ${flagged.length ? flagged.map((f) => `${describeFunction(f)}${f.gate ? ' [gate]' : ''}`).join(', ') : 'none'}`,
      );
    }
    console.log(
      `  ${harness}: found (the check failed on it) ${found} of ${runs}; ${c.fn} the first function flagged ${named} of ${runs}`,
    );
  }
}

if (only.has('sensitivity1')) {
  // 8 iterations make load about 5% slower; the default here aims at about 2–3%.
  const iterations = Number(process.env.SENS1_ITERATIONS ?? 4);
  console.log(
    `\n# Sensitivity at 1%: js-yaml load slowed inside readPlainScalar (${iterations} iterations, ~2–3%), threshold 1%, ${runs} runs${values.budget ? `, budget ${values.budget}` : ''}`,
  );
  let regressed = 0;
  let named = 0;
  let exits = 0;
  const changes = [];
  for (let i = 0; i < runs; i++) {
    const repo = makeRepo('js-yaml', {
      head: [slowPlainScalar(iterations)],
      threshold: '1%',
      budget: values.budget,
    });
    const { code, seconds, report } = await compare(repo);
    const load = report?.benchmarks.find((b) => b.name === 'load');
    const top = topFunction(report, 'load');
    if (load?.status === 'regressed') regressed++;
    if (top?.name === 'readPlainScalar' && top.status === 'regressed') named++;
    if (code !== 0) exits++;
    if (load) changes.push(pct(load.change));
    const others = flaggedFunctions(report).filter((f) => f.name !== 'readPlainScalar');
    console.log(
      `  run ${i + 1}: exit ${code}, ${seconds.toFixed(1)} s; ${report?.benchmarks.map(describeBenchmark).join('; ')}${sequentialNote(report)}; ` +
        `first function: ${top ? describeFunction(top) : 'none'}; other flags: ${others.length ? others.map(describeFunction).join(', ') : 'none'}`,
    );
  }
  console.log(
    `  load regressed ${regressed} of ${runs} (exit 1: ${exits}); readPlainScalar named first ${named} of ${runs}; changes ${changes.join(', ')}`,
  );
}

// Today's fixed budget before sequential sampling: 6 processes × 600 ms per side, 150 ms warm-up.
const FIXED_BUDGET =
  '{ processes: 6, maxProcesses: 6, timePerProcessMs: 600, warmupMs: 150, maxMinutes: 60 }';

if (only.has('walltime')) {
  console.log(
    `\n# Wall time, two-benchmark js-yaml fixture (installs included), default thresholds: default (sequential) budget vs the fixed budget ${FIXED_BUDGET}, alternating, ${runs} pairs`,
  );
  const ratios = [];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['sequential', 'fixed'] : ['fixed', 'sequential'];
    const seconds = {};
    for (const which of order) {
      const repo = makeRepo('js-yaml', which === 'fixed' ? { budget: FIXED_BUDGET } : {});
      const run = await compare(repo);
      seconds[which] = run.seconds;
      console.log(
        `  pair ${i + 1} ${which}: exit ${run.code}, ${run.seconds.toFixed(1)} s; ${run.report?.benchmarks.map(describeBenchmark).join('; ')}${sequentialNote(run.report)}`,
      );
    }
    ratios.push(seconds.sequential / seconds.fixed);
  }
  console.log(`  sequential ÷ fixed wall time per pair: ${ratios.map((r) => r.toFixed(2)).join(', ')}`);
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const DEFAULT_WIDTH = Math.min(8, (await import('node:os')).availableParallelism());

if (only.has('spread')) {
  // Ten processes per benchmark whatever the interval says, so each run gives ten samples of the
  // per-process bias; the widths alternate so the machine's regime shifts fall on both.
  const budgetOf = (width) => `{ processes: 10, maxProcesses: 10, parallel: ${width} }`;
  for (const fixture of values.fixtures.split(',')) {
    console.log(
      `\n# Per-process spread of ln(head/base), ${fixture}, A/A, 10 processes a run: parallel 1 vs ${DEFAULT_WIDTH}, alternating, ${runs} pairs`,
    );
    const spreads = { 1: [], [DEFAULT_WIDTH]: [] };
    const seconds = { 1: [], [DEFAULT_WIDTH]: [] };
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? [1, DEFAULT_WIDTH] : [DEFAULT_WIDTH, 1];
      for (const width of order) {
        const run = await compare(makeRepo(fixture, { budget: budgetOf(width) }));
        seconds[width].push(run.seconds);
        const got = (run.report?.benchmarks ?? []).filter((b) => b.spread !== undefined);
        for (const b of got) spreads[width].push(b.spread);
        console.log(
          `  pair ${i + 1} parallel ${width}: exit ${run.code}, ${run.seconds.toFixed(1)} s; ` +
            got.map((b) => `${b.name} spread ${(b.spread * 100).toFixed(2)}% ${pct(b.change)}`).join('; '),
        );
      }
    }
    for (const width of [1, DEFAULT_WIDTH])
      console.log(
        `  parallel ${width}: median per-process spread ${(median(spreads[width]) * 100).toFixed(2)}% over ${spreads[width].length} benchmark-runs ` +
          `(quartiles ${(quantile(spreads[width], 0.25) * 100).toFixed(2)}–${(quantile(spreads[width], 0.75) * 100).toFixed(2)}%); median wall time ${median(seconds[width]).toFixed(1)} s`,
      );
  }
}

function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

if (only.has('parallel')) {
  console.log(
    `\n# Wall time, two-benchmark js-yaml fixture (installs included), default budget and thresholds: parallel 1 vs ${DEFAULT_WIDTH} (the default here), alternating, ${runs} pairs`,
  );
  const ratios = [];
  const seconds = { 1: [], [DEFAULT_WIDTH]: [] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? [1, DEFAULT_WIDTH] : [DEFAULT_WIDTH, 1];
    const pair = {};
    for (const width of order) {
      const run = await compare(makeRepo('js-yaml', width === 1 ? { budget: '{ parallel: 1 }' } : {}));
      pair[width] = run.seconds;
      seconds[width].push(run.seconds);
      console.log(
        `  pair ${i + 1} parallel ${width}: exit ${run.code}, ${run.seconds.toFixed(1)} s; ${run.report?.benchmarks.map(describeBenchmark).join('; ')}${sequentialNote(run.report)}`,
      );
    }
    ratios.push(pair[DEFAULT_WIDTH] / pair[1]);
  }
  console.log(
    `  parallel ${DEFAULT_WIDTH} ÷ parallel 1 wall time per pair: ${ratios.map((r) => r.toFixed(2)).join(', ')} (median ${median(ratios).toFixed(2)}); ` +
      `parallel ${DEFAULT_WIDTH}: ${seconds[DEFAULT_WIDTH].map((x) => `${x.toFixed(1)} s`).join(', ')}`,
  );
}

// Twenty benchmarks: eight js-yaml tasks on documents of different sizes (quiet), four quiet
// synthetic CPU tasks, eight noisy ones (allocation and GC bound, Map churn, big-string work).
const SUITE20 = `import { Bench } from 'tinybench';
import yaml from '../js-yaml/index.js';
const doc = (n) => ({ items: Array.from({ length: n }, (_, i) => ({ id: i, name: 'item-' + i, tags: ['a', 'b', String(i)], ok: i % 2 === 0 })) });
const DOCS = [2, 8, 32, 128].map(doc);
const TEXTS = DOCS.map((d) => yaml.dump(d));
let sink = 0;
const bench = new Bench({ name: 'suite20' });
DOCS.forEach((d, i) => {
  bench.add('load ' + d.items.length, () => { sink ^= yaml.load(TEXTS[i]).items.length; });
  bench.add('dump ' + d.items.length, () => { sink ^= yaml.dump(d).length; });
});
for (const n of [10, 100, 1000, 10000]) {
  bench.add('quiet loop ' + n, () => { let x = sink; for (let i = 0; i < n; i++) x = (x * 1103515245 + 12345) | 0; sink = x; });
}
for (const n of [1000, 10000, 100000, 400000]) {
  bench.add('noisy alloc ' + n, () => { const a = []; for (let i = 0; i < n; i++) a.push({ i, s: 'x' + i }); sink ^= a.length; });
}
for (const n of [1000, 20000]) {
  bench.add('noisy map ' + n, () => { const m = new Map(); for (let i = 0; i < n; i++) m.set('k' + i, i); sink ^= m.size; });
}
for (const n of [10000, 100000]) {
  bench.add('noisy string ' + n, () => { let s = ''; for (let i = 0; i < n / 10; i++) s += 'abcdefghij'; sink ^= s.split('e').length; });
}
export default bench;
`;

if (only.has('suite20')) {
  console.log(
    `\n# A 20-benchmark suite (js-yaml tasks, quiet and noisy synthetic tasks), ${values.budget ? `budget ${values.budget}` : 'default budget'}, ${runs} runs`,
  );
  for (let i = 0; i < runs; i++) {
    const repo = makeRepo('js-yaml', {
      files: { 'bench/suite.bench.mjs': SUITE20 },
      remove: ['bench/yaml.bench.mjs'],
      budget: values.budget,
    });
    const { code, seconds, report } = await compare(repo);
    const byStop = {};
    for (const b of report?.benchmarks ?? [])
      byStop[b.stoppedBy ?? b.status] = (byStop[b.stoppedBy ?? b.status] ?? 0) + 1;
    console.log(
      `  run ${i + 1}: exit ${code}, ${seconds.toFixed(1)} s (installs included) for ${report?.benchmarks.length} benchmarks; stopped: ${JSON.stringify(byStop)}${sequentialNote(report)}`,
    );
    for (const b of report?.benchmarks ?? []) console.log(`    ${describeBenchmark(b)}`);
  }
}

const FLOOR_BENCH = `import { Bench } from 'tinybench';
let state = 1;
const bench = new Bench();
// About 30 ns: a dependency chain the JIT cannot fold; the slowed copy runs 20% more links.
function chain(n) { let x = state; for (let i = 0; i < n; i++) x = (Math.imul(x, 1103515245) + 12345) | 0; state = x; }
bench.add('empty', () => {});
bench.add('fn30', () => chain(CHAIN));
bench.add('fn30 +20%', () => chain(CHAIN_SLOW));
export default bench;
`;

if (only.has('floor')) {
  console.log(
    '\n# Harness floor and a ~30 ns function slowed by 20% (runner timing jobs, paired slices in one process)',
  );
  const dir = mkdtempSync(join(tmpdir(), 'flamegate-self-floor-'));
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  cpSync(join(root, 'node_modules/tinybench'), join(dir, 'node_modules/tinybench'), { recursive: true });
  const chain = Number(process.env.FLOOR_CHAIN ?? 20);
  const slow = Math.round(chain * 1.2);
  writeFileSync(
    join(dir, 'floor.bench.mjs'),
    FLOOR_BENCH.replace('CHAIN)', `${chain})`).replace('CHAIN_SLOW)', `${slow})`),
  );
  const file = join(dir, 'floor.bench.mjs');
  const spec = (task) => ({ file, task });
  const runJob = (perCall, firstSide, index) =>
    new Promise((resolve) => {
      const jobFile = join(dir, `job-${index}.json`);
      writeFileSync(
        jobFile,
        JSON.stringify({
          kind: 'timing',
          benchmarks: [
            { key: 'empty', slug: 'e', base: spec('empty'), head: spec('empty') },
            { key: 'fn30', slug: 'f', base: spec('fn30'), head: spec('fn30 +20%') },
          ],
          firstSide,
          sliceMs: 5,
          warmupMs: 200,
          timeMs: 1000,
          perCall,
        }),
      );
      const child = spawn(process.execPath, [runner, jobFile], {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      const found = {};
      child.on('message', (m) => {
        if (m.type === 'floor') found.floor = m.nsPerOp;
        if (m.type === 'timing') found[m.key] = m;
      });
      child.on('close', () => resolve(found));
    });
  const processes = Number(process.env.FLOOR_PROCESSES ?? 6);
  for (const perCall of [false, true]) {
    const empties = [];
    const fnNs = [];
    const changes = [];
    const floors = [];
    for (let p = 0; p < processes; p++) {
      const r = await runJob(perCall, p % 2 === 0 ? 'base' : 'head', `${perCall}-${p}`);
      if (r.floor !== undefined) floors.push(r.floor);
      if (r.empty)
        empties.push((r.empty.base.totalNs + r.empty.head.totalNs) / (r.empty.base.ops + r.empty.head.ops));
      if (r.fn30) {
        fnNs.push(r.fn30.base.totalNs / r.fn30.base.ops);
        const sorted = [...r.fn30.pairLogRatios].sort((a, b) => a - b);
        changes.push(sorted[sorted.length >> 1]);
      }
    }
    const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
    console.log(
      `  ${perCall ? "per call (tinybench's run(), as before)" : 'batched (this runner)'}: empty task ${med(empties).toFixed(2)} ns/op` +
        (floors.length ? ` (runner's floor probe ${med(floors).toFixed(2)} ns/op)` : '') +
        `; fn30 ${med(fnNs).toFixed(1)} ns/op; its ${slow}/${chain}-link copy measured ${pct(Math.exp(mean) - 1)} ` +
        `(per process: ${changes.map((c) => pct(Math.exp(c) - 1)).join(', ')})`,
    );
  }
  // The known change of the function itself, timed apart from any harness: the least time per call of
  // many long direct loops, alternating the two versions.
  const truthScript = `let state = 1;
function chain(n) { let x = state; for (let i = 0; i < n; i++) x = (Math.imul(x, 1103515245) + 12345) | 0; state = x; }
const a = () => chain(${chain}); const b = () => chain(${slow});
function time(f) { const t0 = performance.now(); for (let i = 0; i < 1e6; i++) f(); return performance.now() - t0; }
let ma = Infinity, mb = Infinity;
for (let r = 0; r < 60; r++) { ma = Math.min(ma, time(a)); mb = Math.min(mb, time(b)); }
process.stdout.write(JSON.stringify({ a: ma * 1e6 / 1e6, b: mb * 1e6 / 1e6 }));`;
  const truth = JSON.parse(execFileSync(process.execPath, ['-e', truthScript], { encoding: 'utf8' }));
  console.log(
    `  true change: ${pct(truth.b / truth.a - 1)} (direct loops, least time per call: ${truth.a.toFixed(1)} vs ${truth.b.toFixed(1)} ns; ${slow} vs ${chain} links of the chain)`,
  );
  rmSync(dir, { recursive: true, force: true });
}

// vitest bench files: A/A on a real library (path-to-regexp 8.4.2 from the registry, our Vitest 4
// bench file: fixtures/recipes/path-to-regexp).
//   node scripts/bench-self.mjs --only vitest-aa --runs 5
if (only.has('vitest-aa')) {
  const kept = ['parse > parsing paths', 'compile > compiling paths', 'match > matching urls'];
  console.log(
    `\n# False alarms on vitest bench files: path-to-regexp A/A, threshold 2%, default budget, ${runs} runs (${kept.join(', ')})`,
  );
  let flagged = 0;
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'flamegate-self-vitest-'));
    materializeRecipe('path-to-regexp', dir);
    mkdirSync(join(dir, '.github'), { recursive: true });
    writeFileSync(
      join(dir, '.github/flamegate.yml'),
      [
        'thresholds: { benchmark: 2%, function: 2% }',
        'overrides:',
        '  - { match: "toRegexp > *", skip: true }',
        '',
      ].join('\n'),
    );
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, '-c', 'user.email=b@x', '-c', 'user.name=b', 'add', '-A');
    git(dir, '-c', 'user.email=b@x', '-c', 'user.name=b', 'commit', '-qm', 'base');
    const source = join(dir, 'path-to-regexp/dist/index.js');
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
      `  run ${i + 1}: exit ${code}, ${seconds.toFixed(1)} s; ${report?.benchmarks.map(describeBenchmark).join('; ')}; functions over the threshold: ${fns.length}${named ? ` (${named})` : ''}`,
    );
  }
  console.log(`  flagged ${flagged} of ${runs}`);
}

// ---------------------------------------------------------------- allocations (issue 12)
// `--only alloc`: an allocation regression in a real library that barely moves time, found and
// named; identical code flags nothing; what the allocation pass adds to a run's wall time.
// One extra (empty) array per call of js-yaml's readPlainScalar, about 8% more bytes per op, kept in
// a module variable so that the JIT cannot drop it. Allocating is cheap in V8, but the collector's
// time grows with the bytes (a one-element array, +15% bytes/op, cost 2–5% of time here), so an
// edit that must cost under 2% of time adds under 10% to bytes/op: the section runs at a 5%
// allocation threshold (ALLOC_THRESHOLD to change).
const extraArrayInPlainScalar = [
  'js-yaml/lib/loader.js',
  'function readPlainScalar(state, nodeIndent, withinFlowCollection) {',
  'var lastPlainScalar = null;\nfunction readPlainScalar(state, nodeIndent, withinFlowCollection) {\n  lastPlainScalar = [];',
];
const ALLOC_THRESHOLD = process.env.ALLOC_THRESHOLD ?? '5%';
const flaggedAllocations = (report) => (report?.allocations ?? []).filter((f) => f.status !== 'unchanged');
const kib = (b) => `${(b / 1024).toFixed(2)} KiB`;
const describeMemory = (b) =>
  b.memory
    ? `${b.name} time ${pct(b.change)} ${b.status}; bytes/op ${kib(b.memory.baseBytesPerOp)} → ${kib(b.memory.headBytesPerOp)} ` +
      `${pct(b.memory.change)} [${pct(b.memory.ci[0])}, ${pct(b.memory.ci[1])}] ${b.memory.status}; ` +
      `GC ${(b.memory.baseGcShare * 100).toFixed(1)}% → ${(b.memory.headGcShare * 100).toFixed(1)}%`
    : `${b.name} (no memory)`;
const describeAllocation = (f) =>
  `${f.benchmark.split(' > ').pop()}:${f.name} ${f.status} ${f.deltaBytesPerOp >= 0 ? '+' : ''}${Math.round(f.deltaBytesPerOp)} B/op (z ${f.evidence?.z.toFixed(1)}, ${f.evidence?.agreeing}/${f.evidence?.processes}${f.source?.changed ? ', changed in PR' : ''})`;
// The config is read from base: the threshold goes into the config both commits carry.
const allocationRepo = (head) =>
  makeRepo('js-yaml', {
    head,
    files: ALLOC_THRESHOLD
      ? { '.github/flamegate.yml': `select: all\nthresholds: { allocations: ${ALLOC_THRESHOLD} }\n` }
      : {},
  });

if (only.has('alloc')) {
  const allocRuns = Number(process.env.ALLOC_RUNS ?? 5);
  const passShares = [];
  console.log(
    `\n# Allocations: js-yaml load, one extra empty array per readPlainScalar call on head, ${ALLOC_THRESHOLD || 'default'} allocation threshold, ${allocRuns} runs`,
  );
  let found = 0;
  let named = 0;
  let failedForMemory = 0;
  let timeUnder2 = 0;
  for (let i = 0; i < allocRuns; i++) {
    const { code, seconds, report } = await compare(allocationRepo([extraArrayInPlainScalar]));
    const load = report?.benchmarks.find((b) => b.name === 'load');
    const top = (report?.allocations ?? []).find((f) => f.benchmark.endsWith(' > load'));
    if (load?.memory?.status === 'regressed') found++;
    if (top?.name === 'readPlainScalar' && top.status === 'regressed') named++;
    if (code === 1 && (report?.failures ?? []).some((f) => f.includes('> load: allocates')))
      failedForMemory++;
    if (load && Math.abs(load.change) < 0.02) timeUnder2++;
    if (report?.allocationPassMs) passShares.push(report.allocationPassMs / 1000 / seconds);
    const others = flaggedAllocations(report).filter((f) => f !== top);
    console.log(
      `  run ${i + 1}: exit ${code}, ${seconds.toFixed(1)} s (allocation pass ${((report?.allocationPassMs ?? 0) / 1000).toFixed(1)} s); ` +
        `${report?.benchmarks.map(describeMemory).join('; ')}; first allocating function: ${top ? describeAllocation(top) : 'none'}; ` +
        `other allocation flags: ${others.length ? others.map(describeAllocation).join(', ') : 'none'}`,
    );
  }
  console.log(
    `  bytes/op regressed ${found} of ${allocRuns}; readPlainScalar named first ${named} of ${allocRuns}; ` +
      `check failed for memory ${failedForMemory} of ${allocRuns}; time change under 2% ${timeUnder2} of ${allocRuns}`,
  );

  // The edit's true time cost, which the compare runs above cannot resolve on a noisy machine: a
  // longer timing job of the runner itself (production flags, base and head alternating in one
  // process, 8 processes × 3 s per side), next to the same job on identical code as the control.
  {
    const sides = {
      base: makeRepo('js-yaml'),
      edit: makeRepo('js-yaml', { head: [extraArrayInPlainScalar] }),
      identical: makeRepo('js-yaml'),
    };
    for (const dir of Object.values(sides)) {
      mkdirSync(join(dir, 'node_modules'), { recursive: true });
      execFileSync('ln', ['-s', join(root, 'node_modules/tinybench'), join(dir, 'node_modules/tinybench')]);
    }
    const work = mkdtempSync(join(tmpdir(), 'flamegate-self-job-'));
    const perProcess = { edit: [], identical: [] };
    for (let p = 0; p < 8; p++) {
      for (const variant of ['edit', 'identical']) {
        const spec = (side) => ({ file: join(sides[side], 'bench/yaml.bench.mjs'), task: 'load' });
        const job = {
          kind: 'timing',
          benchmarks: [{ key: 'load', slug: 'load', base: spec('base'), head: spec(variant) }],
          firstSide: p % 2 === 0 ? 'base' : 'head',
          sliceMs: 10,
          warmupMs: 300,
          timeMs: 3000,
        };
        const jobFile = join(work, `job-time-${variant}-${p}.json`);
        writeFileSync(jobFile, JSON.stringify(job));
        const ratios = await new Promise((resolve) => {
          const child = spawn(process.execPath, [runner, jobFile], {
            cwd: sides.base,
            stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
          });
          let found = [];
          child.on('message', (m) => {
            if (m.type === 'timing') found = m.pairLogRatios;
          });
          child.on('close', () => resolve(found));
        });
        const sorted = [...ratios].sort((a, b) => a - b);
        if (sorted.length) perProcess[variant].push(sorted[sorted.length >> 1]);
      }
    }
    for (const [variant, list] of Object.entries(perProcess)) {
      const n = list.length;
      const mean = list.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(list.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      const half = 2.365 * (sd / Math.sqrt(n)); // t(0.975, 7)
      console.log(
        `  time cost of the ${variant === 'edit' ? 'edit' : 'identical code (control)'} (timing job, production flags, ${n} processes × 3 s per side): ` +
          `${pct(Math.exp(mean) - 1)} [${pct(Math.exp(mean - half) - 1)}, ${pct(Math.exp(mean + half) - 1)}]`,
      );
    }
    for (const dir of [...Object.values(sides), work]) rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    `\n# Allocations A/A: js-yaml, identical code, ${ALLOC_THRESHOLD || 'default'} allocation threshold, ${allocRuns} runs`,
  );
  let unchanged = 0;
  let flags = 0;
  let clean = 0;
  for (let i = 0; i < allocRuns; i++) {
    const { code, seconds, report } = await compare(allocationRepo([]));
    const memoryFlags = (report?.benchmarks ?? []).filter((b) => b.memory && b.memory.status !== 'unchanged');
    const fnFlags = flaggedAllocations(report);
    if (report && memoryFlags.length === 0 && report.benchmarks.every((b) => b.memory)) unchanged++;
    flags += fnFlags.length;
    if (fnFlags.length === 0) clean++;
    if (report?.allocationPassMs) passShares.push(report.allocationPassMs / 1000 / seconds);
    console.log(
      `  run ${i + 1}: exit ${code}, ${seconds.toFixed(1)} s (allocation pass ${((report?.allocationPassMs ?? 0) / 1000).toFixed(1)} s); ` +
        `${report?.benchmarks.map(describeMemory).join('; ')}; allocation flags: ${fnFlags.length ? fnFlags.map(describeAllocation).join(', ') : 'none'}`,
    );
  }
  console.log(
    `  allocations unchanged ${unchanged} of ${allocRuns}; runs with 0 allocation-function flags ${clean} of ${allocRuns} (${flags} flags in all)`,
  );
  const sorted = [...passShares].sort((a, b) => a - b);
  console.log(
    `  the allocation pass's share of a run's wall time (installs included): median ${(100 * (sorted[sorted.length >> 1] ?? 0)).toFixed(1)}%, ` +
      `max ${(100 * (sorted[sorted.length - 1] ?? 0)).toFixed(1)}% (the pass adds pass/(1−pass) to a run without it)`,
  );
}

// Sharding (issue 14): the two-package monorepo fixture (seven benchmarks), run whole and as N shards.
// A shard's measured cost is the wall time its benchmark processes spent on its benchmarks (the sum
// of `costMs`); install and discovery are the same in every shard job and are printed apart.
//   node scripts/bench-self.mjs --only shards
if (only.has('shards')) {
  const makeMonorepo = () => {
    const dir = mkdtempSync(join(tmpdir(), 'flamegate-self-mono-'));
    cpSync(join(root, 'fixtures/monorepo-project'), dir, {
      recursive: true,
      filter: (p) => !p.includes('node_modules'),
    });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'base');
    writeFileSync(join(dir, 'README.md'), '# fixture (edited)\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'head');
    return dir;
  };
  const run = (dir, args) =>
    new Promise((resolve) => {
      const out = mkdtempSync(join(tmpdir(), 'flamegate-self-shard-'));
      const started = Date.now();
      const child = spawn(
        process.execPath,
        [cli, 'compare', '--base', 'HEAD~1', '--packages', 'packages/*', '--out', out, '--quiet', ...args],
        { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('close', (code) => {
        let report;
        try {
          report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
        } catch {
          console.log(`  run failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
        }
        resolve({ code, out, seconds: (Date.now() - started) / 1000, report });
      });
    });
  const cost = (report) => (report?.benchmarks ?? []).reduce((sum, b) => sum + (b.costMs ?? 0), 0) / 1000;
  const dir = makeMonorepo();
  console.log(
    '\n# Shards: fixtures/monorepo-project (2 packages, 7 benchmarks, its own small budget), one runner',
  );
  const whole = await run(dir, []);
  const wholeCost = cost(whole.report);
  console.log(
    `  unsharded: ${whole.report?.benchmarks.length} benchmarks, wall ${whole.seconds.toFixed(1)} s, measured cost ${wholeCost.toFixed(1)} s, exit ${whole.code}`,
  );
  const costsFile = join(whole.out, 'report.json');
  for (const [count, extra, label] of [
    [2, [], 'split by estimate'],
    [3, [], 'split by estimate'],
    [2, ['--costs', costsFile], 'split by the unsharded run’s costs'],
    [3, ['--costs', costsFile], 'split by the unsharded run’s costs'],
  ]) {
    const shards = [];
    for (let i = 1; i <= count; i++) shards.push(await run(dir, ['--shard', `${i}/${count}`, ...extra]));
    const costs = shards.map((s) => cost(s.report));
    const walls = shards.map((s) => s.seconds);
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const keys = shards.flatMap((s) => (s.report?.benchmarks ?? []).map((b) => `${b.file} > ${b.name}`));
    const merged = await new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [cli, 'merge', ...shards.map((s) => s.out), '--json', join(shards[0].out, 'm.json')],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      child.on('close', (code) => {
        let report;
        try {
          report = JSON.parse(readFileSync(join(shards[0].out, 'm.json'), 'utf8'));
        } catch {}
        resolve({ code, report });
      });
    });
    const wholeKeys = (whole.report?.benchmarks ?? []).map((b) => `${b.file} > ${b.name}`).sort();
    const mergedKeys = (merged.report?.benchmarks ?? []).map((b) => `${b.file} > ${b.name}`).sort();
    console.log(
      `  ${count} shards, ${label}: benchmarks per shard ${shards.map((s) => s.report?.benchmarks.length).join(' / ')}; ` +
        `measured cost per shard ${costs.map((c) => `${c.toFixed(1)} s`).join(' / ')} ` +
        `(longest ÷ mean ${(Math.max(...costs) / mean(costs)).toFixed(2)}); ` +
        `job wall time ${walls.map((w) => `${w.toFixed(1)} s`).join(' / ')} (longest ÷ mean ${(Math.max(...walls) / mean(walls)).toFixed(2)}); ` +
        `planned ${shards[0].report?.shard?.estimatedMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(' / ')}; ` +
        `merge exit ${merged.code}, ${mergedKeys.length} benchmarks, each once: ${new Set(keys).size === keys.length}, ` +
        `same set as unsharded: ${JSON.stringify(mergedKeys) === JSON.stringify(wholeKeys)}`,
    );
    for (const s of shards) rmSync(s.out, { recursive: true, force: true });
  }
  rmSync(whole.out, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}
