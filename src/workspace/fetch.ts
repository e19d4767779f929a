// A shallow checkout (actions/checkout's default depth of 1) lacks the base commit; fetching just
// that commit spares users `fetch-depth: 0`.
import { UsageError } from '../settings.js';
import { tail } from './exec.js';
import { runGit } from './git.js';

export async function ensureCommit(
  repoDir: string,
  sha: string,
  remote = 'origin',
): Promise<'present' | 'fetched'> {
  const present = await runGit(repoDir, ['cat-file', '-e', `${sha}^{commit}`]);
  if (present.code === 0) return 'present';
  const fetched = await runGit(repoDir, ['fetch', '--no-tags', '--depth=1', remote, sha], {
    network: true,
  });
  if (fetched.code !== 0) {
    throw new UsageError(
      `base commit ${sha} is not in the checkout and \`git fetch --depth=1 ${remote} ${sha}\` failed: ` +
        `${tail(fetched.stderr, 3).replace(/\n/g, ' ')}. Check that the token can read the repository, or check out with fetch-depth: 0.`,
    );
  }
  return 'fetched';
}
