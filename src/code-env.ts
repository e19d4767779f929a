// The environment of the code under test: install and build commands (workspace stage) and benchmark
// processes (measure stage) run the pull request's own code, so they get what a plain `run:` step of
// the workflow gets, never what the runner hands to flamegate as an action. The README's "Security"
// section describes the result; this is the one place that computes it.

/**
 * Variables the runner gives a JavaScript action but not a `run:` step (the runtime, cache, results
 * and artifact services), the OIDC request pair (which a `run:` step sees only with `id-token: write`;
 * flamegate never needs it, so the code under test never gets it either), and the files through which
 * a step sets its outputs, summary, state and the environment of later steps: a benchmark must not
 * write flamegate's verdict or plant variables in the steps after it.
 */
export const RUNNER_ONLY_VARIABLES = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'GITHUB_OUTPUT',
  'GITHUB_STEP_SUMMARY',
  'GITHUB_STATE',
  'GITHUB_ENV',
  'GITHUB_PATH',
] as const;

/** Secrets that reach flamegate and must not reach the code under test under any name. */
const SECRET_VARIABLES = [
  'INPUT_GITHUB-TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
] as const;

/**
 * The environment for the code under test, from flamegate's own: no `INPUT_*` variable (a `run:` step
 * has no inputs, and `github-token` is one), none of `RUNNER_ONLY_VARIABLES`, and no variable that
 * holds the value of one of those secrets under another name (a workflow that sets
 * `env: GITHUB_TOKEN: ${{ github.token }}` for the flamegate step). Everything else, such as PATH, HOME,
 * CI, GITHUB_SHA and registry tokens the workflow set on purpose (NODE_AUTH_TOKEN), passes through.
 */
export function codeUnderTestEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const secrets = new Set(
    SECRET_VARIABLES.map((name) => env[name]?.trim()).filter((value): value is string => !!value),
  );
  const dropped = new Set<string>(RUNNER_ONLY_VARIABLES);
  const result: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || dropped.has(name) || name.toUpperCase().startsWith('INPUT_')) continue;
    if (secrets.has(value.trim())) continue;
    result[name] = value;
  }
  return result;
}
