// One side of `flamegate diff`, from file to columns: read, inflate, decode, classify, and prepare for
// the merge (flame/side.ts). Each side needs nothing of the other until the merge, so head is prepared
// on a worker thread (diff-worker.ts) while base is prepared here, one core each. Both files are read
// and inflated from here on libuv's thread pool at once, while the worker thread is still starting
// (~60 ms): the worker is sent head's inflated bytes.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type CollapseOptions, type SideStacks, sideStacks } from '../flame/side.js';
import type { SampleType } from '../model.js';
import { classifyProfile } from '../profile/classify.js';
import { decodeSideBytes, type ProfileFormat, readSideBytes } from '../profile/decode.js';

export interface SideJob {
  path: string;
  /** `base` or `head`, for messages. */
  side: string;
  valueType?: string;
  collapse: CollapseOptions;
  /** Directories whose prefix is stripped from file paths. */
  roots: string[];
}

export interface PreparedSide {
  format: ProfileFormat;
  profile: { sampleType: SampleType; ops: number };
  stacks: SideStacks;
}

/** Prepares a side whose file is already read and inflated. */
export function prepareBytes(job: SideJob, bytes: Uint8Array): PreparedSide {
  const decoded = decodeSideBytes(bytes, job.path, job.side, job.valueType);
  const profile = classifyProfile(decoded.profile, { roots: job.roots });
  return {
    format: decoded.format,
    profile: { sampleType: profile.sampleType, ops: profile.ops },
    stacks: sideStacks(profile, job.collapse),
  };
}

/** The typed arrays of a prepared side, moved (not copied) to the thread that receives it. */
export function transferList(prepared: PreparedSide): ArrayBuffer[] {
  const s = prepared.stacks;
  const arrays = [s.keysAt, s.colStart, s.reaching, s.value, s.self, s.total, s.reached];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Prepares both sides, head on a worker thread when there is one to use. */
export async function prepareBoth(base: SideJob, head: SideJob): Promise<[PreparedSide, PreparedSide]> {
  const baseBytes = readSideBytes(base.path, base.side);
  const headBytes = readSideBytes(head.path, head.side);
  // A failure is handled where the bytes are awaited; meanwhile it must not surface as unhandled.
  baseBytes.catch(() => undefined);
  headBytes.catch(() => undefined);
  const worker = inWorker(head, headBytes);
  worker?.prepared.catch(() => undefined);
  try {
    // Base is decoded once head's bytes are on their way to the worker: decoding blocks this thread,
    // and with it the hand-over (it waited 100 ms for base's decode once).
    await Promise.allSettled([headBytes]);
    const preparedBase = prepareBytes(base, await baseBytes);
    const preparedHead = await (worker?.prepared ?? headBytes.then((bytes) => prepareBytes(head, bytes)));
    return [preparedBase, preparedHead];
  } catch (error) {
    // Base is unreadable: head's work is of no use, and must not keep the process alive.
    void worker?.stop();
    throw error;
  }
}

/**
 * Prepares a side on a worker thread; undefined when the worker bundle is absent (running from
 * source) or there is one core, and the caller prepares it on this thread.
 */
function inWorker(
  job: SideJob,
  bytes: Promise<Uint8Array>,
): { prepared: Promise<PreparedSide>; stop: () => Promise<number> } | undefined {
  const script = fileURLToPath(new URL('./diff-worker.js', import.meta.url));
  // With one core a second thread only adds its start-up.
  if (!existsSync(script) || availableParallelism() < 2) return undefined;
  const worker = new Worker(script, { workerData: job });
  const prepared = new Promise<PreparedSide>((resolve, reject) => {
    const fail = (error: Error) => {
      reject(error);
      void worker.terminate();
    };
    bytes.then((read) => {
      // Move the bytes when they own their buffer; a view into a larger one is copied first.
      const own = read.byteOffset === 0 && read.byteLength === read.buffer.byteLength ? read : read.slice();
      worker.postMessage(own, [own.buffer as ArrayBuffer]);
    }, fail);
    worker.once('message', (message: { prepared?: PreparedSide; error?: string }) => {
      if (message.prepared) resolve(message.prepared);
      else fail(new Error(message.error ?? `cannot read the ${job.side} profile ${job.path}`));
    });
    worker.once('error', fail);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`reading the ${job.side} profile ${job.path} stopped (exit ${code})`));
    });
  });
  return { prepared, stop: () => worker.terminate() };
}
