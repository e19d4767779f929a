import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planAction } from '../../src/action/inputs.js';
import { UsageError } from '../../src/settings.js';
import { expandPackages, listPackageFiles, packageDirOf } from '../../src/workspace/packages.js';

function env(
  eventName: string,
  payload: unknown,
  inputs: Record<string, string> = {},
): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'flamegate-inputs-'));
  const path = join(dir, 'event.json');
  writeFileSync(path, JSON.stringify(payload));
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_WORKSPACE: dir,
    GITHUB_RUN_ID: '9',
    GITHUB_JOB: 'perf',
    GITHUB_WORKFLOW: 'ci',
    RUNNER_TEMP: '/runner/tmp',
    INPUT_COMMENT: 'always',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
}

const pr = {
  pull_request: { number: 12, base: { sha: '1'.repeat(40), repo: { full_name: 'acme/widgets' } } },
};

describe('shard, merge and monorepo inputs', () => {
  it('a shard job measures its share, never comments or fails, and has its own output folder', () => {
    const plan = planAction(env('pull_request', pr, { shard: '2/3' }));
    expect(plan.settings.shard).toEqual({ index: 2, count: 3 });
    expect(plan.options.shard).toEqual({ index: 2, count: 3 });
    expect(plan.options.comment).toBe('never');
    expect(plan.options.failOnRegression).toBe(false);
    expect(plan.settings.outDir).toBe('/runner/tmp/flamegate-9-perf-shard-2-of-3');
    expect(plan.options.shardArtifactPrefix).toBe('flamegate-shard-');
    expect(
      planAction(env('pull_request', pr, { shard: '1/2', 'comment-key': 'node 24' })).options
        .shardArtifactPrefix,
    ).toBe('flamegate-node-24-shard-');
  });

  it.each(['0/2', '5/4', 'two', '1-2'])('refuses shard "%s" naming the input and the value', (value) => {
    expect(() => planAction(env('pull_request', pr, { shard: value }))).toThrow(UsageError);
    expect(() => planAction(env('pull_request', pr, { shard: value }))).toThrow(`input "shard" must be i/N`);
    expect(() => planAction(env('pull_request', pr, { shard: value }))).toThrow(`got "${value}"`);
  });

  it('merge mode needs no base revision, takes a shards directory, and refuses a shard value', () => {
    const plan = planAction(env('workflow_dispatch', {}, { mode: 'merge', 'shards-dir': 'results' }));
    expect(plan.options.mode).toBe('merge');
    expect(plan.options.shardsDir).toMatch(/\/results$/);
    expect(() => planAction(env('pull_request', pr, { mode: 'merge', shard: '1/2' }))).toThrow(
      'input "shard" ("1/2") is for the shard jobs',
    );
    expect(() => planAction(env('pull_request', pr, { mode: 'combine' }))).toThrow(
      'input "mode" must be measure, merge or track, got "combine"',
    );
  });

  it('several working directories or a glob make a monorepo run at the workspace root', () => {
    const e = env('pull_request', pr, { 'working-directory': 'packages/*' });
    const glob = planAction(e);
    expect(glob.settings.packages).toEqual(['packages/*']);
    expect(glob.settings.cwd).toBe(e.GITHUB_WORKSPACE);
    const list = planAction(env('pull_request', pr, { 'working-directory': 'apps/web\nlibs/core' }));
    expect(list.settings.packages).toEqual(['apps/web', 'libs/core']);
    const one = planAction(env('pull_request', pr, { 'working-directory': 'libs/core' }));
    expect(one.settings.packages).toBeUndefined();
    expect(one.settings.cwd).toMatch(/\/libs\/core$/);
  });

  it('reads costs from a previous report, and names a file that is not one', () => {
    const e = env('pull_request', pr, { shard: '1/2', costs: 'last.json' });
    writeFileSync(
      join(e.GITHUB_WORKSPACE as string, 'last.json'),
      JSON.stringify({ benchmarks: [{ file: 'b.js', name: 'x', costMs: 5 }] }),
    );
    expect(planAction(e).settings.costs).toEqual({ 'b.js > x': 5 });
    expect(() => planAction(env('pull_request', pr, { costs: 'nope.json' }))).toThrow(
      /input "costs": cannot read .*nope\.json as a flamegate JSON report/,
    );
  });
});

describe('packages', () => {
  it('expands globs to directories with a package.json, keeps plain paths, and names files relative to the root', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flamegate-mono-'));
    for (const pkg of ['packages/a', 'packages/b', 'packages/notes', 'tools/x']) {
      mkdirSync(join(root, pkg, 'bench'), { recursive: true });
      if (pkg !== 'packages/notes') writeFileSync(join(root, pkg, 'package.json'), '{}');
      writeFileSync(join(root, pkg, 'bench', 'x.bench.js'), '');
    }
    mkdirSync(join(root, 'packages/a/node_modules/dep'), { recursive: true });
    writeFileSync(join(root, 'packages/a/node_modules/dep/package.json'), '{}');
    expect(await expandPackages(root, ['packages/*'])).toEqual(['packages/a', 'packages/b']);
    expect(await expandPackages(root, ['tools/x', 'packages/b', 'missing'])).toEqual([
      'packages/b',
      'tools/x',
    ]);
    expect(await listPackageFiles(root, ['packages/a', 'packages/b'], ['**/*.bench.js'], [])).toEqual([
      'packages/a/bench/x.bench.js',
      'packages/b/bench/x.bench.js',
    ]);
    expect(packageDirOf('packages/a/bench/x.bench.js', ['packages/a', 'packages/ab'])).toBe('packages/a');
    expect(packageDirOf('packages/ab/x.js', ['packages/a', 'packages/ab'])).toBe('packages/ab');
    expect(packageDirOf('other/x.js', ['packages/a'])).toBeUndefined();
  });
});
