// The environment of flamegate's own git: what git needs, and no token.
import { describe, expect, it } from 'vitest';
import { gitEnv } from '../../src/workspace/git.js';

describe('gitEnv', () => {
  const actionEnv = {
    PATH: '/usr/bin',
    HOME: '/home/runner',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    https_proxy: 'http://proxy.invalid:3128',
    SSH_AUTH_SOCK: '/tmp/agent.sock',
    'INPUT_GITHUB-TOKEN': 'ghs_secret',
    GITHUB_TOKEN: 'ghs_secret',
    ACTIONS_RUNTIME_TOKEN: 'runtime-secret',
    NODE_AUTH_TOKEN: 'npm-secret',
    GITHUB_OUTPUT: '/tmp/output',
    GIT_DIR: '/elsewhere/.git',
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'core.fsmonitor',
    GIT_CONFIG_VALUE_0: 'planted',
    GIT_CONFIG_PARAMETERS: "'http.extraheader'='AUTHORIZATION: basic secret'",
    GIT_CONFIG_GLOBAL: '/home/runner/.gitconfig-ci',
  };

  it('keeps what git needs and drops every token and every variable that points git elsewhere', () => {
    expect(gitEnv(actionEnv)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      GIT_CONFIG_GLOBAL: '/home/runner/.gitconfig-ci',
      GIT_TERMINAL_PROMPT: '0',
      GIT_OPTIONAL_LOCKS: '0',
    });
  });

  it('adds ssh and the proxies for a fetch, still no token', () => {
    const env = gitEnv(actionEnv, true);
    expect(env.https_proxy).toBe('http://proxy.invalid:3128');
    expect(env.SSH_AUTH_SOCK).toBe('/tmp/agent.sock');
    expect(Object.values(env).join('\n')).not.toMatch(/secret/);
  });
});
