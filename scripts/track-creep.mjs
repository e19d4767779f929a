// Issue 25's creep figure, printed, never asserted: a release tag, then commits that each make one
// function about 1% slower (of its benchmark), `flamegate track` at each with `thresholds.drift: 3%`
// and the default budget, against a local bare repository as `origin`. Prints, per commit, the change
// against the release with its interval, the exit code, the first function named, and the wall time;
// then the history branch's size. The first commit over 3% should be the first to fail.
//
//   npm run build && node scripts/track-creep.mjs [--steps 5] [--node <path>]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { steps: { type: 'string', default: '5' }, node: { type: 'string' } },
});
const STEPS = Number(values.steps);
const cli = join(root, 'dist/cli.js');
const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

const scratch = mkdtempSync(join(tmpdir(), 'flamegate-track-creep-'));
try {
  const upstream = join(scratch, 'upstream');
  cpSync(join(root, 'fixtures/sample-project'), upstream, {
    recursive: true,
    filter: (src) => !src.includes('node_modules'),
  });
  // The default budget (the 1% gate), drift 3%; only the benchmark that runs slowPath.
  writeFileSync(
    join(upstream, '.github/flamegate.yml'),
    'thresholds:\n  drift: 3%\nbenchmarks: "bench/records.bench.js"\n',
  );
  // The loop's bound keeps one form at every commit (`WORK * 8 + k`): a literal bound lets V8 compile
  // the loop differently, a change of its own far larger than the 1% steps.
  const records = join(upstream, 'src/records.js');
  const bound = (extra) =>
    writeFileSync(
      records,
      readFileSync(records, 'utf8').replace(/i < WORK \* 8( \+ \d+)?;/, `i < WORK * 8 + ${extra};`),
    );
  bound(0);
  git(upstream, 'init', '-q', '-b', 'main');
  git(upstream, 'config', 'user.email', 'creep@example.com');
  git(upstream, 'config', 'user.name', 'creep');
  git(upstream, 'add', '-A');
  git(upstream, 'commit', '-q', '-m', 'release');
  git(upstream, 'tag', 'v1.0.0');
  // slowPath's loop is WORK * 8 = 320 iterations, nearly all of `parse records`: +1% (3.2) each step.
  for (let step = 1; step <= STEPS; step++) {
    bound(Math.round(3.2 * step));
    git(upstream, 'commit', '-q', '-am', `slowPath +${step}%`);
  }
  const origin = join(scratch, 'origin.git');
  git(scratch, 'clone', '-q', '--bare', upstream, origin);
  const work = join(scratch, 'work');
  git(scratch, 'clone', '-q', origin, work);
  const commits = git(work, 'rev-list', '--reverse', 'v1.0.0..origin/main').split('\n');
  console.log(
    `track runs at ${commits.length} commits, each ~+1% of "parse records" over the last, drift 3%`,
  );
  for (const [i, sha] of commits.entries()) {
    git(work, 'checkout', '-q', '--detach', sha);
    const out = join(scratch, `out-${i}`);
    const started = Date.now();
    const args = [
      cli,
      'track',
      '--out',
      out,
      '--quiet',
      '--no-color',
      ...(values.node ? ['--node', values.node] : []),
    ];
    const run = spawnSync(process.execPath, args, { cwd: work, encoding: 'utf8' });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const b = report.benchmarks.find((x) => x.name === 'parse records');
    const fn = report.functions.filter((f) => f.benchmark.endsWith('> parse records'))[0];
    const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
    console.log(
      `step ${i + 1} (${sha.slice(0, 7)}): ${pct(b.change)} (95% CI ${pct(b.ci[0])} … ${pct(b.ci[1])}) ${b.status}` +
        `${b.confirmation ? `, confirmation ${pct(b.confirmation.change)}` : ''}; exit ${run.status}; first function ${fn?.name ?? '–'}; ${seconds} s`,
    );
  }
  git(origin, 'gc', '-q');
  console.log(
    git(origin, 'count-objects', '-vH')
      .split('\n')
      .filter((l) => l.startsWith('size-pack'))
      .join(''),
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
