// A pull request's processes do not outlive the run, and do not stall it: a cancelled Action stops
// every process and removes its worktrees and temp dir; a grandchild that holds the runner's stdout
// is killed instead of being waited for; install has a timeout; a crash names its signal and V8's
// fatal line. Real git, real npm installs, real processes, found in /proc afterwards.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { installAction, pullRequestPayload, runActionStep } from '../helpers/action-run.js';
import { CLI, runCli } from '../helpers/cli-run.js';
import { createFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js';
import { type GitHubServer, startGitHubServer } from '../helpers/github-server.js';
import { node24 } from '../helpers/node24.js';

/** Live processes whose command line contains `text` (zombies excluded: they hold nothing). */
function processesWith(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e) && Number(e) !== process.pid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(text)) found.push(`${pid}: ${cmdline}`);
    } catch {
      // ended meanwhile
    }
  }
  return found;
}

async function waitFor(what: string, condition: () => boolean, ms = 120_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function worktrees(dir: string): string[] {
  return execFileSync('git', ['worktree', 'list', '--porcelain'], { cwd: dir, encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.startsWith('worktree '));
}

/** A node that sleeps for 5 minutes, found again by the `marker` in its command line. */
const sleeper = (marker: string) => `"${process.execPath}" -e "setTimeout(() => {}, 300000)" ${marker}`;

/** Head's benchmark file starts a detached grandchild that inherits stdout and is unref()ed. */
function withGrandchild(repo: FixtureRepo, marker: string, tokenizeBody?: string): FixtureRepo {
  const file = join(repo.dir, 'bench/records.bench.js');
  let text = readFileSync(file, 'utf8').replace(
    "import { Bench } from 'tinybench';",
    "import { Bench } from 'tinybench';\nimport { spawn } from 'node:child_process';\n" +
      `spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300000)', '${marker}'], ` +
      "{ detached: true, stdio: ['ignore', 'inherit', 'inherit'] }).unref();",
  );
  if (tokenizeBody)
    text = text
      .replace("add('tokenize', () => {", `add('tokenize', () => {\n${tokenizeBody}`)
      .replace('let sink = 0;', 'let sink = 0;\nlet calls = 0;');
  writeFileSync(file, text);
  execFileSync('git', ['commit', '-q', '-a', '--amend', '--no-edit'], { cwd: repo.dir });
  const headSha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo.dir, encoding: 'utf8' }).trim();
  return { ...repo, headSha };
}

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'flamegate-cfg-')), 'flamegate.yml');
  writeFileSync(file, text);
  return file;
}

const flamegateTemps = (dir: string) => readdirSync(dir).filter((e) => e.startsWith('flamegate-'));

beforeAll(() => {
  if (process.platform !== 'linux') throw new Error('these tests read /proc');
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build (npm test does)');
});

