// The sticky PR comment: found again by a hidden marker, so each run edits its own comment instead
// of adding one. Two flamegate steps (a matrix) use different keys and keep separate comments.
import { getOctokit } from '@actions/github';
import { COMMENT_LIMIT } from '../report/markdown.js';

export function commentMarker(key: string): string {
  // The key goes inside an HTML comment: keep it from closing the comment early.
  return `<!-- flamegate:${key.replace(/--/g, '-')} -->`;
}

export interface CommentTarget {
  token: string;
  owner: string;
  repo: string;
  pullNumber: number;
  /** GITHUB_API_URL (GitHub Enterprise, or a test server). */
  baseUrl?: string;
}

export type CommentResult =
  | { kind: 'created' | 'updated'; url: string; id: number }
  | { kind: 'skipped'; reason: string }
  | { kind: 'forbidden'; status: number; message: string };

/** GitHub's limit applies to the whole body; a body over it is cut with a pointer to the summary. */
export function fitComment(body: string, pointer: string): string {
  if (body.length < COMMENT_LIMIT) return body;
  const notice = `\n\n… the report was cut to fit GitHub's comment limit. ${pointer}\n`;
  return body.slice(0, COMMENT_LIMIT - notice.length - 1) + notice;
}

export async function upsertComment(
  target: CommentTarget,
  marker: string,
  body: string,
  options: { createIfMissing: boolean },
): Promise<CommentResult> {
  const octokit = getOctokit(target.token, target.baseUrl ? { baseUrl: target.baseUrl } : {});
  const { owner, repo, pullNumber } = target;
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: pullNumber,
      per_page: 100,
    });
    const existing = comments.find((c) => typeof c.body === 'string' && c.body.includes(marker));
    if (existing) {
      const { data } = await octokit.rest.issues.updateComment({
        owner,
        repo,
        comment_id: existing.id,
        body,
      });
      return { kind: 'updated', url: data.html_url, id: data.id };
    }
    if (!options.createIfMissing)
      return { kind: 'skipped', reason: 'nothing changed and there is no earlier comment' };
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: pullNumber, body });
    return { kind: 'created', url: data.html_url, id: data.id };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404 || status === 401) {
      return { kind: 'forbidden', status, message: (error as Error).message };
    }
    throw error;
  }
}
