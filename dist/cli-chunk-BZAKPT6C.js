import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  classifyProfile,
  decodeSideBytes,
  readSideBytes
} from "./cli-chunk-7IJ5P7PH.js";
import {
  sideStacks
} from "./cli-chunk-2RKV4GHC.js";
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/cli/diff-side.ts
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
function prepareBytes(job, bytes) {
  const decoded = decodeSideBytes(bytes, job.path, job.side, job.valueType);
  const profile = classifyProfile(decoded.profile, { roots: job.roots });
  return {
    format: decoded.format,
    profile: { sampleType: profile.sampleType, ops: profile.ops },
    stacks: sideStacks(profile, job.collapse)
  };
}
__name(prepareBytes, "prepareBytes");
function transferList(prepared) {
  const s = prepared.stacks;
  const arrays = [s.keysAt, s.colStart, s.reaching, s.value, s.self, s.total, s.reached];
  return [...new Set(arrays.map((a) => a.buffer))];
}
__name(transferList, "transferList");
async function prepareBoth(base, head) {
  const baseBytes = readSideBytes(base.path, base.side);
  const headBytes = readSideBytes(head.path, head.side);
  baseBytes.catch(() => void 0);
  headBytes.catch(() => void 0);
  const worker = inWorker(head, headBytes);
  worker?.prepared.catch(() => void 0);
  try {
    await Promise.allSettled([headBytes]);
    const preparedBase = prepareBytes(base, await baseBytes);
    const preparedHead = await (worker?.prepared ?? headBytes.then((bytes) => prepareBytes(head, bytes)));
    return [preparedBase, preparedHead];
  } catch (error) {
    void worker?.stop();
    throw error;
  }
}
__name(prepareBoth, "prepareBoth");
function inWorker(job, bytes) {
  const script = fileURLToPath(new URL("./diff-worker.js", import.meta.url));
  if (!existsSync(script) || availableParallelism() < 2) return void 0;
  const worker = new Worker(script, { workerData: job });
  const prepared = new Promise((resolve, reject) => {
    const fail = /* @__PURE__ */ __name((error) => {
      reject(error);
      void worker.terminate();
    }, "fail");
    bytes.then((read) => {
      const own = read.byteOffset === 0 && read.byteLength === read.buffer.byteLength ? read : read.slice();
      worker.postMessage(own, [own.buffer]);
    }, fail);
    worker.once("message", (message) => {
      if (message.prepared) resolve(message.prepared);
      else fail(new Error(message.error ?? `cannot read the ${job.side} profile ${job.path}`));
    });
    worker.once("error", fail);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`reading the ${job.side} profile ${job.path} stopped (exit ${code})`));
    });
  });
  return { prepared, stop: /* @__PURE__ */ __name(() => worker.terminate(), "stop") };
}
__name(inWorker, "inWorker");

export {
  prepareBytes,
  transferList,
  prepareBoth
};