describe('the Action cancelled mid-benchmark (SIGTERM)', () => {
  let server: GitHubServer;
  beforeAll(async () => {
    server = await startGitHubServer({ owner: 'acme', repo: 'widgets' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('stops every process, removes the worktrees and the temp dir, and exits 143', async () => {
    const marker = `flamegate-test-cancelled-${process.pid}`;
    const repo = withGrandchild(
      await createFixtureRepo('same', {
        // A long run (it is cancelled mid-benchmark), with the time for every benchmark: a plan that
        // left records.bench.js out would never load it, nor start its grandchild.
        config:
          'budget: { processes: 20, maxProcesses: 20, timePerProcessMs: 2000, allocationProcesses: 0, maxMinutes: 30 }\n',
      }),
      marker,
    );
    const actionDir = installAction();
    const temp = mkdtempSync(join(tmpdir(), 'flamegate-test-tmpdir-'));
    const runner = join(actionDir, 'dist/runner.js');
    const run = runActionStep({
      node: node24(),
      actionDir,
      workspace: repo.dir,
      repository: 'acme/widgets',
      apiUrl: server.url,
      payload: pullRequestPayload({ owner: 'acme', repo: 'widgets', pr: 3, ...repo }),
      env: { TMPDIR: temp },
    });
    // Mid-benchmark: a runner of the timing pass is measuring, and the benchmark's grandchild is alive.
    await waitFor(
      'a timing runner',
      () => processesWith(runner).some((p) => p.includes('job-timing')) && processesWith(marker).length > 0,
    );
    // The checkouts exist now (throwaway repositories in the temp dir), so their removal below means something.
    expect(flamegateTemps(temp)).not.toEqual([]);
    const [action] = processesWith(join(actionDir, 'dist/action.js'));
    const signalled = Date.now();
    process.kill(Number(action?.split(':')[0]), 'SIGTERM');
    const result = await run;
    // Done before the runner's SIGKILL, which follows its SIGTERM by a few seconds.
    const cleanupMs = Date.now() - signalled;
    console.log(`SIGTERM to exit: ${cleanupMs} ms`);
    expect(cleanupMs).toBeLessThan(5000);
    expect(result.code, result.stdout).toBe(143);
    expect(result.stdout).toContain('cancelled by SIGTERM');
    expect(processesWith(runner)).toEqual([]);
    expect(processesWith(marker)).toEqual([]);
    expect(processesWith(temp)).toEqual([]);
    expect(worktrees(repo.dir)).toHaveLength(1);
    expect(flamegateTemps(temp)).toEqual([]);
  }, 180_000);
});

describe('flamegate compare with hostile processes', () => {
  it('measures a benchmark whose grandchild holds stdout; an out-of-memory crash names SIGABRT and V8', async () => {
    const marker = `flamegate-test-grandchild-${process.pid}`;
    // tokenize exhausts a 64 MB heap on head once it is being measured (tinybench calls it at add).
    const repo = withGrandchild(
      await createFixtureRepo('same'),
      marker,
      '    if (++calls > 5) { const hog = []; for (;;) hog.push(new Array(100000).fill(1.5)); }',
    );
    const smallHeap = join(mkdtempSync(join(tmpdir(), 'flamegate-node-')), 'node');
    writeFileSync(smallHeap, `#!/bin/sh\nexec "${process.execPath}" --max-old-space-size=64 "$@"\n`);
    chmodSync(smallHeap, 0o755);
    // The install, too, leaves a process behind that holds its stdout.
    const config = configFile(
      `install: 'npm ci --no-audit --no-fund && (${sleeper(`${marker}-install`)} &)'\n` +
        'budget: { processes: 2, maxProcesses: 2, timePerProcessMs: 100, warmupMs: 20, profileMs: 100, ' +
        'profileProcesses: 1, allocationProcesses: 0, timeoutMs: 8000 }\n',
    );
    const out = mkdtempSync(join(tmpdir(), 'flamegate-out-'));
    const started = Date.now();
    const run = await runCli(
      [
        'compare',
        '--base',
        repo.baseSha,
        '--head',
        repo.headSha,
        '--config',
        config,
        '--node',
        smallHeap,
      ].concat(['--out', out, '--json', join(out, 'r.json'), '--quiet']),
      repo.dir,
    );
    const seconds = (Date.now() - started) / 1000;
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as Report;
    const byName = (name: string) => report.benchmarks.find((b) => b.name === name);
    for (const name of ['parse records', 'checksum lines']) {
      expect(byName(name)?.status, JSON.stringify(byName(name))).not.toBe('failed');
      expect(byName(name)?.base?.samples).toBeGreaterThan(0);
    }
    expect(JSON.stringify(report)).not.toContain('timed out');
    const tokenize = byName('tokenize');
    expect(tokenize?.status).toBe('failed');
    expect(tokenize?.error).toMatch(
      /^head: the benchmark process was killed by SIGABRT before it finished: /,
    );
    expect(tokenize?.error).toContain(
      'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
    );
    // Every process left behind was killed with its group.
    expect(processesWith(marker)).toEqual([]);
    expect(worktrees(repo.dir)).toHaveLength(1);
    // Each runner ends at its exit plus the grace for its pipes, not at budget.timeoutMs (8 s).
    expect(seconds).toBeLessThan(60);
  }, 180_000);

  it('stops an install that exceeds timeouts.install, with every process it started', async () => {
    const marker = `flamegate-test-install-${process.pid}`;
    const repo = await createFixtureRepo('same');
    const config = configFile(
      `install: '${sleeper(marker)} & ${sleeper(marker)}'\ntimeouts: { install: 0.05 }\n`,
    );
    const run = await runCli(['compare', '--base', repo.baseSha, '--config', config], repo.dir);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(
      /install timed out on (base|head) \(\w+ \w+\): `.+` was stopped, with every process it started, after 0\.05 min \(timeouts\.install in the config\)/,
    );
    expect(processesWith(marker)).toEqual([]);
    expect(worktrees(repo.dir)).toHaveLength(1);
  }, 60_000);

  it('on Ctrl-C during install: stops its processes, removes the worktrees and the temp dir, exits 130', async () => {
    const marker = `flamegate-test-sigint-${process.pid}`;
    const repo = await createFixtureRepo('same');
    const config = configFile(`install: '${sleeper(marker)} & ${sleeper(marker)}'\n`);
    const temp = mkdtempSync(join(tmpdir(), 'flamegate-test-tmpdir-'));
    const child = spawn(process.execPath, [CLI, 'compare', '--base', repo.baseSha, '--config', config], {
      cwd: repo.dir,
      env: { ...process.env, TMPDIR: temp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Both sides' installs: a shell and two sleepers each.
    await waitFor('both installs', () => processesWith(marker).length >= 4, 30_000);
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(processesWith(marker)).toEqual([]);
    expect(worktrees(repo.dir)).toHaveLength(1);
    expect(flamegateTemps(temp)).toEqual([]);
  }, 60_000);
});
