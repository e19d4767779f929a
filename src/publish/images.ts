// Opt-in: commits the flame-graph SVGs to a branch the user names, so the comment can embed them as
// images (GitHub comments need an image URL; nothing is hosted elsewhere). Needs `contents: write`.
import { getOctokit } from '@actions/github';
import { blobUrl } from '../links.js';

export interface ImageBranchTarget {
  token: string;
  owner: string;
  repo: string;
  branch: string;
  baseUrl?: string;
  serverUrl: string;
}

/** Uploads files (path in the branch → SVG text) and returns path → URL for embedding. */
export async function commitImages(
  target: ImageBranchTarget,
  files: { path: string; content: string }[],
  message: string,
): Promise<Record<string, string>> {
  const octokit = getOctokit(target.token, target.baseUrl ? { baseUrl: target.baseUrl } : {});
  const { owner, repo, branch } = target;
  try {
    await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
    // A new branch starts from the default branch; only the image files are added to it.
    const { data: info } = await octokit.rest.repos.get({ owner, repo });
    const { data: ref } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${info.default_branch}` });
    await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: ref.object.sha });
  }
  const urls: Record<string, string> = {};
  for (const file of files) {
    let sha: string | undefined;
    try {
      const { data } = await octokit.rest.repos.getContent({ owner, repo, path: file.path, ref: branch });
      if (!Array.isArray(data) && 'sha' in data) sha = data.sha;
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
    await octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: file.path,
      branch,
      message,
      content: Buffer.from(file.content, 'utf8').toString('base64'),
      ...(sha ? { sha } : {}),
    });
    urls[file.path] = `${blobUrl(`${target.serverUrl}/${owner}/${repo}`, branch, file.path)}?raw=true`;
  }
  return urls;
}
