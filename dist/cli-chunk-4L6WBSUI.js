import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/profile/limits.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
import { promisify } from "node:util";
import { gunzip, gunzipSync } from "node:zlib";
var MiB = 1024 * 1024;
var LIMITS = {
  /** Bytes of a file as stored (gzipped or not). */
  fileBytes: 256 * MiB,
  /** Bytes of a JSON report read back (a shard's report.json, a --costs file): thousands of benchmarks. */
  reportBytes: 64 * MiB,
  /** Bytes a gzipped file may inflate to. */
  inflatedBytes: 256 * MiB,
  /** Stacks of one profile: pprof samples, folded lines, .cpuprofile call-tree nodes. */
  samples: 4e6,
  /** Entries of each of a pprof's tables: locations, functions, strings, and the lines of all locations. */
  tableEntries: 4e6,
  /** Distinct frames (function and line) of one profile. */
  frames: 1e6,
  /** Frames over all stacks of one profile, once inlined frames are expanded. */
  stackFrames: 64e6,
  /** Values of a JSON file (a .cpuprofile, a shard's stacks or report); JSON.parse makes each one an object or a slot. */
  jsonValues: 2e7,
  /** Objects and arrays of a JSON file: each costs ~100 bytes once parsed, for 3 bytes of text (`{},`). */
  jsonContainers: 2e6
};
var LimitError = class extends Error {
  static {
    __name(this, "LimitError");
  }
  name = "LimitError";
};
var count = /* @__PURE__ */ __name((n) => n.toLocaleString("en-US"), "count");
function bytes(n) {
  return n >= MiB ? `${count(Math.round(n / MiB))} MB` : `${count(n)} bytes`;
}
__name(bytes, "bytes");
function overCap(cap, what, found) {
  return new LimitError(
    found === void 0 ? `it holds more than ${count(cap)} ${what}, flamegate's cap` : `it holds ${count(found)} ${what}, over flamegate's cap of ${count(cap)}`
  );
}
__name(overCap, "overCap");
function checkCap(found, cap, what) {
  if (found > cap) throw overCap(cap, what, found);
}
__name(checkCap, "checkCap");
function tooLarge(what, cap, capOf) {
  return new LimitError(`${what} more than ${bytes(cap)}, flamegate's cap on ${capOf}`);
}
__name(tooLarge, "tooLarge");
function readFileBounded(path, cap = LIMITS.fileBytes) {
  const fd = openSync(path, "r");
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > cap) throw tooLarge("it is", cap, "a file it reads");
    const chunks = [];
    let total = 0;
    for (; ; ) {
      const chunk = Buffer.allocUnsafe(stat.isFile() ? Math.max(stat.size - total, 0) + 1 : 1024 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > cap) throw tooLarge("it is", cap, "a file it reads");
      chunks.push(chunk.subarray(0, n));
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
__name(readFileBounded, "readFileBounded");
async function readFileBoundedAsync(path, cap = LIMITS.fileBytes) {
  const file = await open(path, "r");
  try {
    const stat = await file.stat();
    if (stat.isFile()) {
      if (stat.size > cap) throw tooLarge("it is", cap, "a file it reads");
      return await file.readFile();
    }
    const chunks = [];
    let total = 0;
    for (; ; ) {
      const { bytesRead, buffer } = await file.read(Buffer.allocUnsafe(1024 * 1024), 0, 1024 * 1024, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > cap) throw tooLarge("it is", cap, "a file it reads");
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await file.close();
  }
}
__name(readFileBoundedAsync, "readFileBoundedAsync");
var gunzipAsync = promisify(gunzip);
function inflateError(error, cap) {
  return error.code === "ERR_BUFFER_TOO_LARGE" ? tooLarge("it is gzipped and inflates to", cap, "an inflated file") : error;
}
__name(inflateError, "inflateError");
function gunzipBounded(data, cap = LIMITS.inflatedBytes) {
  try {
    return gunzipSync(data, { maxOutputLength: cap });
  } catch (error) {
    throw inflateError(error, cap);
  }
}
__name(gunzipBounded, "gunzipBounded");
async function gunzipBoundedAsync(data, chunkSize, cap = LIMITS.inflatedBytes) {
  try {
    return await gunzipAsync(data, { chunkSize: Math.min(chunkSize, cap), maxOutputLength: cap });
  } catch (error) {
    throw inflateError(error, cap);
  }
}
__name(gunzipBoundedAsync, "gunzipBoundedAsync");
function checkJsonSize(text) {
  if (text.length < 3 * Math.min(LIMITS.jsonContainers, LIMITS.jsonValues)) return;
  let separators = 0;
  let containers = 0;
  for (let i = 0; i < text.length; i++) {
    const b = text[i];
    if (b === 44) separators++;
    else if (b === 91 || b === 123) containers++;
  }
  checkCap(containers, LIMITS.jsonContainers, "JSON objects and arrays");
  checkCap(separators + containers, LIMITS.jsonValues, "JSON values");
}
__name(checkJsonSize, "checkJsonSize");
function readJsonBounded(path, cap) {
  const text = readFileBounded(path, cap);
  checkJsonSize(text);
  return JSON.parse(text.toString("utf8"));
}
__name(readJsonBounded, "readJsonBounded");

export {
  LIMITS,
  LimitError,
  overCap,
  checkCap,
  readFileBounded,
  readFileBoundedAsync,
  gunzipBounded,
  gunzipBoundedAsync,
  checkJsonSize,
  readJsonBounded
};
