// A pull request that attacks flamegate's own git: its postinstall plants a textconv, an fsmonitor and
// a hooks path in every git config it can reach from its checkout, its head adds a .gitattributes that
// names them, and it commits `src/x.js -> /dev/zero`. The user's repository also already holds such
// settings (an earlier step of the job could have written them to .git/config by absolute path, as
// same-user code can). One real `flamegate compare` on it.
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { CLI } from '../helpers/cli-run.js';
import { createFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js';

const CONFIG =
  'budget: { processes: 2, timePerProcessMs: 100, warmupMs: 20, profileMs: 100, allocationProcesses: 0 }\n';
/** flamegate's own memory may not grow past this; reading /dev/zero would. */
const RSS_LIMIT_KB = 1024 * 1024;
const HOOKS = [
  'post-checkout',
  'post-index-change',
  'reference-transaction',
  'pre-auto-gc',
  'post-merge',
  'post-rewrite',
  'pre-commit',
  'push-to-checkout',
];

/** The test's own git in the planted repository, with the planted settings switched off. */
function safeGit(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
  }).trim();
}

/** Commands that leave a `<who>-<name>-ran` marker when something runs them, as git settings. */
function plantedCommands(markers: string, who: string): Record<string, string> {
  const script = (name: string, body = '') => {
    const path = join(markers, `${who}-${name}.sh`);
    writeFileSync(path, `#!/bin/sh\ntouch "${markers}/${who}-${name}-ran"\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };
  const hooks = join(markers, `${who}-hooks`);
  mkdirSync(hooks);
  for (const hook of HOOKS) symlinkSync(script(`hook-${hook}`), join(hooks, hook));
  return {
    'diff.x.textconv': script('textconv', 'cat "$1"'),
    'core.fsmonitor': script('fsmonitor', 'exit 1'),
    'core.hooksPath': hooks,
    'filter.x.smudge': script('smudge', 'cat'),
    'filter.x.clean': script('clean', 'cat'),
  };
}

/** The head's postinstall: plants the settings through `git config` in its checkout, and in every .git/config above it. */
function plantScript(settings: Record<string, string>, markers: string): string {
  return `const { execFileSync } = require('node:child_process');
const { appendFileSync, existsSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const settings = ${JSON.stringify(settings)};
for (const [key, value] of Object.entries(settings)) execFileSync('git', ['config', key, value]);
const text = '[core]\\n\\thooksPath = ' + settings['core.hooksPath'] + '\\n\\tfsmonitor = ' +
  settings['core.fsmonitor'] + '\\n[diff "x"]\\n\\ttextconv = ' + settings['diff.x.textconv'] + '\\n';
for (let dir = process.cwd(); ; dir = dirname(dir)) {
  if (existsSync(join(dir, '.git', 'config'))) appendFileSync(join(dir, '.git', 'config'), text);
  if (dirname(dir) === dir) break;
}
writeFileSync(${JSON.stringify(markers)} + '/planted-' + process.pid, process.cwd());
`;
}

async function hostileRepo(markers: string): Promise<FixtureRepo> {
  const repo = await createFixtureRepo('same', { config: CONFIG });
  writeFileSync(join(repo.dir, 'plant.cjs'), plantScript(plantedCommands(markers, 'pr'), markers));
  const pkg = JSON.parse(readFileSync(join(repo.dir, 'package.json'), 'utf8'));
  pkg.scripts = { postinstall: 'node plant.cjs' };
  writeFileSync(join(repo.dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(join(repo.dir, '.gitattributes'), '* diff=x filter=x\n');
  symlinkSync('/dev/zero', join(repo.dir, 'src/x.js'));
  safeGit(repo.dir, 'add', '-A');
  safeGit(repo.dir, 'commit', '-q', '--amend', '-m', 'head: plants git settings, links /dev/zero');
  // What same-user code of an earlier step could have written to the user's .git/config directly.
  for (const [key, value] of Object.entries(plantedCommands(markers, 'earlier'))) {
    safeGit(repo.dir, 'config', key, value);
  }
  return { ...repo, headSha: safeGit(repo.dir, 'rev-parse', 'HEAD') };
}

interface WatchedRun {
  code: number | null;
  stderr: string;
  /** flamegate's peak resident memory (VmHWM), KB, as last seen. */
  peakKb: number;
}

/** Runs the CLI; kills it if its memory passes the limit, so that a regression cannot take the machine down. */
function runWatched(args: string[], cwd: string): Promise<WatchedRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peakKb = 0;
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const watch = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        return;
      }
      if (peakKb > RSS_LIMIT_KB) child.kill('SIGKILL');
    }, 100);
    child.on('close', (code) => {
      clearInterval(watch);
      resolve({ code, stderr, peakKb });
    });
  });
}

describe('flamegate compare: a pull request that plants git settings', () => {
  let repo: FixtureRepo;
  let markers: string;
  let configBefore: string;
  let run: WatchedRun;
  let report: Report | undefined;

  beforeAll(async () => {
    markers = mkdtempSync(join(tmpdir(), 'flamegate-markers-'));
    repo = await hostileRepo(markers);
    configBefore = readFileSync(join(repo.dir, '.git/config'), 'utf8');
    const json = join(mkdtempSync(join(tmpdir(), 'flamegate-out-')), 'r.json');
    run = await runWatched(['compare', '--base', repo.baseSha, '--json', json], repo.dir);
    console.log(`flamegate peak RSS: ${Math.round(run.peakKb / 1024)} MB`);
    if (existsSync(json)) report = JSON.parse(readFileSync(json, 'utf8'));
  });

  it('completes, and its postinstall ran its attack', () => {
    // The verdict on this noisy machine does not matter here.
    expect([0, 1], run.stderr).toContain(run.code);
    expect(report?.head.sha).toBe(repo.headSha);
    expect(readdirSync(markers).filter((name) => name.startsWith('planted-'))).toHaveLength(1);
  });

  it('runs none of the planted commands: no textconv, fsmonitor, hook or filter', () => {
    expect(readdirSync(markers).filter((name) => name.endsWith('-ran'))).toEqual([]);
  });

  it("leaves the user's .git/config byte-identical and `git worktree list` clean", () => {
    expect(readFileSync(join(repo.dir, '.git/config'), 'utf8')).toBe(configBefore);
    expect(safeGit(repo.dir, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
  });

  it('does not read the committed link to /dev/zero (its memory stays small)', () => {
    expect(run.peakKb).toBeGreaterThan(0);
    expect(run.peakKb).toBeLessThan(RSS_LIMIT_KB);
  });
});
