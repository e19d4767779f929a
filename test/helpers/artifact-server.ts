// A real HTTP server on 127.0.0.1 that answers the calls @actions/artifact makes to upload and
// download a workflow run's artifacts: the results service's Twirp endpoints (CreateArtifact,
// FinalizeArtifact, ListArtifacts, GetSignedArtifactURL; JSON protocol, as the runner's
// ACTIONS_RESULTS_URL serves them) and the signed blob URLs: Azure Blob Storage's Put Block and Put
// Block List for uploads (what the Azure SDK sends), a GET of the stored zip for downloads.
// Artifacts given up front are zipped with archiver, the library @actions/artifact zips uploads with.
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
  /** Names of the artifacts uploaded through the service, in order. */
  uploaded: string[];
  close(): Promise<void>;
}

const RUN = 'c0ffee00-0000-4000-8000-000000000001';
const JOB = 'c0ffee00-0000-4000-8000-000000000002';
const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';

/** Serves the given folders as this run's artifacts (name → folder), and takes uploads. */
export async function startArtifactServer(artifacts: Record<string, string> = {}): Promise<ArtifactServer> {
  const stored = await Promise.all(
    Object.entries(artifacts).map(async ([name, dir], i) => ({
      id: i + 1,
      name,
      zip: await zipDirectory(dir),
    })),
  );
  const uploaded: string[] = [];
  /** Blob path → staged blocks (id → bytes), then the committed zip. */
  const blocks = new Map<string, Map<string, Buffer>>();
  const blobs = new Map<string, Buffer>();
  const requests: string[] = [];
  let url = '';
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const full = new URL(req.url ?? '/', 'http://x');
    const path = full.pathname;
    requests.push(
      `${req.method} ${path}${full.searchParams.get('comp') ? `?comp=${full.searchParams.get('comp')}` : ''}`,
    );
    // Azure Blob Storage, IP style (`/<account>/<container>/<blob>`), as the signed upload URL says.
    const blobPath = path.match(/^\/devstoreaccount1\/artifacts\/(.+)$/)?.[1];
    if (req.method === 'PUT' && blobPath) {
      const headers = {
        etag: '"0x1"',
        'last-modified': new Date(0).toUTCString(),
        'x-ms-request-id': '00000000-0000-0000-0000-000000000000',
        'x-ms-version': '2025-01-05',
        'x-ms-request-server-encrypted': 'true',
      };
      const comp = full.searchParams.get('comp');
      if (comp === 'block') {
        const staged = blocks.get(blobPath) ?? new Map<string, Buffer>();
        staged.set(full.searchParams.get('blockid') ?? '', bytes);
        blocks.set(blobPath, staged);
        res.writeHead(201, headers);
        return res.end();
      }
      if (comp === 'blocklist') {
        const ids = [...raw.matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map(
          (m) => m[1] as string,
        );
        const staged = blocks.get(blobPath) ?? new Map<string, Buffer>();
        blobs.set(blobPath, Buffer.concat(ids.map((id) => staged.get(id) ?? Buffer.alloc(0))));
        res.writeHead(201, headers);
        return res.end();
      }
      blobs.set(blobPath, bytes);
      res.writeHead(201, headers);
      return res.end();
    }
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
    if (req.method === 'POST' && path === `${SERVICE}CreateArtifact`) {
      if (body.workflowRunBackendId !== RUN) return json(res, 404, { code: 'not_found', msg: 'no such run' });
      return json(res, 200, {
        ok: true,
        signedUploadUrl: `${url}/devstoreaccount1/artifacts/${body.name}.zip?sig=up`,
      });
    }
    if (req.method === 'POST' && path === `${SERVICE}FinalizeArtifact`) {
      const zip = blobs.get(`${body.name}.zip`);
      if (!zip) return json(res, 404, { code: 'not_found', msg: 'nothing was uploaded' });
      const id = stored.length + 1;
      stored.push({ id, name: String(body.name), zip });
      uploaded.push(String(body.name));
      return json(res, 200, { ok: true, artifactId: String(id) });
    }
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
  return {
    url,
    token,
    requests,
    uploaded,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
