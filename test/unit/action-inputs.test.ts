import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planAction } from '../../src/action/inputs.js';
import { UsageError } from '../../src/settings.js';

const BASE = '1'.repeat(40);
const BEFORE = '2'.repeat(40);

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
    GITHUB_WORKSPACE: '/work/repo',
    GITHUB_RUN_ID: '9',
    GITHUB_JOB: 'perf',
    GITHUB_WORKFLOW: 'ci',
    RUNNER_TEMP: '/runner/tmp',
    'INPUT_GITHUB-TOKEN': 'ghs_x',
    INPUT_COMMENT: 'always',
    'INPUT_FAIL-ON-REGRESSION': 'true',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
}

const pr = (headRepo = 'acme/widgets') => ({
  pull_request: {
    number: 12,
    base: { sha: BASE, repo: { full_name: 'acme/widgets' } },
    head: { sha: 'f'.repeat(40), repo: { full_name: headRepo } },
  },
});

describe('action inputs and events', () => {
  it('compares a pull request with its base commit and comments on it', () => {
    const plan = planAction(env('pull_request', pr()));
    expect(plan.settings.base).toBe(BASE);
    expect(plan.baseSha).toBe(BASE);
    expect(plan.settings.head).toBe('HEAD');
    expect(plan.options.pullNumber).toBe(12);
    expect(plan.options.commentKey).toBe('ci/perf');
    expect(plan.settings.cwd).toBe('/work/repo');
    expect(plan.settings.outDir).toBe('/runner/tmp/flamegate-9-perf');
  });

  it('passes the production-profile input on, absent when empty', () => {
    const plan = planAction(env('pull_request', pr(), { 'production-profile': 'perf/prod.pb.gz' }));
    expect(plan.settings.productionProfile).toBe('perf/prod.pb.gz');
    expect(planAction(env('pull_request', pr())).settings.productionProfile).toBeUndefined();
  });

  it("uses the push event's before, and the base input over it", () => {
    expect(planAction(env('push', { before: BEFORE })).settings.base).toBe(BEFORE);
    expect(planAction(env('push', { before: BEFORE }, { base: 'main' })).settings.base).toBe('main');
    expect(planAction(env('push', { before: BEFORE }, { base: 'main' })).baseSha).toBeUndefined();
  });

  it('asks for a base where the event has none (a new branch push, workflow_dispatch)', () => {
    expect(() => planAction(env('push', { before: '0'.repeat(40) }))).toThrow(/Set the "base" input/);
    expect(() => planAction(env('workflow_dispatch', {}))).toThrow(UsageError);
    expect(planAction(env('workflow_dispatch', {}, { base: 'v1.2.0' })).settings.base).toBe('v1.2.0');
  });

  it('refuses a fork under pull_request_target unless explicitly allowed, and allows same-repo PRs', () => {
    expect(() => planAction(env('pull_request_target', pr('mallory/widgets')))).toThrow(/write token/);
    // Fails closed: a head repository the event does not name is a fork's.
    for (const repo of [null, {}, { full_name: '' }]) {
      const payload = pr();
      (payload.pull_request.head as { repo: unknown }).repo = repo;
      expect(() => planAction(env('pull_request_target', payload))).toThrow(
        /refusing to benchmark a fork's pull request under pull_request_target \(head repository missing/,
      );
    }
    // A base repository other than this one is not this repository's pull request either.
    const otherBase = pr();
    otherBase.pull_request.base.repo.full_name = 'mallory/widgets';
    expect(() => planAction(env('pull_request_target', otherBase))).toThrow(/write token/);
    expect(
      planAction(env('pull_request_target', pr('mallory/widgets'), { 'allow-pull-request-target': 'true' }))
        .settings.base,
    ).toBe(BASE);
    expect(planAction(env('pull_request_target', pr())).settings.base).toBe(BASE);
  });

  it('maps the override inputs into the settings and validates the rest', () => {
    const plan = planAction(
      env('pull_request', pr(), {
        benchmarks: 'bench/*.bench.ts\nperf/*.bench.js',
        install: 'pnpm install',
        build: 'pnpm build',
        'working-directory': 'packages/core',
        'comment-key': 'node-24',
        config: '.github/perf.yml',
      }),
    );
    expect(plan.settings.inputOverrides).toEqual({
      benchmarks: ['bench/*.bench.ts', 'perf/*.bench.js'],
      install: 'pnpm install',
      build: 'pnpm build',
    });
    expect(plan.settings.cwd).toBe('/work/repo/packages/core');
    expect(plan.settings.configInRepo).toBe('.github/perf.yml');
    expect(plan.options.commentKey).toBe('node-24');
    expect(() => planAction(env('pull_request', pr(), { comment: 'sometimes' }))).toThrow(
      /"comment" must be always, on-change or never, got "sometimes"/,
    );
    expect(() => planAction(env('pull_request', pr(), { 'fail-on-regression': 'maybe' }))).toThrow(
      /"fail-on-regression"/,
    );
    expect(planAction(env('pull_request', pr())).baseMode).toBe('pr-base');
    expect(planAction(env('pull_request', pr(), { 'base-mode': 'merge-base' })).baseMode).toBe('merge-base');
    expect(() => planAction(env('pull_request', pr(), { 'base-mode': 'mergebase' }))).toThrow(
      /input "base-mode" must be pr-base or merge-base, got "mergebase"/,
    );
  });

  it('takes the report in post-only mode; under workflow_run the pull request comes from the event, never from pr-number', () => {
    const run = {
      workflow_run: {
        head_sha: 'f'.repeat(40),
        head_repository: { full_name: 'mallory/widgets' },
        pull_requests: [{ number: 5, head: { sha: 'f'.repeat(40) }, base: { repo: { id: 1, url: 'u' } } }],
      },
      repository: { id: 1, full_name: 'acme/widgets' },
    };
    const plan = planAction(env('workflow_run', run, { report: 'out/report.json', 'pr-number': '34' }));
    expect(plan.options.reportPath).toBe('out/report.json');
    expect(plan.options.pullNumber).toBeUndefined();
    expect(plan.options.workflowRun).toEqual({
      headSha: 'f'.repeat(40),
      headRepository: 'mallory/widgets',
      pullRequests: [{ number: 5, headSha: 'f'.repeat(40), baseRepoId: 1, baseRepoUrl: 'u' }],
      repositoryId: 1,
    });
    expect(plan.warnings.join('\n')).toMatch(/input "pr-number" \("34"\) is ignored under workflow_run/);
    expect(() => planAction(env('workflow_run', {}, { report: 'r.json' }))).toThrow(
      /workflow_run event has no valid workflow_run.head_sha/,
    );
    // Elsewhere (a workflow_dispatch the maintainer runs) the input still names the pull request.
    const dispatch = planAction(env('workflow_dispatch', {}, { report: 'r.json', 'pr-number': '34' }));
    expect(dispatch.options.pullNumber).toBe(34);
    expect(dispatch.warnings).toEqual([]);
    expect(() => planAction(env('workflow_dispatch', {}, { report: 'r.json', 'pr-number': 'abc' }))).toThrow(
      /"pr-number"/,
    );
  });

  it('measures under workflow_run only a head from this repository, and never a pull request under issue_comment', () => {
    const run = (head: unknown) => ({
      workflow_run: { head_sha: 'f'.repeat(40), head_repository: head, pull_requests: [] },
      repository: { id: 1, full_name: 'acme/widgets' },
    });
    expect(
      planAction(env('workflow_run', run({ full_name: 'acme/widgets' }), { base: 'main' })).settings.base,
    ).toBe('main');
    for (const head of [null, {}, { full_name: 'mallory/widgets' }])
      expect(() => planAction(env('workflow_run', run(head), { base: 'main' }))).toThrow(
        /under workflow_run/,
      );
    // Post-only mode runs none of the pull request's code.
    expect(planAction(env('workflow_run', run(null), { report: 'r.json' })).options.reportPath).toBe(
      'r.json',
    );
    const comment = { issue: { number: 3, pull_request: { url: 'x' } } };
    expect(() => planAction(env('issue_comment', comment, { base: 'main' }))).toThrow(/under issue_comment/);
    expect(
      planAction(env('issue_comment', comment, { base: 'main', 'allow-pull-request-target': 'true' }))
        .settings.base,
    ).toBe('main');
    expect(planAction(env('issue_comment', { issue: { number: 3 } }, { base: 'main' })).settings.base).toBe(
      'main',
    );
  });
});
