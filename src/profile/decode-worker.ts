// A worker thread that decodes one profile file, so that `flamegate diff` decodes base and head on two
// cores at once. The typed arrays are transferred back, not copied.
import { parentPort, workerData } from 'node:worker_threads';
import { loadProfileFile } from './decode.js';

interface Job {
  path: string;
  side: string;
  valueType?: string;
}

const job = workerData as Job;
loadProfileFile(job.path, job.side, job.valueType).then(
  (decoded) => {
    const p = decoded.profile;
    const buffers = [p.stackFrames, p.stackStart, p.values, p.samples].map((a) => a.buffer as ArrayBuffer);
    parentPort?.postMessage({ decoded }, [...new Set(buffers)]);
  },
  (error: unknown) => parentPort?.postMessage({ error: (error as Error).message }),
);
