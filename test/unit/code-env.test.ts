// What the pull request's install, build and benchmark code may see of flamegate's environment.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { codeUnderTestEnv, RUNNER_ONLY_VARIABLES } from '../../src/code-env.js';

describe('codeUnderTestEnv', () => {
  const actionEnv = {
    PATH: '/usr/bin',
    HOME: '/home/runner',
    CI: 'true',
    GITHUB_SHA: 'abc123',
    NODE_AUTH_TOKEN: 'npm-registry-token',
    'INPUT_GITHUB-TOKEN': 'ghs_secret',
    INPUT_BENCHMARKS: 'bench/**',
    input_lowercase: 'x',
    ACTIONS_RUNTIME_TOKEN: 'runtime-secret',
    ACTIONS_RUNTIME_URL: 'https://runtime.invalid/',
    ACTIONS_CACHE_URL: 'https://cache.invalid/',
    ACTIONS_RESULTS_URL: 'https://results.invalid/',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-secret',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.invalid/',
    GITHUB_OUTPUT: '/tmp/output',
    GITHUB_ENV: '/tmp/env',
    GITHUB_PATH: '/tmp/path',
    GITHUB_STATE: '/tmp/state',
    GITHUB_STEP_SUMMARY: '/tmp/summary',
    // The workflow exported the token for the whole job: same secret, another name.
    GITHUB_TOKEN: 'ghs_secret',
    GH_TOKEN: ' ghs_secret ',
    SOME_COPY: 'runtime-secret',
  };

  it('keeps what a run: step sees and drops inputs, runner services and every copy of a secret', () => {
    expect(codeUnderTestEnv(actionEnv)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      CI: 'true',
      GITHUB_SHA: 'abc123',
      NODE_AUTH_TOKEN: 'npm-registry-token',
    });
  });

  it('names every runner-only variable it drops', () => {
    const env = Object.fromEntries(RUNNER_ONLY_VARIABLES.map((name) => [name, `value-of-${name}`]));
    expect(codeUnderTestEnv({ ...env, KEEP: '1' })).toEqual({ KEEP: '1' });
  });

  it('drops nothing else when there is no secret (the CLI on a laptop)', () => {
    const env = { PATH: '/bin', EMPTY: '', GITHUB_TOKEN: 'a-token-the-user-exported' };
    expect(codeUnderTestEnv(env)).toEqual(env);
  });
});

// The README's Security section says the code under test can still read the job's token from
// flamegate's own process, because both run as the same user. This keeps that sentence true: if a
// future change closed the hole (a non-dumpable parent, another user), this fails and the README
// must say so.
describe.runIf(process.platform === 'linux')('the limit of a scrubbed environment', () => {
  it("a child given codeUnderTestEnv still reads its parent's token from /proc/<ppid>/environ", () => {
    const flamegateEnv = { PATH: process.env.PATH, 'INPUT_GITHUB-TOKEN': 'ghs_parent_secret' };
    // The parent stands for flamegate: it starts the child with the scrubbed environment.
    const parent = [
      "const { spawnSync } = require('node:child_process');",
      "const child = `process.stdout.write(String(process.env['INPUT_GITHUB-TOKEN'] ?? 'absent') + ' ' +",
      "  require('node:fs').readFileSync('/proc/' + process.ppid + '/environ', 'latin1').includes('ghs_parent_secret'))`;",
      'const env = JSON.parse(process.argv[1]);',
      "process.stdout.write(spawnSync(process.execPath, ['-e', child], { env, encoding: 'utf8' }).stdout);",
    ].join('\n');
    const result = spawnSync(
      process.execPath,
      ['-e', parent, JSON.stringify(codeUnderTestEnv(flamegateEnv))],
      {
        env: flamegateEnv,
        encoding: 'utf8',
      },
    );
    // The variable is gone from the child's environment, but the parent's environ still holds it.
    expect(result.stdout).toBe('absent true');
  });
});
