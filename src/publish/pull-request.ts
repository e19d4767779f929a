// Which pull request a workflow_run run comments on. That run holds a write token and reads what the
// pull request's own run uploaded, so the number never comes from the artifact or from an input fed by
// it: it comes from GitHub, as the event's `pull_requests` or, for forks (where GitHub leaves that list
// empty), as the open pull request whose head is the commit the run measured.
import { getOctokit } from '@actions/github';

/** What the workflow_run event says about the run that made the report (GitHub's, not the artifact's). */
export interface WorkflowRunEvent {
  /** `workflow_run.head_sha`: the commit the triggering run checked out and measured. */
  headSha: string;
  /** `workflow_run.head_repository.full_name`: where that commit comes from (a fork, or this repository). */
  headRepository?: string;
  /** `workflow_run.pull_requests`: filled for pull requests from this repository, empty for forks. */
  pullRequests: EventPullRequest[];
  /** `repository.id` of the event: this repository. */
  repositoryId?: number;
}

export interface EventPullRequest {
  number: number;
  headSha?: string;
  baseRepoId?: number;
  baseRepoUrl?: string;
}

export interface PullTarget {
  token: string;
  owner: string;
  repo: string;
  baseUrl?: string;
}

export type PullLookup = { number: number; source: string } | { number?: undefined; reason: string };

/** The pull request whose head is the run's head commit, from the event or the API; never a guess. */
export async function findWorkflowRunPull(target: PullTarget, run: WorkflowRunEvent): Promise<PullLookup> {
  const here = `${target.owner}/${target.repo}`.toLowerCase();
  // The event's list can name pull requests of another repository (the upstream of a fork runs its
  // own workflows): only one whose base is this repository, at this head, counts.
  const fromEvent = run.pullRequests.filter(
    (p) =>
      p.headSha === run.headSha &&
      (run.repositoryId !== undefined && p.baseRepoId !== undefined
        ? p.baseRepoId === run.repositoryId
        : (p.baseRepoUrl ?? '').toLowerCase().endsWith(`/repos/${here}`)),
  );
  const one = single(fromEvent.map((p) => p.number));
  if (one !== undefined) return { number: one, source: 'the workflow_run event' };
  if (fromEvent.length > 1)
    return several(
      fromEvent.map((p) => p.number),
      run.headSha,
    );
  if (!target.token) return { reason: 'there is no github-token to look up the pull request of a fork' };
  const octokit = getOctokit(target.token, target.baseUrl ? { baseUrl: target.baseUrl } : {});
  const open = await octokit.paginate(octokit.rest.pulls.list, {
    owner: target.owner,
    repo: target.repo,
    state: 'open',
    per_page: 100,
  });
  const headRepository = run.headRepository?.toLowerCase();
  const matches = open.filter(
    (p) =>
      p.head.sha === run.headSha &&
      p.base.repo.full_name.toLowerCase() === here &&
      (headRepository === undefined || p.head.repo?.full_name.toLowerCase() === headRepository),
  );
  const found = single(matches.map((p) => p.number));
  if (found !== undefined) return { number: found, source: 'the open pull requests (a fork)' };
  if (matches.length > 1)
    return several(
      matches.map((p) => p.number),
      run.headSha,
    );
  return {
    reason: `no open pull request of ${target.owner}/${target.repo} has the head commit ${run.headSha}${run.headRepository ? ` from ${run.headRepository}` : ''} (it may have been closed, or pushed to since)`,
  };
}

function single(numbers: number[]): number | undefined {
  const distinct = [...new Set(numbers)];
  return distinct.length === 1 ? distinct[0] : undefined;
}

function several(numbers: number[], sha: string): PullLookup {
  const list = [...new Set(numbers)].map((n) => `#${n}`).join(', ');
  return { reason: `several pull requests (${list}) have the head commit ${sha}; flamegate does not guess` };
}
