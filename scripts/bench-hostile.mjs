// Runs `flamegate diff` and `flamegate merge` on hostile inputs (scripts/hostile-inputs.mjs) and prints,
// per input, the stored size, the exit code, the wall time, the peak resident memory and the message.
//
//   node scripts/bench-hostile.mjs [--cli PATH]
//
// It runs dist/cli.js (npm run build first); --cli runs another build, e.g. an older one to compare.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  deepChain,
  gzipBomb,
  inlineBomb,
  runMeasured,
  sampleCountBomb,
  smallPprof,
  stacksCountBomb,
  stacksFile,
  writeShardDir,
} from './hostile-inputs.mjs';

const args = process.argv.slice(2);
const cliAt = args.indexOf('--cli');
const cli = cliAt >= 0 ? resolve(args[cliAt + 1] ?? '') : undefined;

const dir = mkdtempSync(join(tmpdir(), 'flamegate-hostile-'));
const file = (name, bytes) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, kb: bytes.length / 1024 };
};
const shard = (name, stacks) => {
  const path = join(dir, name);
  writeShardDir(path, stacks);
  return { path, kb: stacks.length / 1024 };
};

const small = file('small.pb.gz', smallPprof());
const cases = [
  [
    'diff: gzip bomb (1 GB of zeros)',
    file('gzip-bomb.pb.gz', gzipBomb(1024)),
    (f) => ['diff', small.path, f],
  ],
  [
    'diff: pprof, inlined frames (200 M expanded)',
    file('inline-bomb.pb.gz', inlineBomb()),
    (f) => ['diff', small.path, f],
  ],
  ['diff: pprof, 5 M samples', file('samples-bomb.pb.gz', sampleCountBomb()), (f) => ['diff', small.path, f]],
  [
    'diff: .cpuprofile, 20,000-deep chain, every node sampled',
    file('chain.cpuprofile', deepChain({ depth: 20_000, everyNode: true })),
    (f) => ['diff', f, f],
  ],
  [
    'diff: .cpuprofile, 20,000-deep chain, leaf sampled',
    file('chain-leaf.cpuprofile', deepChain({ depth: 20_000 })),
    (f) => ['diff', f, f],
  ],
  [
    'merge: stacks.json.gz gzip bomb (1 GB)',
    shard('shard-gzip', gzipBomb(1024)),
    (d) => ['merge', d, '--out', join(dir, 'out-1')],
  ],
  [
    'merge: stacks.json.gz, 2.5 M stacks',
    shard('shard-stacks', stacksCountBomb()),
    (d) => ['merge', d, '--out', join(dir, 'out-2')],
  ],
  [
    'merge: slug ../../x',
    shard('shard-slug', stacksFile('../../x')),
    (d) => ['merge', d, '--out', join(dir, 'out-3')],
  ],
];

console.log(`flamegate ${cli ?? 'dist/cli.js'} on hostile inputs (Node ${process.version})`);
for (const [name, input, argv] of cases) {
  const run = await runMeasured(argv(input.path), dir, cli ? { cli } : {});
  const message = run.stderr.split('\n').find((l) => l.trim()) ?? '';
  const rss = Number.isNaN(run.peakRssMb) ? 'n/a' : `${run.peakRssMb.toFixed(0)} MB`;
  console.log(
    `${name}\n  stored ${input.kb.toFixed(0)} kB, exit ${run.signal ?? run.code}, ${run.seconds.toFixed(2)} s, peak RSS ${rss}\n  ${message}`,
  );
}
rmSync(dir, { recursive: true, force: true });
