// How long the end of a run keeps a user waiting, and in silence, when the checkouts hold a big
// node_modules: runs `flamegate compare` on the sample project whose install also copies flamegate's
// own node_modules into each checkout, with this worktree's dist/cli.js and with another revision's
// (default HEAD, i.e. the last commit), and prints for each: when comment.md was written, when the
// process exited, and the longest silence on stderr from the end of measuring to the exit.
//
//   node scripts/cleanup-timing.mjs [--before <rev>]
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { before: { type: 'string', default: 'HEAD' } } });
const heavy = realpathSync(join(root, 'node_modules'));
const files = Number(execFileSync('sh', ['-c', `find "${heavy}" | wc -l`], { encoding: 'utf8' }).trim());
const size = execFileSync('du', ['-sh', heavy], { encoding: 'utf8' }).split('\t')[0];

const git = (dir, ...args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'flamegate-cleanup-repo-'));
  cpSync(join(root, 'fixtures/sample-project'), dir, {
    recursive: true,
    filter: (src) => !src.includes('node_modules'),
  });
  writeFileSync(
    join(dir, '.github/flamegate.yml'),
    `install: npm ci --no-audit --no-fund && cp -R "${heavy}" heavy_node_modules
budget:
  processes: 2
  maxProcesses: 2
  timePerProcessMs: 50
  warmupMs: 20
  profileMs: 100
  profileProcesses: 1
  allocationProcesses: 0
`,
  );
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '-A');
  git(dir, '-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', 'base');
  return dir;
}

/** The given revision's dist/, unpacked next to a link to this worktree's node_modules. */
function distOf(rev) {
  const dir = mkdtempSync(join(tmpdir(), 'flamegate-cleanup-dist-'));
  execFileSync('sh', ['-c', `git -C "${root}" archive "${rev}" dist | tar -x -C "${dir}"`]);
  symlinkSync(heavy, join(dir, 'node_modules'));
  return join(dir, 'dist/cli.js');
}

function measure(cli, label) {
  const repo = fixture();
  const out = mkdtempSync(join(tmpdir(), 'flamegate-cleanup-out-'));
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [cli, 'compare', '--base', 'HEAD', '--head', 'HEAD', '--out', out, '--no-color'],
      { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const lines = [];
    child.stderr.on('data', (d) => {
      for (const text of String(d).split('\n')) if (text.trim()) lines.push({ at: Date.now(), text });
    });
    child.on('close', (code) => {
      const exited = Date.now();
      const written = statSync(join(out, 'comment.md')).mtimeMs;
      // From the last line of the measure stage to the exit: what the end of the run looks like.
      const last = lines.findLastIndex((l) => /^\s+\[(profiling|allocations)\]/.test(l.text));
      const tail = [...lines.slice(Math.max(0, last)).map((l) => l.at), exited];
      const silence = Math.max(...tail.slice(1).map((at, i) => at - (tail[i] ?? at)));
      const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
      console.log(
        `${label}: exit ${code}; comment.md written at ${s(written - started)}, exit at ${s(exited - started)}; ` +
          `longest silence from the end of measuring to the exit ${s(silence)}`,
      );
      const removal = lines.find((l) => l.text.includes('checkouts removed'));
      if (removal) console.log(`  ${removal.text.trim()}`);
      rmSync(repo, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
      resolve();
    });
  });
}

console.log(`each checkout also holds a copy of flamegate's node_modules: ${size}, ${files} files`);
const before = distOf(values.before);
await measure(before, `before (${git(root, 'rev-parse', '--short', values.before)})`);
await measure(join(root, 'dist/cli.js'), 'after (this worktree)');
rmSync(join(before, '../..'), { recursive: true, force: true });
