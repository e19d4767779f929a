// Hostile inputs for `flamegate diff` and `flamegate merge`, made at run time (each is a few hundred kB
// at most; what they expand to is the point), and a runner that reports the CLI's peak memory.
// Used by test/e2e/hostile-input.test.ts and by scripts/bench-hostile.mjs.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = join(root, 'dist/cli.js');
const PEAK_RSS_HOOK = join(root, 'scripts/peak-rss.mjs');

const MiB = 1024 * 1024;

/**
 * `times` copies of one gzip member of `chunk`, after a member of `head` and before one of `tail`:
 * gunzip reads concatenated members as one stream, so the file inflates to `times` chunks while it
 * stores one.
 */
function repeatedGzip(chunk, times, head = Buffer.alloc(0), tail = Buffer.alloc(0)) {
  const member = gzipSync(chunk, { level: 9 });
  return Buffer.concat([gzipSync(head), ...Array.from({ length: times }, () => member), gzipSync(tail)]);
}

/** A gzip file of `mb` MiB of zeros. */
export function gzipBomb(mb = 300) {
  return repeatedGzip(Buffer.alloc(MiB), mb);
}

// Protobuf, by hand: the bombs need repeated fields no pprof writer would make.
function varint(n) {
  const out = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
}
const tag = (field, wire) => varint(field * 8 + wire);
const bytesField = (field, body) => Buffer.concat([tag(field, 2), varint(body.length), body]);
const varintField = (field, n) => Buffer.concat([tag(field, 0), varint(n)]);
const packed = (field, values) => bytesField(field, Buffer.concat(values.map(varint)));

const STRINGS = ['', 'samples', 'count', 'wall', 'nanoseconds', 'fn', 'bomb.js'];

/** A pprof's sample types, functions, locations and strings (location `l` holds `lines[l]` frames). */
function pprofHeader(functions, locationLines) {
  const parts = [
    bytesField(1, Buffer.concat([varintField(1, 1), varintField(2, 2)])),
    bytesField(1, Buffer.concat([varintField(1, 3), varintField(2, 4)])),
  ];
  for (let f = 1; f <= functions; f++) {
    parts.push(
      bytesField(
        5,
        Buffer.concat([varintField(1, f), varintField(2, 5), varintField(4, 6), varintField(5, f)]),
      ),
    );
  }
  locationLines.forEach((lines, l) => {
    const line = lines.map((f) => bytesField(4, Buffer.concat([varintField(1, f), varintField(2, f)])));
    parts.push(bytesField(4, Buffer.concat([varintField(1, l + 1), ...line])));
  });
  for (const s of STRINGS) parts.push(bytesField(6, Buffer.from(s)));
  return Buffer.concat(parts);
}

const sample = (locations) => bytesField(2, Buffer.concat([packed(1, locations), packed(2, [1, 1000])]));

/**
 * A pprof whose one location holds `inlined` inlined frames, and whose `samples` samples each name it
 * `repeats` times: inlined × repeats × samples frames once expanded (200 M by default) from ~100 kB.
 */
export function inlineBomb({ inlined = 1000, repeats = 100, samples = 2000 } = {}) {
  const header = pprofHeader(inlined, [Array.from({ length: inlined }, (_, i) => i + 1)]);
  const one = sample(Array.from({ length: repeats }, () => 1));
  return repeatedGzip(Buffer.concat(Array.from({ length: 1000 }, () => one)), samples / 1000, header);
}

/** A pprof of `samples` one-frame samples (5 M by default, over the cap of 4 M), ~100 kB gzipped. */
export function sampleCountBomb({ samples = 5_000_000 } = {}) {
  const one = sample([1]);
  const chunk = Buffer.concat(Array.from({ length: 100_000 }, () => one));
  return repeatedGzip(chunk, Math.ceil(samples / 100_000), pprofHeader(1, [[1]]));
}

/** A small, valid pprof: the other side of a diff. */
export function smallPprof() {
  return gzipSync(Buffer.concat([pprofHeader(1, [[1]]), sample([1])]));
}

/**
 * A .cpuprofile whose call tree is one chain `depth` nodes deep; sampled at the leaf, or at every node
 * (then its stacks hold depth²/2 frames: 200 M for 20,000).
 */
export function deepChain({ depth = 20_000, everyNode = false } = {}) {
  const nodes = Array.from({ length: depth }, (_, i) => ({
    id: i + 1,
    callFrame: { functionName: `f${i + 1}`, url: 'file:///chain.js', lineNumber: i },
    children: i + 1 < depth ? [i + 2] : [],
  }));
  const samples = everyNode ? nodes.map((n) => n.id) : [depth, depth];
  return Buffer.from(
    JSON.stringify({ nodes, startTime: 0, endTime: 1000, samples, timeDeltas: samples.map(() => 100) }),
  );
}

