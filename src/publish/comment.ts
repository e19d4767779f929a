// The sticky PR comment: found again by a hidden marker, so each run edits its own comment instead
// of adding one. Two flamegate steps (a matrix) use different keys and keep separate comments. Only a
// comment that the token's own identity wrote, and that starts with the marker, is ever edited:
// anyone can paste the marker into a comment of their own.
import { getOctokit } from '@actions/github';
import { COMMENT_LIMIT } from '../report/markdown.js';
import { log } from './actions.js';

export function commentMarker(key: string): string {
  // The key goes inside an HTML comment. Only characters that can neither end the comment (`-->`,
  // `--!>`) nor start markup stay; runs of dashes become one, so `--` cannot appear.
  const safe = key
    .replace(/[^\p{L}\p{N} ._/:+=,()[\]#@-]+/gu, '_')
    .replace(/-{2,}/g, '-')
    .slice(0, 200);
  return `<!-- flamegate:${safe} -->`;
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

type Octokit = ReturnType<typeof getOctokit>;

/** The login that comments made with this token carry, as the REST API shows it; undefined when unknown. */
async function tokenLogin(octokit: Octokit, token: string): Promise<string | undefined> {
  // GraphQL's viewer works for every kind of token, GITHUB_TOKEN included (`github-actions[bot]`).
  try {
    const { viewer } = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    if (viewer?.login) return viewer.login;
  } catch {
    // GraphQL disabled or refused: try the REST endpoint.
  }
  // GET /user answers a user's token; an installation token gets 403 there.
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    if (data.login) return data.login;
  } catch {
    // Not a user token.
  }
  // An installation token (ghs_) that could not say who it is: the runner's GITHUB_TOKEN comments as
  // github-actions[bot]. Another app's token then simply finds no earlier comment and makes a new one.
  if (token.startsWith('ghs_')) return 'github-actions[bot]';
  return undefined;
}

/** Whether a comment was written by `login` (GraphQL names bots without the `[bot]` suffix REST shows). */
function writtenBy(user: { login: string; type?: string } | null | undefined, login: string): boolean {
  if (!user) return false;
  const author = user.login.toLowerCase();
  const me = login.toLowerCase();
  return author === me || (user.type === 'Bot' && author === `${me}[bot]`);
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
    const login = await tokenLogin(octokit, target.token);
    let existing: { id: number } | undefined;
    if (login === undefined) {
      log.warning(
        'flamegate could not tell which account its token belongs to, so it edits no earlier comment and posts a new one.',
      );
    } else {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: pullNumber,
        per_page: 100,
      });
      existing = comments.find(
        (c) => writtenBy(c.user, login) && typeof c.body === 'string' && c.body.startsWith(marker),
      );
    }
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
