// The worker thread of `flamegate diff`: receives one side's inflated bytes, prepares the side
// (diff-side.ts) and sends it back, its typed arrays transferred rather than copied.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareBytes, type SideJob, transferList } from './diff-side.js';

parentPort?.once('message', (bytes: Uint8Array) => {
  try {
    const prepared = prepareBytes(workerData as SideJob, bytes);
    parentPort?.postMessage({ prepared }, transferList(prepared));
  } catch (error) {
    parentPort?.postMessage({ error: (error as Error).message });
  }
});
