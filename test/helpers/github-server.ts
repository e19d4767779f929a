// A real HTTP server on 127.0.0.1 that answers the REST endpoints the action calls, with GitHub's
// response shapes (issue comments, open pull requests, Link-header pagination, the 403 a read-only
// token gets), and GraphQL's `viewer`. Each token belongs to an account; a comment is written by the
// account of the token that posted it. It keeps comments in memory and records every request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredComment {
  id: number;
  body: string;
  user: string;
  issue: number;
}

/** An open pull request as GET /repos/{owner}/{repo}/pulls lists it. */
export interface StoredPull {
  number: number;
  headSha: string;
  /** `owner/name` of the head repository; null for a deleted fork. */
  headRepo: string | null;
  headRef?: string;
}

export interface Account {
  login: string;
  type: 'User' | 'Bot';
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
  pulls: StoredPull[];
  /** Token → its account. `ghs_test_token` is the runner's GITHUB_TOKEN, `github-actions[bot]`. */
  accounts: Map<string, Account>;
  /** Answer GraphQL queries (false: 404 as on a server without GraphQL). */
  graphql: boolean;
  /** Answer GET /user for a user's token (false: 403, so the token's account cannot be found out). */
  restUser: boolean;
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
    pulls: [],
    accounts: new Map([['ghs_test_token', { login: 'github-actions[bot]', type: 'Bot' }]]),
    graphql: true,
    restUser: true,
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
    const token = (req.headers.authorization ?? '').replace(/^(token|bearer) /i, '');
    const account = state.accounts.get(token);
    const badCredentials = () =>
      send(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
    // One page of `all` as GitHub serves it: per_page (at most 100), page, and the Link header.
    const sendPage = <T>(all: T[], path: string, toJson: (item: T) => unknown) => {
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
      const page = Number(url.searchParams.get('page') ?? 1);
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const query = new URLSearchParams(url.searchParams);
      const link = (p: number, rel: string) => {
        query.set('per_page', String(perPage));
        query.set('page', String(p));
        return `<${state.url}${path}?${query}>; rel="${rel}"`;
      };
      const links = [];
      if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
      if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
      return send(res, 200, slice.map(toJson), links.length ? { link: links.join(', ') } : {});
    };
    if (url.pathname === '/graphql' && req.method === 'POST') {
      if (!state.graphql) return send(res, 404, { message: 'Not Found', status: '404' });
      if (!account) return badCredentials();
      const query = String((body as { query?: string } | undefined)?.query ?? '');
      if (/^\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query))
        return send(res, 200, { data: { viewer: { login: account.login } } });
      return send(res, 200, {
        errors: [{ message: `this test server answers only viewer { login }, not: ${query}` }],
      });
    }
    if (url.pathname === '/user' && req.method === 'GET') {
      if (!account) return badCredentials();
      // An installation token (GITHUB_TOKEN, an app's token) is refused here; a user's token is answered.
      if (token.startsWith('ghs_') || !state.restUser)
        return send(res, 403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
          status: '403',
        });
      return send(res, 200, { login: account.login, id: 7, type: account.type });
    }
    if (url.pathname === `${repoPath}/pulls` && req.method === 'GET') {
      const stateFilter = url.searchParams.get('state') ?? 'open';
      const repoJson = (full: string, id: number) => ({
        id,
        name: full.split('/')[1],
        full_name: full,
        fork: full !== `${options.owner}/${options.repo}`,
      });
      const pulls = stateFilter === 'closed' ? [] : state.pulls;
      return sendPage(pulls, url.pathname, (p) => ({
        url: `${state.url}${repoPath}/pulls/${p.number}`,
        id: 500 + p.number,
        number: p.number,
        state: 'open',
        title: `pull request ${p.number}`,
        html_url: `https://github.com/${options.owner}/${options.repo}/pull/${p.number}`,
        head: {
          label: `${p.headRepo?.split('/')[0] ?? 'unknown'}:${p.headRef ?? 'feature'}`,
          ref: p.headRef ?? 'feature',
          sha: p.headSha,
          repo: p.headRepo ? repoJson(p.headRepo, 900 + p.number) : null,
        },
        base: {
          label: `${options.owner}:main`,
          ref: 'main',
          sha: 'a'.repeat(40),
          repo: repoJson(`${options.owner}/${options.repo}`, 1),
        },
      }));
    }
    const list = url.pathname.match(new RegExp(`^${repoPath}/issues/(\\d+)/comments$`));
    const one = url.pathname.match(new RegExp(`^${repoPath}/issues/comments/(\\d+)$`));
    if (list && req.method === 'GET') {
      if (state.forbid === 'all') return forbidden(res);
      const issue = Number(list[1]);
      return sendPage(
        state.comments.filter((c) => c.issue === issue),
        url.pathname,
        shape,
      );
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
      if (!account) return badCredentials();
      const comment = { id: nextId++, body: body.body, user: account.login, issue: Number(list[1]) };
      state.comments.push(comment);
      return send(res, 201, shape(comment));
    }
    if (one && req.method === 'PATCH') {
      if (state.forbid !== 'none') return forbidden(res);
      const comment = state.comments.find((c) => c.id === Number(one[1]));
      if (!comment) return send(res, 404, { message: 'Not Found', status: '404' });
      // A token with write access may edit anyone's comment on GitHub (that is how a marker pasted by
      // someone else got its comment rewritten): so may it here; the tests check whose comment changed.
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
