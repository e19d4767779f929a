// The base revision as the Action resolves it before the workspace is made: the base commit fetched
// into a shallow checkout when it is missing, and in `merge-base` mode the merge-base of base and HEAD.
import { UsageError } from '../settings.js';
import { ensureCommit } from './fetch.js';
import { runGit } from './git.js';
import { findRepo } from './workspace.js';

export type BaseMode = 'pr-base' | 'merge-base';

export async function resolveBase(
  cwd: string,
  options: { base: string; baseSha?: string; mode: BaseMode; onProgress?: (line: string) => void },
): Promise<string> {
  const { repoRoot } = await findRepo(cwd);
  if (options.baseSha && (await ensureCommit(repoRoot, options.baseSha)) === 'fetched')
    options.onProgress?.(`Fetched base commit ${options.baseSha} into the shallow checkout.`);
  if (options.mode !== 'merge-base') return options.base;
  const result = await runGit(repoRoot, ['merge-base', options.base, 'HEAD']);
  if (result.code !== 0) {
    throw new UsageError(
      `base-mode merge-base: git merge-base ${options.base} HEAD failed (a shallow checkout has no shared history; use actions/checkout with fetch-depth: 0)`,
    );
  }
  return result.stdout.trim();
}
