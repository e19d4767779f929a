// What a track run measures the pushed commit against: its anchor. By default the latest release
// tag reachable from the commit; `baseline:` in the config (or `--anchor`) names a tag glob, a ref,
// or `N days ago`. Every git command through the hardened runner (src/workspace/git.ts).
import type { RevisionInfo } from '../model.js';
import { UsageError } from '../settings.js';
import { runGit } from '../workspace/git.js';

/** A release tag as people write them: `v1.2.3`, `1.2.3`, `v2.0.0-rc.1` is a pre-release (left out). */
const RELEASE_TAG = /^v?\d+\.\d+\.\d+$/;
const DAYS_AGO = /^\s*(\d{1,4})\s+days?\s+ago\s*$/i;

export interface Anchor extends RevisionInfo {
  /** The tag's name, when the anchor is a tag. */
  tag?: string;
  /** How it was chosen, for the log and the report: `latest release tag`, `baseline: v*`, … */
  chosenBy: string;
}

/**
 * The anchor of `head` in `repoRoot`: `spec` as `baseline:` gives it, or the latest release tag. A tag
 * on `head` itself is skipped (measuring a release against itself says nothing): the one before it
 * is taken. A spec that finds nothing is the user's to fix: a UsageError naming it.
 */
export async function resolveAnchor(repoRoot: string, head: string, spec?: string): Promise<Anchor> {
  const headSha = await revParse(repoRoot, head);
  if (!headSha) throw new UsageError(`track: the commit to measure, ${head}, is not in this repository`);
  if (spec === undefined || /[*?[]/.test(spec)) {
    const tag = await latestTag(repoRoot, headSha, spec);
    const what = spec === undefined ? 'latest release tag' : `baseline: ${spec}`;
    if (!tag)
      throw new UsageError(
        spec === undefined
          ? `track: no release tag (like v1.2.3) is reachable from ${headSha.slice(0, 7)}: tag a release, fetch the tags (actions/checkout with fetch-depth: 0), or set baseline: in .github/flamegate.yml`
          : `track: no tag matching baseline "${spec}" is reachable from ${headSha.slice(0, 7)} (fetch the tags: actions/checkout with fetch-depth: 0)`,
      );
    return { ...tag, chosenBy: what };
  }
  const days = DAYS_AGO.exec(spec);
  if (days) {
    const result = await runGit(repoRoot, [
      'rev-list',
      '-1',
      '--first-parent',
      `--before=${days[1]} days ago`,
      headSha,
    ]);
    const sha = result.stdout.trim();
    if (result.code !== 0 || !sha)
      throw new UsageError(
        `track: baseline "${spec}": no commit of ${headSha.slice(0, 7)}'s history is that old (a shallow clone? actions/checkout with fetch-depth: 0)`,
      );
    return { ref: spec.trim(), sha, chosenBy: `baseline: ${spec.trim()}` };
  }
  const sha = await revParse(repoRoot, spec);
  if (!sha) throw new UsageError(`track: baseline "${spec}" is not a revision of this repository`);
  const isTag = (await runGit(repoRoot, ['show-ref', '--verify', '--quiet', `refs/tags/${spec}`])).code === 0;
  return { ref: spec, sha, ...(isTag ? { tag: spec } : {}), chosenBy: `baseline: ${spec}` };
}

async function revParse(repoRoot: string, ref: string): Promise<string | undefined> {
  // `--end-of-options`: a ref from a config file is never read as an option.
  const result = await runGit(repoRoot, [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    `${ref}^{commit}`,
  ]);
  const sha = result.stdout.trim();
  return result.code === 0 && sha ? sha : undefined;
}

/**
 * The highest version among the tags reachable from `headSha` that match `glob` (release tags when
 * none is given), leaving out tags that point at `headSha` itself.
 */
async function latestTag(
  repoRoot: string,
  headSha: string,
  glob: string | undefined,
): Promise<(RevisionInfo & { tag: string }) | undefined> {
  const args = [
    'tag',
    '--merged',
    headSha,
    '--sort=-v:refname',
    '--format=%(refname:short) %(*objectname) %(objectname)',
  ];
  if (glob) args.push('--list', glob);
  const result = await runGit(repoRoot, args);
  if (result.code !== 0) return undefined;
  for (const line of result.stdout.split('\n')) {
    const [name, peeled, object] = line.trim().split(' ');
    if (!name || (!glob && !RELEASE_TAG.test(name))) continue;
    // An annotated tag's commit is its peeled object; a lightweight tag's is the object itself.
    const sha = peeled || object;
    if (!sha || sha === headSha) continue;
    return { ref: name, sha, tag: name };
  }
  return undefined;
}
