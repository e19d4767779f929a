// Checks that flamegate installs and runs as users get it: `npm pack`, install the tarball into an empty
// directory with production dependencies only, then run the installed CLI: --version, --help, the demo
// (which must end naming the slowed function), `compare` on the demo's repository and `diff` on the
// profiles the demo wrote. Run after `npm run build`; .ci/run calls it.
//
//   node scripts/check-pack.mjs [--keep]
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'flamegate-pack-'));
const started = Date.now();

function fail(message) {
  console.error(`check-pack: ${message}`);
  console.error(`check-pack: files kept in ${dir}`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) fail(`${cmd} ${args.join(' ')} did not start: ${result.error.message}`);
  return result;
}

function step(name) {
  console.log(`check-pack: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

if (!existsSync(join(root, 'dist/cli.js'))) fail('dist/cli.js is missing: run npm run build first');

step('npm pack');
const packed = run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root });
if (packed.status !== 0) fail(`npm pack failed:\n${packed.stderr}`);
const tarball = join(dir, JSON.parse(packed.stdout)[0].filename);

step(`install ${tarball} into an empty directory, production dependencies only`);
const app = join(dir, 'app');
mkdirSync(app);
writeFileSync(join(app, 'package.json'), '{ "name": "flamegate-pack-check", "private": true }\n');
const installed = run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', tarball], { cwd: app });
if (installed.status !== 0) fail(`installing the tarball failed:\n${installed.stderr}`);
const modules = readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'));
if (modules.join(',') !== 'flamegate') {
  fail(
    `installing flamegate brought other packages: ${modules.join(', ')} (dist/ is meant to be self-contained)`,
  );
}
const bin = join(app, 'node_modules/.bin/flamegate');
if (!existsSync(bin)) fail('the package installs no flamegate command (package.json "bin")');

step('flamegate --version, --help');
const version = run(bin, ['--version'], { cwd: app });
if (version.status !== 0 || version.stdout.trim() !== pkg.version) {
  fail(
    `flamegate --version printed "${version.stdout.trim()}" (exit ${version.status}), expected ${pkg.version}`,
  );
}
const help = run(bin, ['--help'], { cwd: app });
for (const word of ['flamegate compare', 'flamegate diff', 'flamegate demo']) {
  if (help.status !== 0 || !help.stdout.includes(word)) fail(`flamegate --help does not mention "${word}"`);
}

step('flamegate demo');
const demoDir = join(dir, 'demo');
const demo = run(bin, ['demo', '--out', demoDir, '--quiet'], { cwd: app });
const lastLine = demo.stdout.trim().split('\n').at(-1) ?? '';
if (demo.status !== 0 || !/^Blamed function: slowPath\b/.test(lastLine)) {
  fail(`flamegate demo exited ${demo.status} and ended with "${lastLine}"\n${demo.stdout}\n${demo.stderr}`);
}
console.log(`  ${lastLine}`);

step('flamegate compare on the demo repository (small budget)');
const compare = run(
  bin,
  [
    'compare',
    '--base',
    'HEAD~1',
    '--quiet',
    '--processes',
    '2',
    '--time',
    '100',
    '--benchmarks',
    'bench/records.bench.js',
  ],
  { cwd: join(demoDir, 'repo') },
);
if (compare.status !== 1 || !compare.stdout.includes('slowPath')) {
  fail(
    `flamegate compare exited ${compare.status} (expected 1, the regression) without naming slowPath:\n${compare.stdout}\n${compare.stderr}`,
  );
}

step('flamegate diff on the profiles the demo wrote');
const report = JSON.parse(readFileSync(join(demoDir, 'results/report.json'), 'utf8'));
const paths = report.profiles?.['bench/records.bench.js > parse records'];
if (!paths?.base || !paths?.head) fail('the demo report lists no profiles for "parse records"');
const rowsPath = join(dir, 'rows.json');
const diff = run(
  bin,
  [
    'diff',
    join(demoDir, 'results', paths.base),
    join(demoDir, 'results', paths.head),
    '--json',
    rowsPath,
    '--svg',
    join(dir, 'diff.svg'),
  ],
  { cwd: app },
);
if (diff.status !== 0) fail(`flamegate diff exited ${diff.status}:\n${diff.stderr}`);
const rows = JSON.parse(readFileSync(rowsPath, 'utf8'));
if (rows[0]?.name !== 'slowPath') fail(`flamegate diff --json names ${rows[0]?.name} first, not slowPath`);

step('done: the packed CLI installs and runs');
if (!keep) rmSync(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);