export const BENCHMARK_KEY = 'bench/a.bench.js > a';

/** A shard's stacks.json.gz of one benchmark's head profile, `stacksText` inside it, as JSON text parts. */
function stacksJson(stacksText, slug) {
  const frames = [{ name: 'a', file: 'bench/a.bench.js', line: 1, kind: 'user' }];
  const [before, after] = JSON.stringify({
    stacks: { [BENCHMARK_KEY]: { head: { frames, stacks: ['STACKS'], ops: 1 } } },
    slugs: { [BENCHMARK_KEY]: slug },
  }).split('"STACKS"');
  return [Buffer.from(before + stacksText), Buffer.from(after)];
}

/** A valid stacks.json.gz, with the given slug (a traversal, for the hostile case). */
export function stacksFile(slug = '000-bench_a.bench.js-a') {
  const frames = [{ name: 'a', file: 'bench/a.bench.js', line: 1, kind: 'user' }];
  // One profile as src/profile/profile-json.ts writes it: the profile model's lists and sample type.
  const head = {
    frames,
    stackFrames: [0],
    stackStart: [0, 1],
    values: [1000],
    samples: [1],
    ops: 1,
    sampleType: { type: 'wall', unit: 'nanoseconds' },
  };
  return gzipSync(
    JSON.stringify({ stacks: { [BENCHMARK_KEY]: { head } }, slugs: { [BENCHMARK_KEY]: slug } }),
  );
}

/**
 * stacks.json.gz of `stacks` stack objects (2.5 M by default: 5 M JSON objects and arrays). Its shape
 * does not matter: it is refused by its count of JSON containers before any profile in it is read.
 */
export function stacksCountBomb({ stacks = 2_500_000 } = {}) {
  const [head, tail] = stacksJson('{"frames":[0],"ns":1,"samples":1}', '000-a');
  const chunk = Buffer.from(',{"frames":[0],"ns":1,"samples":1}'.repeat(100_000));
  return repeatedGzip(chunk, Math.ceil(stacks / 100_000), head, tail);
}

/**
 * A one-shard run's output directory for `flamegate merge`: a report of one benchmark and the given
 * stacks.json.gz bytes.
 */
export function writeShardDir(dir, stacksGz) {
  mkdirSync(dir, { recursive: true });
  const stats = { meanNs: 100, medianNs: 100, samples: 10 };
  const report = {
    schemaVersion: 1,
    verdict: 'pass',
    base: { ref: 'main', sha: '1'.repeat(40) },
    head: { ref: 'HEAD', sha: '2'.repeat(40) },
    benchmarks: [
      {
        name: 'a',
        file: 'bench/a.bench.js',
        status: 'unchanged',
        base: stats,
        head: stats,
        change: 0,
        ci: [0, 0],
        threshold: 0.05,
      },
    ],
    functions: [],
    failures: [],
    settings: { processes: 2, timePerProcessMs: 100, profileMs: 100, node: 'v20' },
    configFingerprint: 'cfg',
    shard: {
      index: 1,
      count: 1,
      benchmarks: 1,
      basis: 'estimate',
      estimatedMs: [1],
      planDigest: 'p',
      plan: { [BENCHMARK_KEY]: 1 },
    },
  };
  writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
  writeFileSync(join(dir, 'stacks.json.gz'), stacksGz);
}

/**
 * Runs `node dist/cli.js ...args` in `cwd`; resolves with its exit code, output, wall time and peak
 * resident memory (the process's maxRSS, all threads, recorded as it exits).
 */
export function runMeasured(args, cwd, { timeoutMs = 120_000, cli = CLI } = {}) {
  const rssFile = join(mkdtempSync(join(tmpdir(), 'flamegate-rss-')), 'peak');
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', PEAK_RSS_HOOK, cli, ...args], {
      cwd,
      env: { ...process.env, FLAMEGATE_PEAK_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let peakRssMb = Number.NaN;
      try {
        peakRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
      } catch {
        // Killed, or out of memory: no figure, and the exit code says why.
      }
      rmSync(dirname(rssFile), { recursive: true, force: true });
      resolve({
        code: code ?? -1,
        signal,
        stdout,
        stderr,
        seconds: (performance.now() - started) / 1000,
        peakRssMb,
      });
    });
  });
}
