// Links into the repository on GitHub, for the comment's function table, the HTML viewer and the
// flame-graph images: one builder, one escaping.

/**
 * `${repoUrl}/blob/${ref}/${path}`: the ref and each path segment percent-encoded, parentheses too,
 * so the URL is safe in HTML attributes and inside a Markdown link `[text](url)`.
 */
export function blobUrl(repoUrl: string, ref: string, path: string, line = 0): string {
  const encode = (part: string) => encodeURIComponent(part).replace(/\(/g, '%28').replace(/\)/g, '%29');
  const file = path.split('/').map(encode).join('/');
  return `${repoUrl.replace(/\/+$/, '')}/blob/${encode(ref)}/${file}${line > 0 ? `#L${line}` : ''}`;
}

/** Link to a function's source at a commit, or undefined when its file is not a repository path. */
export function sourceUrl(
  repoUrl: string | undefined,
  sha: string | undefined,
  file: string,
  line: number,
): string | undefined {
  if (!repoUrl || !sha || !file) return undefined;
  // Runtime frames, URLs (node:, file:, https:) and absolute paths point outside the repository, and
  // installed dependencies are not in it either.
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) || file.startsWith('/') || /(^|\/)node_modules\//.test(file))
    return undefined;
  return blobUrl(repoUrl, sha, file, line);
}
