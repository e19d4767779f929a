// Caps on everything flamegate reads from a profile or a shard's artifact. Those files can come from a
// pull request (its benchmark process writes the profiles, a fork's shard job uploads the artifacts)
// or from anyone who hands `flamegate diff` a file, and a few kilobytes can be made to take gigabytes
// and minutes: a gzip bomb, a pprof whose samples repeat a location of thousands of inlined frames, a
// JSON array of millions of empty objects. Each cap is far above what real profiles reach (a 100,000
// sample pprof is 4.5 MB gzipped, 3 M frames over its stacks) and low enough that a file at a cap stays
// well under 1 GB of memory. Going over one is an error that names the cap; callers add the file.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip, gunzipSync } from 'node:zlib';

const MiB = 1024 * 1024;

export const LIMITS = {
  /** Bytes of a file as stored (gzipped or not). */
  fileBytes: 256 * MiB,
  /** Bytes of a JSON report read back (a shard's report.json, a --costs file): thousands of benchmarks. */
  reportBytes: 64 * MiB,
  /** Bytes a gzipped file may inflate to. */
  inflatedBytes: 256 * MiB,
  /** Stacks of one profile: pprof samples, folded lines, .cpuprofile call-tree nodes. */
  samples: 4_000_000,
  /** Entries of each of a pprof's tables: locations, functions, strings, and the lines of all locations. */
  tableEntries: 4_000_000,
  /** Distinct frames (function and line) of one profile. */
  frames: 1_000_000,
  /** Frames over all stacks of one profile, once inlined frames are expanded. */
  stackFrames: 64_000_000,
  /** Values of a JSON file (a .cpuprofile, a shard's stacks or report); JSON.parse makes each one an object or a slot. */
  jsonValues: 20_000_000,
  /** Objects and arrays of a JSON file: each costs ~100 bytes once parsed, for 3 bytes of text (`{},`). */
  jsonContainers: 2_000_000,
} as const;

/** An input over one of the LIMITS; its message names the cap. */
export class LimitError extends Error {
  override name = 'LimitError';
}

const count = (n: number) => n.toLocaleString('en-US');

function bytes(n: number): string {
  return n >= MiB ? `${count(Math.round(n / MiB))} MB` : `${count(n)} bytes`;
}

/** The error for more than `cap` of `what` ("samples"); `found`, when they were counted to the end. */
export function overCap(cap: number, what: string, found?: number): LimitError {
  return new LimitError(
    found === undefined
      ? `it holds more than ${count(cap)} ${what}, flamegate's cap`
      : `it holds ${count(found)} ${what}, over flamegate's cap of ${count(cap)}`,
  );
}

/** Throws overCap when `found` is over `cap`. */
export function checkCap(found: number, cap: number, what: string): void {
  if (found > cap) throw overCap(cap, what, found);
}

function tooLarge(what: string, cap: number, capOf: string): LimitError {
  return new LimitError(`${what} more than ${bytes(cap)}, flamegate's cap on ${capOf}`);
}

/** The first bytes of a file, or the whole file when shorter: a non-regular file (a pipe) is read up to the cap. */
export function readFileBounded(path: string, cap: number = LIMITS.fileBytes): Buffer {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > cap) throw tooLarge('it is', cap, 'a file it reads');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(stat.isFile() ? Math.max(stat.size - total, 0) + 1 : 1024 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > cap) throw tooLarge('it is', cap, 'a file it reads');
      chunks.push(chunk.subarray(0, n));
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** readFileBounded, on libuv's thread pool: two files read at once are read in parallel. */
export async function readFileBoundedAsync(path: string, cap: number = LIMITS.fileBytes): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const stat = await file.stat();
    if (stat.isFile()) {
      if (stat.size > cap) throw tooLarge('it is', cap, 'a file it reads');
      return await file.readFile();
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead, buffer } = await file.read(Buffer.allocUnsafe(1024 * 1024), 0, 1024 * 1024, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > cap) throw tooLarge('it is', cap, 'a file it reads');
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await file.close();
  }
}

const gunzipAsync = promisify(gunzip);

/** zlib's error for output over maxOutputLength, as the cap it is. */
function inflateError(error: unknown, cap: number): unknown {
  return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
    ? tooLarge('it is gzipped and inflates to', cap, 'an inflated file')
    : error;
}

export function gunzipBounded(data: Uint8Array, cap: number = LIMITS.inflatedBytes): Buffer {
  try {
    return gunzipSync(data, { maxOutputLength: cap });
  } catch (error) {
    throw inflateError(error, cap);
  }
}

export async function gunzipBoundedAsync(
  data: Uint8Array,
  chunkSize: number,
  cap: number = LIMITS.inflatedBytes,
): Promise<Buffer> {
  try {
    return await gunzipAsync(data, { chunkSize: Math.min(chunkSize, cap), maxOutputLength: cap });
  } catch (error) {
    throw inflateError(error, cap);
  }
}

/**
 * Throws a LimitError when JSON text would parse into more values or containers than the caps allow.
 * Counted from the bytes that open a value (`,` `[` `{`; inside strings too, which only over-counts),
 * so nothing is parsed to find out. Text shorter than three bytes per container cannot reach a cap
 * and is not scanned: a real file pays for the scan only when it is large, where parsing dwarfs it.
 */
export function checkJsonSize(text: Uint8Array): void {
  if (text.length < 3 * Math.min(LIMITS.jsonContainers, LIMITS.jsonValues)) return;
  let separators = 0;
  let containers = 0;
  for (let i = 0; i < text.length; i++) {
    const b = text[i] as number;
    if (b === 0x2c) separators++;
    else if (b === 0x5b || b === 0x7b) containers++;
  }
  checkCap(containers, LIMITS.jsonContainers, 'JSON objects and arrays');
  checkCap(separators + containers, LIMITS.jsonValues, 'JSON values');
}

/** Reads and parses a JSON file within `cap` bytes and the JSON caps; throws a message without the path. */
export function readJsonBounded(path: string, cap: number): unknown {
  const text = readFileBounded(path, cap);
  checkJsonSize(text);
  return JSON.parse(text.toString('utf8'));
}
