// Times `flamegate diff` on a synthetic pair of large profiles and, when Go is installed, `go tool pprof
// -top -diff_base` on the same pair; the target is a ratio of at most 1/10 (docs/measurement.md, "Performance targets").
//
//   node scripts/bench-diff.mjs [--samples 100000] [--runs 3] [--keep] [--source] [--profiles-only]
//
// It times dist/cli.js (npm run build) when it exists; with --source, or without a build, it bundles
// src/cli/diff.ts with esbuild first, so the figure covers the same code before the CLI is wired up.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Profile, StringTable } from 'pprof-format';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SAMPLES = opt('samples', 100_000);
const RUNS = opt('runs', 3);
const keep = args.includes('--keep');
const fromSource = args.includes('--source') || !existsSync(join(root, 'dist/cli.js'));
// Only write the pair (into a kept directory), for profiling the diff by hand.
const profilesOnly = args.includes('--profiles-only');

// A deterministic PRNG, so that every run of the script measures the same pair.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// One program's shape, shared by both sides: functions in files (user code, packages, Node internals),
// each with call sites (locations) and callees picked with a skew, as real call graphs have hot paths.
function program() {
  const r = rng(42);
  const FUNCTIONS = 4000;
  const packages = Array.from({ length: 40 }, (_, i) =>
    i % 5 === 0 ? `@scope${i}/pkg${i}` : `package-${i}`,
  );
  const functions = [];
  for (let i = 0; i < FUNCTIONS; i++) {
    const kind = r();
    let file;
    if (kind < 0.45) file = `src/module${i % 120}/file${i % 37}.ts`;
    else if (kind < 0.85) {
      const pkg = packages[Math.floor(r() * packages.length)];
      file = `node_modules/${pkg}/lib/part${i % 23}.js`;
    } else file = `node:internal/module${i % 40}`;
    functions.push({
      id: i + 1,
      name: `fn${i}_${kind < 0.45 ? 'handle' : kind < 0.85 ? 'dep' : 'internal'}${i % 13}`,
      file,
      line: 1 + (i % 900),
    });
  }
  let nextLoc = 1;
  for (const f of functions) {
    const sites = 1 + Math.floor(r() * 6);
    f.locations = Array.from({ length: sites }, (_, k) => ({ id: nextLoc++, line: f.line + 1 + k * 3 }));
    const callees = 2 + Math.floor(r() * 7);
    f.callees = Array.from({ length: callees }, () => Math.floor(r() * FUNCTIONS));
  }
  return functions;
}

function generate(functions, seed, side) {
  const r = rng(seed);
  const strings = new StringTable();
  const slow = functions[17];
  const removed = functions[23];
  const samples = [];
  for (let s = 0; s < SAMPLES; s++) {
    const depth = 8 + Math.floor(r() * 33);
    const stack = [];
    let f = functions[Math.floor(r() * 8)];
    for (let d = 0; d < depth; d++) {
      stack.push(f.locations[Math.floor(r() * f.locations.length)].id);
      // Zipf-like choice: the first callee is the hot one.
      const pick = Math.floor(f.callees.length * r() * r());
      f = functions[f.callees[pick]];
    }
    // The regression: head spends extra samples in one function; base has a stack head lost.
    if (side === 'head' && r() < 0.06) stack.push(slow.locations[0].id);
    if (side === 'base' && r() < 0.03) stack.push(removed.locations[0].id);
    // pprof lists locations leaf first.
    stack.reverse();
    samples.push({ locationId: stack, value: [1, 990_000 + Math.floor(r() * 20_000)] });
  }
  const profile = new Profile({
    sampleType: [
      { type: strings.dedup('sample'), unit: strings.dedup('count') },
      { type: strings.dedup('wall'), unit: strings.dedup('nanoseconds') },
    ],
    sample: samples,
    location: functions.flatMap((fn) =>
      fn.locations.map((l) => ({ id: l.id, line: [{ functionId: fn.id, line: l.line }] })),
    ),
    function: functions.map((fn) => ({
      id: fn.id,
      name: strings.dedup(fn.name),
      systemName: strings.dedup(fn.name),
      filename: strings.dedup(fn.file),
      startLine: fn.line,
    })),
    periodType: { type: strings.dedup('wall'), unit: strings.dedup('nanoseconds') },
    period: 1_000_000,
    comment: [strings.dedup(`flamegate.ops=${side === 'base' ? 50_000 : 47_000}`)],
    stringTable: strings,
  });
  return gzipSync(profile.encode());
}

// CPU time (user + system) of finished children, from /proc on Linux: unlike wall time it hardly
// moves with the load other processes put on a shared machine. Undefined elsewhere.
function childCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // cutime and cstime are fields 16 and 17 of stat(5); after the ") " split they sit at 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

