// A run that measured nothing is no verdict: a repository whose every benchmark fails to load on both
// sides gets exit 2 with what to fix, never a pass; `thresholds.failed: warn` lets it pass, loudly.
// Nothing here is timed (every file fails while loading), so both runs take seconds.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { installAction, pullRequestPayload, runActionStep } from '../helpers/action-run.js';
import { CLI, type CliRun, runCli } from '../helpers/cli-run.js';
import { type GitHubServer, startGitHubServer } from '../helpers/github-server.js';
import { node24 } from '../helpers/node24.js';
import { createRepo, type Repo } from '../helpers/vitest-repo.js';

interface Run extends CliRun {
  report: Report;
  markdown: string;
  /** The run's report.json, for the Action to publish. */
  reportPath: string;
}

async function compare(repo: Repo, extra: string[] = []): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), 'flamegate-out-'));
  const result = await runCli(
    ['compare', '--base', repo.baseSha, '--head', repo.headSha, '--out', out, '--no-color', ...extra],
    repo.dir,
  );
  const reportPath = join(out, 'report.json');
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
  return { ...result, report, reportPath, markdown: readFileSync(join(out, 'comment.md'), 'utf8') };
}

// Two bench files, both failing on both sides: one throws at import, one is a vitest file in a
// repository with a .pnp.cjs (Yarn Plug'n'Play) and no node_modules.
let repo: Repo;
let errorRun: Run | undefined;
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build (npm test does)');
  repo = createRepo('nothing-measured', [
    { file: 'bench/throws.bench.js', from: 'on base and on head alike', to: 'on base and on head (edited)' },
  ]);
});

describe('a run that measured nothing on both sides', () => {
  it('is an error (exit 2) that says what failed and why, in the terminal, the comment and the report', async () => {
    const run = await compare(repo);
    errorRun = run;
    expect(run.code, `${run.stderr}\n${run.stdout}`).toBe(2);
    const { report } = run;
    expect(report.measured).toEqual({ both: 0, failedOnBoth: 2, onNothing: 'error' });
    expect(report.nothingMeasured).toMatch(
      /^nothing was measured on both sides, so this run is no verdict on the pull request: 2 benchmarks failed on both base and head/,
    );
    // Each distinct error is named, with a benchmark it stopped: they say what to fix.
    expect(report.nothingMeasured).toContain(
      'bench/throws.bench.js > (load): Error: fixtures.json is missing: run `npm run fixtures`',
    );
    expect(report.nothingMeasured).toContain(
      "bench/grouping.bench.js > (load): Error: this repository uses Yarn Plug'n'Play",
    );
    // The terminal's verdict line and stderr say it; no PASS anywhere.
    expect(run.stdout).toMatch(/Verdict: ERROR \(nothing was measured on both sides, see below\)/);
    expect(run.stdout).not.toMatch(/PASS/);
    expect(run.stderr).toMatch(/flamegate: error: nothing was measured on both sides/);
    expect(run.stderr).toContain('thresholds.failed: warn');
    // The comment's first line (after the marker) is the error, then the message with the fix.
    const heading = run.markdown.split('\n').find((l) => l.startsWith('###'));
    expect(heading).toMatch(
      /^### ⛔ flamegate: error, nothing was measured on both sides · 2 benchmarks, all failed/,
    );
    expect(run.markdown).toMatch(/> \[!CAUTION\]\n> flamegate error: nothing was measured on both sides/);
    expect(run.markdown).toContain('fixtures.json is missing');

    // Under Plug'n'Play the vitest file's error names the real cause (a .pnp.cjs that is no Yarn
    // runtime), not a missing devDependency.
    const grouping = report.benchmarks.find((b) => b.file === 'bench/grouping.bench.js');
    expect(grouping?.status).toBe('failed');
    expect(grouping?.error).toMatch(
      /this repository uses Yarn Plug'n'Play, but its \S*\.pnp\.cjs, preloaded as `yarn node` does, set up no Plug'n'Play runtime/,
    );
    expect(grouping?.error).not.toMatch(/devDependencies|not installed/);
  });

  it('passes with a warning on its verdict line under `thresholds.failed: warn`', async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'flamegate-cfg-')), 'warn.yml');
    writeFileSync(config, 'thresholds:\n  failed: warn\n');
    const run = await compare(repo, ['--config', config]);
    expect(run.code, `${run.stderr}\n${run.stdout}`).toBe(0);
    expect(run.report.verdict).toBe('pass');
    expect(run.report.measured?.onNothing).toBe('warn');
    expect(run.stdout).toMatch(/Verdict: PASS · warning: nothing was measured on both sides/);
    expect(run.stderr).toMatch(/flamegate: warning: nothing was measured on both sides/);
    expect(run.stderr).toContain('passes only because the config sets `thresholds.failed: warn`');
    const heading = run.markdown.split('\n').find((l) => l.startsWith('###'));
    expect(heading).toMatch(/^### ⚠️ flamegate: pass, warning: nothing was measured on both sides/);
    expect(run.markdown).toMatch(/> \[!WARNING\]\n> flamegate warning: nothing was measured/);
  });
});

describe('the Action, publishing a run that measured nothing', () => {
  let server: GitHubServer;
  beforeAll(async () => {
    server = await startGitHubServer({ owner: 'acme', repo: 'widgets' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('posts the comment and the summary, then fails the step naming the error', async () => {
    // The report of the CLI run above, published as the fork recipe's second half does (post-only mode).
    if (!errorRun) throw new Error('the CLI run above did not run');
    const workspace = mkdtempSync(join(tmpdir(), 'flamegate-workspace-'));
    writeFileSync(join(workspace, 'report.json'), readFileSync(errorRun.reportPath));
    const run = await runActionStep({
      node: node24(),
      actionDir: installAction(),
      workspace,
      repository: 'acme/widgets',
      apiUrl: server.url,
      payload: pullRequestPayload({
        owner: 'acme',
        repo: 'widgets',
        pr: 5,
        baseSha: repo.baseSha,
        headSha: repo.headSha,
      }),
      inputs: { report: 'report.json', 'upload-artifact': 'false' },
    });
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toMatch(/::error::flamegate: error: nothing was measured on both sides/);
    expect(run.stdout).toContain('fixtures.json is missing');
    const comments = server.comments.filter((c) => c.issue === 5);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toMatch(/\n### ⛔ flamegate: error, nothing was measured on both sides · /);
    expect(run.summary).toMatch(/### ⛔ flamegate: error, nothing was measured on both sides/);
  });
});
