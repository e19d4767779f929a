// A real HTTP server on 127.0.0.1 that answers the REST endpoints the action calls, with GitHub's
// response shapes (issue comments, Link-header pagination, the 403 a read-only token gets). It keeps
// comments in memory and records every request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredComment {
  id: number;
  body: string;
  user: string;
  issue: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body?: unknown;
  authorization?: string;
}

export interface GitHubServer {
  url: string;
  comments: StoredComment[];
  /** Branches (name → head sha) and files committed through the contents API (`branch:path` → text). */
  branches: Map<string, string>;
  files: Map<string, string>;
  requests: RecordedRequest[];
  /** Answer comment writes (or all comment calls) with 403, as GitHub does for a read-only token. */
  forbid: 'none' | 'writes' | 'all';
  close(): Promise<void>;
}

export async function startGitHubServer(options: { owner: string; repo: string }): Promise<GitHubServer> {
  let nextId = 1000;
  const state: GitHubServer = {
    url: '',
    comments: [],
    branches: new Map([['main', 'a'.repeat(40)]]),
    files: new Map(),
    requests: [],
    forbid: 'none',
    close: async () => undefined,
  };
  const repoPath = `/repos/${options.owner}/${options.repo}`;
  const shape = (c: StoredComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${state.url}${repoPath}/issues/comments/${c.id}`,
    html_url: `https://github.com/${options.owner}/${options.repo}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${state.url}${repoPath}/issues/${c.issue}`,
    body: c.body,
    user: { login: c.user, id: 41898282, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' },
    created_at: '2026-11-25T00:00:00Z',
    updated_at: '2026-11-25T00:00:00Z',
    author_association: 'NONE',
  });
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };
  const forbidden = (res: ServerResponse) =>
    send(res, 403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '403',
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', state.url);
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? (JSON.parse(raw) as { body?: string }) : undefined;
    state.requests.push({
      method: req.method ?? '',
      path: `${url.pathname}${url.search}`,
      body,
      authorization: req.headers.authorization,
    });
    const list = url.pathname.match(new RegExp(`^${repoPath}/issues/(\\d+)/comments$`));
    const one = url.pathname.match(new RegExp(`^${repoPath}/issues/comments/(\\d+)$`));
    if (list && req.method === 'GET') {
      if (state.forbid === 'all') return forbidden(res);
      const issue = Number(list[1]);
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = state.comments.filter((c) => c.issue === issue);
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const link = (p: number, rel: string) =>
        `<${state.url}${repoPath}/issues/${issue}/comments?per_page=${perPage}&page=${p}>; rel="${rel}"`;
      const links = [];
      if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
      if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
      return send(res, 200, slice.map(shape), links.length ? { link: links.join(', ') } : {});
    }
    if (list && req.method === 'POST') {
      if (state.forbid !== 'none') return forbidden(res);
      if (typeof body?.body !== 'string')
        return send(res, 422, { message: 'Validation Failed', status: '422' });
      if (body.body.length > 65536) {
        return send(res, 422, {
          message: 'Validation Failed',
          errors: [{ message: 'Body is too long (maximum is 65536 characters)' }],
        });
      }
      const comment = { id: nextId++, body: body.body, user: 'github-actions[bot]', issue: Number(list[1]) };
      state.comments.push(comment);
      return send(res, 201, shape(comment));
    }
    if (one && req.method === 'PATCH') {
      if (state.forbid !== 'none') return forbidden(res);
      const comment = state.comments.find((c) => c.id === Number(one[1]));
      if (!comment) return send(res, 404, { message: 'Not Found', status: '404' });
      if (typeof body?.body !== 'string' || body.body.length > 65536) {
        return send(res, 422, { message: 'Validation Failed', status: '422' });
      }
      comment.body = body.body;
      return send(res, 200, shape(comment));
    }
    const notFound = () =>
      send(res, 404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
        status: '404',
      });
    if (url.pathname === repoPath && req.method === 'GET') {
      return send(res, 200, {
        id: 1,
        name: options.repo,
        full_name: `${options.owner}/${options.repo}`,
        default_branch: 'main',
      });
    }
    // Octokit percent-encodes the slash in `heads/<branch>`; GitHub accepts either form.
    const ref = decodeURIComponent(url.pathname).match(new RegExp(`^${repoPath}/git/ref/heads/(.+)$`));
    if (ref && req.method === 'GET') {
      const sha = state.branches.get(ref[1] as string);
      if (!sha) return notFound();
      return send(res, 200, { ref: `refs/heads/${ref[1]}`, object: { sha, type: 'commit' } });
    }
    if (url.pathname === `${repoPath}/git/refs` && req.method === 'POST') {
      if (state.forbid !== 'none') return forbidden(res);
      const input = body as { ref?: string; sha?: string };
      state.branches.set(String(input.ref).replace('refs/heads/', ''), String(input.sha));
      return send(res, 201, { ref: input.ref, object: { sha: input.sha, type: 'commit' } });
    }
    const content = decodeURIComponent(url.pathname).match(new RegExp(`^${repoPath}/contents/(.+)$`));
    if (content) {
      const path = content[1] as string;
      if (req.method === 'GET') {
        const branch = url.searchParams.get('ref') ?? 'main';
        const text = state.files.get(`${branch}:${path}`);
        if (text === undefined) return notFound();
        return send(res, 200, {
          type: 'file',
          path,
          sha: `sha-${text.length}`,
          content: Buffer.from(text).toString('base64'),
        });
      }
      if (req.method === 'PUT') {
        if (state.forbid !== 'none') return forbidden(res);
        const input = body as { branch?: string; content?: string; message?: string };
        if (!input.branch || !state.branches.has(input.branch))
          return send(res, 422, { message: 'Branch not found' });
        state.files.set(
          `${input.branch}:${path}`,
          Buffer.from(String(input.content), 'base64').toString('utf8'),
        );
        return send(res, 201, {
          content: { path, sha: 'new' },
          commit: { sha: 'c'.repeat(40), message: input.message },
        });
      }
    }
    return notFound();
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => send(res, 500, { message: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
