// The size of the history branch after N track runs (issue 25's figure): a bare repository as origin,
// one clone, N appendRun calls of a realistic entry (20 benchmarks, 5 movers each) with a trend page
// that embeds every entry's JSON, then `git count-objects -vH` of the bare repository.
//
//   node scripts/history-size.mjs [--runs 100] [--benchmarks 20] [--max-runs 1000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    benchmarks: { type: 'string', default: '20' },
    'max-runs': { type: 'string', default: '1000' },
  },
});
const RUNS = Number(values.runs);
const BENCHMARKS = Number(values.benchmarks);

const scratch = mkdtempSync(join(tmpdir(), 'flamegate-history-size-'));
try {
  // The store is TypeScript: bundle it (as scripts/build.mjs bundles the CLI) and import the bundle.
  const bundle = join(scratch, 'store.mjs');
  await build({
    stdin: {
      contents: "export { appendRun } from './src/history/store.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'error',
  });
  const { appendRun } = await import(bundle);

  const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  const origin = join(scratch, 'origin.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
  const clone = join(scratch, 'clone');
  execFileSync('git', ['init', '-q', '-b', 'main', clone]);
  git(clone, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'main');
  git(clone, 'remote', 'add', 'origin', origin);
  git(clone, 'push', '-q', 'origin', 'main');

  const hex = (n, seed) => ((seed * 2654435761) >>> 0).toString(16).padStart(8, '0').repeat(8).slice(0, n);
  const entry = (run) => {
    const change = 0.004 * run;
    return {
      schemaVersion: 1,
      time: new Date(Date.UTC(2025, 0, 1) + run * 3_600_000).toISOString(),
      commit: { ref: 'main', sha: hex(40, run + 1) },
      anchor: { ref: 'v2.3.0', sha: hex(40, 7), tag: 'v2.3.0' },
      verdict: 'pass',
      drift: 0.05,
      runUrl: `https://github.com/owner/repo/actions/runs/${10_000_000 + run}`,
      benchmarks: Array.from({ length: BENCHMARKS }, (_, b) => ({
        name: `parse records of size ${b * 100}`,
        file: `bench/parser-${b % 4}.bench.ts`,
        status: 'unchanged',
        change: change + b * 0.0003,
        ci: [change - 0.006, change + 0.006],
        baseNs: 12_345.678 + b,
        headNs: (12_345.678 + b) * (1 + change),
        movers: Array.from({ length: 5 }, (_, m) => ({
          name: `Parser.prototype.readField${m}`,
          file: `src/parser/field-${m}.ts`,
          ...(m === 4 ? { package: 'fast-decode' } : {}),
          deltaNsPerOp: (50 - m * 9) * (1 + run / 100),
          shareOfBenchmark: (50 - m * 9) / 12_345,
        })),
      })),
    };
  };
  const page = (entries) =>
    `<!doctype html><meta charset="utf-8"><title>flamegate trend</title><script type="application/json">${JSON.stringify(entries)}</script>\n`;

  const started = performance.now();
  for (let run = 0; run < RUNS; run++) {
    await appendRun(clone, entry(run), { page, maxRuns: Number(values['max-runs']) });
  }
  const seconds = (performance.now() - started) / 1000;
  const entryBytes = Buffer.byteLength(`${JSON.stringify(entry(0), null, 1)}\n`);
  console.log(
    `${RUNS} runs of ${BENCHMARKS} benchmarks appended in ${seconds.toFixed(1)} s (${((seconds / RUNS) * 1000).toFixed(0)} ms a run); one run file: ${entryBytes} bytes`,
  );
  console.log(
    `tip tree: ${git(origin, 'ls-tree', '-r', '--name-only', 'flamegate-data').split('\n').length} files`,
  );
  console.log('git count-objects -vH of the bare origin (loose, as pushed):');
  console.log(git(origin, 'count-objects', '-vH'));
  git(origin, 'gc', '-q');
  console.log('after git gc (packed, as a host stores it):');
  console.log(git(origin, 'count-objects', '-vH'));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
