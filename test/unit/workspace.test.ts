import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/settings.js';
import { resolveBase } from '../../src/workspace/base.js';
import { listBenchmarkFiles } from '../../src/workspace/files.js';
import {
  type Checkout,
  createWorkspace,
  planInstall,
  readAtRevision,
} from '../../src/workspace/workspace.js';

function checkoutIn(files: Record<string, string>, sub = ''): Checkout {
  const root = mkdtempSync(join(tmpdir(), 'flamegate-ws-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return {
    side: 'head',
    revision: { ref: 'HEAD', sha: 'f'.repeat(40) },
    root,
    dir: sub ? join(root, sub) : root,
  };
}

function gitRepo(): { dir: string; first: string; second: string } {
  const dir = mkdtempSync(join(tmpdir(), 'flamegate-git-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 't');
  mkdirSync(join(dir, 'pkg'));
  writeFileSync(join(dir, 'pkg/a.txt'), 'one\n');
  git('add', '-A');
  git('commit', '-qm', 'one');
  const first = git('rev-parse', 'HEAD');
  writeFileSync(join(dir, 'pkg/a.txt'), 'two\n');
  git('commit', '-qam', 'two');
  return { dir, first, second: git('rev-parse', 'HEAD') };
}

describe('install plan', () => {
  it('picks the package manager from the lockfile', () => {
    expect(planInstall(checkoutIn({ 'package-lock.json': '{}' }))?.command).toMatch(/^npm ci/);
    expect(planInstall(checkoutIn({ 'pnpm-lock.yaml': '' }))?.command).toMatch(
      /^pnpm install --frozen-lockfile/,
    );
    expect(planInstall(checkoutIn({ 'yarn.lock': '' }))?.command).toBe('yarn install --frozen-lockfile');
    expect(planInstall(checkoutIn({ 'yarn.lock': '', '.yarnrc.yml': '' }))?.command).toBe(
      'yarn install --immutable',
    );
    expect(planInstall(checkoutIn({ 'bun.lock': '' }))?.command).toMatch(/^bun install/);
  });

  it('walks up to the lockfile of a monorepo and installs there', () => {
    const checkout = checkoutIn(
      { 'pnpm-lock.yaml': '', 'packages/core/package.json': '{}' },
      'packages/core',
    );
    const plan = planInstall(checkout);
    expect(plan?.dir).toBe(checkout.root);
    expect(plan?.command).toMatch(/^pnpm/);
  });

  it('uses the configured command in the working directory', () => {
    const checkout = checkoutIn({ 'package-lock.json': '{}' });
    expect(planInstall(checkout, 'make deps')).toEqual({ dir: checkout.dir, command: 'make deps' });
  });

  it('falls back to npm install with a package.json and no lockfile, and to nothing without one', () => {
    expect(planInstall(checkoutIn({ 'package.json': '{}' }))?.command).toMatch(/^npm install/);
    expect(planInstall(checkoutIn({ 'a.js': '' }))).toBeUndefined();
  });
});

describe('benchmark files', () => {
  it('matches the globs, never inside node_modules, and honours exclude', async () => {
    const c = checkoutIn({
      'bench/a.bench.ts': '',
      'bench/legacy/b.bench.js': '',
      'src/c.bench.mjs': '',
      'src/d.js': '',
      'node_modules/x/e.bench.js': '',
    });
    expect(await listBenchmarkFiles(c.dir, ['**/*.bench.{js,mjs,cjs,ts,mts}'], [])).toEqual([
      'bench/a.bench.ts',
      'bench/legacy/b.bench.js',
      'src/c.bench.mjs',
    ]);
    expect(await listBenchmarkFiles(c.dir, ['**/*.bench.*'], ['bench/legacy/**'])).toEqual([
      'bench/a.bench.ts',
      'src/c.bench.mjs',
    ]);
  });
});

describe('checkouts', () => {
  it('checks out both revisions side by side and removes them on dispose', async () => {
    const repo = gitRepo();
    const config = readFileSync(join(repo.dir, '.git/config'), 'utf8');
    const ws = await createWorkspace({ cwd: join(repo.dir, 'pkg'), base: repo.first, head: 'HEAD' });
    try {
      // Each checkout is a git repository of its own (builds may call git), whose config is its own.
      const inHead = (...args: string[]) =>
        execFileSync('git', args, { cwd: ws.head.dir, encoding: 'utf8' }).trim();
      expect(inHead('rev-parse', 'HEAD')).toBe(repo.second);
      expect(inHead('status', '--porcelain')).toBe('');
      inHead('config', 'core.fsmonitor', 'planted');
      expect(readFileSync(join(repo.dir, '.git/config'), 'utf8')).toBe(config);
      expect(execFileSync('git', ['worktree', 'list'], { cwd: repo.dir, encoding: 'utf8' })).not.toContain(
        ws.head.root,
      );
      expect(ws.prefix).toBe('pkg');
      expect(ws.base.revision.sha).toBe(repo.first);
      expect(ws.head.revision.sha).toBe(repo.second);
      expect(execFileSync('cat', [join(ws.base.dir, 'a.txt')], { encoding: 'utf8' })).toBe('one\n');
      expect(execFileSync('cat', [join(ws.head.dir, 'a.txt')], { encoding: 'utf8' })).toBe('two\n');
      expect(await readAtRevision(ws.repoRoot, repo.first, 'pkg/a.txt')).toBe('one\n');
      expect(await readAtRevision(ws.repoRoot, repo.first, 'missing.txt')).toBeUndefined();
    } finally {
      await ws.dispose();
    }
    expect(existsSync(ws.base.root)).toBe(false);
    expect(existsSync(ws.head.root)).toBe(false);
    expect(existsSync(dirname(ws.head.root))).toBe(false);
    const list = execFileSync('git', ['worktree', 'list'], { cwd: repo.dir, encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(list).toHaveLength(1);
  });

  it('checks out an old revision of a partial clone, whose blobs the clone has not fetched yet', async () => {
    const origin = gitRepo();
    execFileSync('git', ['config', 'uploadpack.allowFilter', 'true'], { cwd: origin.dir });
    const dir = mkdtempSync(join(tmpdir(), 'flamegate-partial-'));
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${origin.dir}`, dir]);
    const missing = execFileSync('git', ['rev-list', '--objects', '--missing=print', origin.first], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(missing).toMatch(/^\?/m);
    const ws = await createWorkspace({ cwd: dir, base: origin.first, head: 'HEAD' });
    try {
      expect(readFileSync(join(ws.base.dir, 'pkg/a.txt'), 'utf8')).toBe('one\n');
      expect(readFileSync(join(ws.head.dir, 'pkg/a.txt'), 'utf8')).toBe('two\n');
    } finally {
      await ws.dispose();
    }
  });

  it('names a missing revision', async () => {
    const repo = gitRepo();
    await expect(createWorkspace({ cwd: repo.dir, base: 'v9.9.9', head: 'HEAD' })).rejects.toThrow(
      UsageError,
    );
    await expect(createWorkspace({ cwd: repo.dir, base: 'v9.9.9', head: 'HEAD' })).rejects.toThrow(
      /"v9\.9\.9"/,
    );
  });
});

describe('resolveBase (the Action base revision)', () => {
  it('keeps the base in pr-base mode, and takes the merge-base with HEAD in merge-base mode', async () => {
    const { dir, first, second } = gitRepo();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
    // A base branch that moved on after the pull request branched off at `first`.
    git('checkout', '-q', '-b', 'feature', first);
    writeFileSync(join(dir, 'pkg/b.txt'), 'feature\n');
    git('add', '-A');
    git('commit', '-qm', 'feature');
    const progress: string[] = [];
    const options = { base: second, baseSha: second, onProgress: (l: string) => progress.push(l) };
    expect(await resolveBase(join(dir, 'pkg'), { ...options, mode: 'pr-base' })).toBe(second);
    expect(await resolveBase(join(dir, 'pkg'), { ...options, mode: 'merge-base' })).toBe(first);
    // The commit was present: nothing fetched.
    expect(progress).toEqual([]);
  });

  it('names merge-base mode and the fix when git finds no merge-base', async () => {
    const { dir } = gitRepo();
    await expect(resolveBase(dir, { base: 'no-such-branch', mode: 'merge-base' })).rejects.toThrow(
      /base-mode merge-base: git merge-base no-such-branch HEAD failed .*fetch-depth: 0/,
    );
  });
});
