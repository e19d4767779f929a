// Times `flamegate diff` on a synthetic pair of large profiles and, when Go is installed, `go tool pprof
// -top -diff_base` on the same pair; the target is a ratio of at most 1/10 (docs/measurement.md, "Performance targets").
//
//   node scripts/bench-diff.mjs [--samples 100000] [--runs 3] [--rounds 3] [--node PATH] [--keep] [--source] [--profiles-only]
//
// --runs: flamegate runs per round; --rounds: go tool pprof runs, one a round, each next to its flamegate runs.
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
const ROUNDS = opt('rounds', 3);
const keep = args.includes('--keep');
// The Node that runs flamegate (default: this one). GitHub runs actions on Node 24, this machine may
// have another: `--node <path>` times the diff under that one, go tool pprof as it is.
const nodeAt = args.indexOf('--node');
const NODE = nodeAt >= 0 ? (args[nodeAt + 1] ?? '') : process.execPath;
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
    console.log(
      `timing dist/cli.js under Node ${execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()}`,
    );
  }

  const diffArgs = [
    ...cliArgs,
    basePath,
    headPath,
    '--svg',
    join(dir, 'out.svg'),
    '--html',
    join(dir, 'out.html'),
  ];
  let go = '';
  try {
    go = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  } catch {
    console.log('go is not installed: no comparison with go tool pprof (apt-get install golang-go)');
  }

  // Rounds: flamegate --runs times and go tool pprof once, the order alternating from round to round.
  // Each go run is compared with the flamegate runs next to it in time: the speed of these machines
  // switches between regimes for seconds at a time (docs/measurement.md), and a ratio of runs taken
  // far apart measures the regimes as much as the tools.
  const ours = [];
  const oursCpu = [];
  const theirs = [];
  const theirsCpu = [];
  const paired = [];
  let output = '';
  for (let round = 0; round < (go ? ROUNDS : 1); round++) {
    const flamegate = () => {
      const times = [];
      for (let i = 0; i < RUNS; i++) {
        const run = time(NODE, [cli, ...diffArgs]);
        times.push(run.seconds);
        if (run.cpu !== undefined) oursCpu.push(run.cpu);
        output = run.stdout;
      }
      ours.push(...times);
      return median(times);
    };
    const pprof = () => {
      const run = time('go', ['tool', 'pprof', '-top', `-diff_base=${basePath}`, headPath]);
      theirs.push(run.seconds);
      if (run.cpu !== undefined) theirsCpu.push(run.cpu);
      return run.seconds;
    };
    if (!go) {
      flamegate();
      break;
    }
    let a;
    let b;
    if (round % 2 === 0) {
      a = flamegate();
      b = pprof();
    } else {
      b = pprof();
      a = flamegate();
    }
    paired.push(a / b);
    console.log(
      `round ${round + 1}: flamegate ${a.toFixed(2)} s (median of ${RUNS}), go tool pprof ${b.toFixed(2)} s, ratio ${(a / b).toFixed(3)}`,
    );
  }
  console.log(output.split('\n').slice(0, 8).join('\n'));
  console.log(`SVG ${mb(join(dir, 'out.svg'))} MB, HTML ${mb(join(dir, 'out.html'))} MB`);
  console.log(
    `flamegate diff (SVG + HTML): median ${median(ours).toFixed(2)} s over ${ours.length} runs [${ours.map((s) => s.toFixed(2)).join(', ')}]`,
  );
  if (go) {
    console.log(
      `go tool pprof -top -diff_base: median ${median(theirs).toFixed(2)} s, best ${Math.min(...theirs).toFixed(2)} s over ${theirs.length} runs [${theirs.map((s) => s.toFixed(2)).join(', ')}]`,
    );
    if (oursCpu.length > 0 && theirsCpu.length > 0) {
      const cpuA = median(oursCpu);
      const cpuB = median(theirsCpu);
      console.log(
        `CPU time (user + system): flamegate median ${cpuA.toFixed(2)} s, go tool pprof median ${cpuB.toFixed(2)} s, ratio ${(cpuA / cpuB).toFixed(3)} (less sensitive to other load)`,
      );
    }
    console.log(
      `load average while measuring: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')}`,
    );
    // The stricter figure of earlier versions of this script: all flamegate runs against go's best run.
    const strict = median(ours) / Math.min(...theirs);
    console.log(`flamegate median / go tool pprof best run: ${strict.toFixed(3)}`);
    const ratio = median(paired);
    console.log(
      `ratio flamegate / pprof (median of ${paired.length} paired rounds): ${ratio.toFixed(3)} (target ≤ 0.100: ${ratio <= 0.1 ? 'met' : 'NOT met'})`,
    );
  }
  if (keep) console.log(`kept ${dir}`);
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
