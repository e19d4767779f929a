import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  prepareBytes,
  transferList
} from "./cli-chunk-BZAKPT6C.js";
import "./cli-chunk-7IJ5P7PH.js";
import "./cli-chunk-4L6WBSUI.js";
import "./cli-chunk-2RKV4GHC.js";
import "./cli-chunk-XYLEW4VM.js";

// src/cli/diff-worker.ts
import { parentPort, workerData } from "node:worker_threads";
parentPort?.once("message", (bytes) => {
  try {
    const prepared = prepareBytes(workerData, bytes);
    parentPort?.postMessage({ prepared }, transferList(prepared));
  } catch (error) {
    parentPort?.postMessage({ error: error.message });
  }
});