function time(cmd, cmdArgs) {
  const start = process.hrtime.bigint();
  const cpuBefore = childCpuSeconds();
  const result = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpuAfter = childCpuSeconds();
  if (result.status !== 0) {
    throw new Error(`${cmd} ${cmdArgs.join(' ')} exited ${result.status}: ${result.stderr || result.error}`);
  }
  const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
  return { seconds, cpu, stdout: result.stdout };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const dir = mkdtempSync(join(tmpdir(), 'flamegate-bench-diff-'));
try {
  const functions = program();
  const t0 = Date.now();
  const basePath = join(dir, 'base.pb.gz');
  const headPath = join(dir, 'head.pb.gz');
  writeFileSync(basePath, generate(functions, 1, 'base'));
  writeFileSync(headPath, generate(functions, 2, 'head'));
  const mb = (p) => (statSync(p).size / 1e6).toFixed(2);
  console.log(
    `profiles: ${SAMPLES} samples each, stacks 8–40 deep, ${functions.length} functions; ` +
      `base ${mb(basePath)} MB, head ${mb(headPath)} MB gzipped (generated in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );

  if (profilesOnly) {
    console.log(`profiles in ${dir}`);
    process.exit(0);
  }
  let cli = join(root, 'dist/cli.js');
  let cliArgs = ['diff'];
  if (fromSource) {
    const { build } = await import('esbuild');
    const { browserScriptPlugin } = await import('./browser-scripts.mjs');
    const bundle = join(dir, 'diff-bundle.mjs');
    await build({
      absWorkingDir: root,
      entryPoints: ['src/cli/diff.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: bundle,
      plugins: [browserScriptPlugin],
      logLevel: 'warning',
    });
    cli = join(dir, 'run-diff.mjs');
    writeFileSync(
      cli,
      `import { runDiff } from ${JSON.stringify(bundle)};\n` +
        'process.exitCode = await runDiff(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });\n',
    );
    cliArgs = [];
    console.log('timing src/cli/diff.ts bundled with esbuild (no dist/cli.js, or --source)');
  } else {
    console.log('timing dist/cli.js');
  }

  const ours = [];
  const oursCpu = [];
  let output = '';
  for (let i = 0; i < RUNS; i++) {
    const run = time(process.execPath, [
      cli,
      ...cliArgs,
      basePath,
      headPath,
      '--svg',
      join(dir, 'out.svg'),
      '--html',
      join(dir, 'out.html'),
    ]);
    ours.push(run.seconds);
    if (run.cpu !== undefined) oursCpu.push(run.cpu);
    output = run.stdout;
  }
  console.log(output.split('\n').slice(0, 8).join('\n'));
  console.log(`SVG ${mb(join(dir, 'out.svg'))} MB, HTML ${mb(join(dir, 'out.html'))} MB`);
  const oursMedian = median(ours);
  console.log(
    `flamegate diff (SVG + HTML): median ${oursMedian.toFixed(2)} s over ${RUNS} runs [${ours.map((s) => s.toFixed(2)).join(', ')}]`,
  );

  let go = '';
  try {
    go = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  } catch {
    console.log('go is not installed: no comparison with go tool pprof (apt-get install golang-go)');
  }
  if (go) {
    const theirs = [];
    const theirsCpu = [];
    for (let i = 0; i < Math.min(RUNS, 2); i++) {
      const run = time('go', ['tool', 'pprof', '-top', `-diff_base=${basePath}`, headPath]);
      theirs.push(run.seconds);
      if (run.cpu !== undefined) theirsCpu.push(run.cpu);
    }
    const theirsMedian = Math.min(...theirs);
    console.log(
      `go tool pprof -top -diff_base: best ${theirsMedian.toFixed(2)} s over ${theirs.length} runs [${theirs.map((s) => s.toFixed(2)).join(', ')}]`,
    );
    const ratio = oursMedian / theirsMedian;
    if (oursCpu.length > 0 && theirsCpu.length > 0) {
      const a = median(oursCpu);
      const b = Math.min(...theirsCpu);
      console.log(
        `CPU time (user + system): flamegate median ${a.toFixed(2)} s, go tool pprof best ${b.toFixed(2)} s, ratio ${(a / b).toFixed(3)} (less sensitive to other load)`,
      );
    }
    console.log(
      `load average while measuring: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')}`,
    );
    console.log(
      `ratio flamegate / pprof: ${ratio.toFixed(3)} (target ≤ 0.100: ${ratio <= 0.1 ? 'met' : 'NOT met'})`,
    );
  }
  if (keep) console.log(`kept ${dir}`);
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
