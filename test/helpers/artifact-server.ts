// A real HTTP server on 127.0.0.1 that answers the calls @actions/artifact makes to download a
// workflow run's artifacts: the results service's Twirp endpoints (ListArtifacts,
// GetSignedArtifactURL, JSON protocol, as the runner's ACTIONS_RESULTS_URL serves them) and the
// signed blob URL, which returns the artifact as the zip archive GitHub stores. The zips are built
// with archiver, the library @actions/artifact itself zips uploads with.
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);

interface Archiver {
  directory(dir: string, prefix: false | string): void;
  finalize(): Promise<void>;
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end' | 'error', listener: (error?: Error) => void): void;
}
const archiver = require('archiver') as (format: 'zip', options: { zlib: { level: number } }) => Archiver;

function zipDirectory(dir: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = archiver('zip', { zlib: { level: 6 } });
    const chunks: Buffer[] = [];
    zip.on('data', (chunk) => chunks.push(chunk));
    zip.on('end', () => resolve(Buffer.concat(chunks)));
    zip.on('error', (error) => reject(error));
    zip.directory(dir, false);
    void zip.finalize();
  });
}

export interface ArtifactServer {
  /** ACTIONS_RESULTS_URL */
  url: string;
  /** ACTIONS_RUNTIME_TOKEN: a JWT whose scope names the run, as the runner's does. */
  token: string;
  requests: string[];
  close(): Promise<void>;
}

const RUN = 'c0ffee00-0000-4000-8000-000000000001';
const JOB = 'c0ffee00-0000-4000-8000-000000000002';
const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';

/** Serves the given folders as this run's artifacts (name → folder). */
export async function startArtifactServer(artifacts: Record<string, string>): Promise<ArtifactServer> {
  const stored = await Promise.all(
    Object.entries(artifacts).map(async ([name, dir], i) => ({
      id: i + 1,
      name,
      zip: await zipDirectory(dir),
    })),
  );
  const requests: string[] = [];
  let url = '';
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server: Server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(`${req.method} ${path}`);
    // Twirp's JSON protocol: the client sends proto field names (snake_case); accept either form.
    const parsed = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const body = Object.fromEntries(
      Object.entries(parsed).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
    );
    const shape = (a: (typeof stored)[number]) => ({
      workflowRunBackendId: RUN,
      workflowJobRunBackendId: JOB,
      databaseId: String(a.id),
      name: a.name,
      size: String(a.zip.length),
      createdAt: '2026-11-25T00:00:00Z',
    });
    if (req.method === 'POST' && path === `${SERVICE}ListArtifacts`) {
      if (body.workflowRunBackendId !== RUN) return json(res, 404, { code: 'not_found', msg: 'no such run' });
      const idFilter = body.idFilter as string | number | undefined;
      const nameFilter = body.nameFilter as string | undefined;
      const list = stored.filter(
        (a) =>
          (idFilter === undefined || String(a.id) === String(idFilter)) &&
          (!nameFilter || a.name === nameFilter),
      );
      return json(res, 200, { artifacts: list.map(shape) });
    }
    if (req.method === 'POST' && path === `${SERVICE}GetSignedArtifactURL`) {
      const found = stored.find((a) => a.name === body.name);
      if (!found) return json(res, 404, { code: 'not_found', msg: 'artifact not found' });
      return json(res, 200, { signedUrl: `${url}/blob/${found.id}.zip?sig=test` });
    }
    const blob = path.match(/^\/blob\/(\d+)\.zip$/);
    if (req.method === 'GET' && blob) {
      const found = stored.find((a) => a.id === Number(blob[1]));
      if (!found) return json(res, 404, { message: 'BlobNotFound' });
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(found.zip.length) });
      return res.end(found.zip);
    }
    return json(res, 404, { code: 'not_found', msg: `${req.method} ${path} is not served` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: `Actions.GenericRead Actions.Results:${RUN}:${JOB}` })}.sig`;
  return { url, token, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
