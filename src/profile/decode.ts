// One entry to every profile format `flamegate diff` and production weighting read. The format is
// told from the content, never from the file name: pprof (gzipped or not), V8's .cpuprofile JSON and
// folded stacks. Each decoder produces the same PackedProfile.
import type { PackedProfile, SampleType } from '../model.js';
import { decodeCpuProfile, isCpuProfile } from './cpuprofile.js';
import { decodeFolded, looksFolded } from './folded.js';
import {
  checkJsonSize,
  gunzipBounded,
  gunzipBoundedAsync,
  LimitError,
  readFileBounded,
  readFileBoundedAsync,
} from './limits.js';
import { decodePprof, isGzip } from './pprof.js';

export type ProfileFormat = 'pprof' | 'cpuprofile' | 'folded';

export const FORMAT_NAMES: Record<ProfileFormat, string> = {
  pprof: 'pprof',
  cpuprofile: '.cpuprofile (V8 JSON)',
  folded: 'folded stacks',
};

export interface DecodeOptions {
  /** Sample type to read (pprof holds several; the others hold one). */
  valueType?: string;
  /** Without valueType: a pprof's time types to look for first, in order (ReadOptions.preferTypes). */
  preferTypes?: readonly string[];
}

export interface DecodedProfile {
  format: ProfileFormat;
  profile: PackedProfile;
}

/**
 * Reads a profile file and inflates it when gzipped, each within its cap (LIMITS). Inflating runs on
 * libuv's thread pool, so two files read together inflate in parallel.
 */
async function readProfileBytes(path: string): Promise<Uint8Array> {
  const bytes = await readFileBoundedAsync(path);
  return isGzip(bytes) ? gunzipBoundedAsync(bytes, inflatedChunk(bytes)) : bytes;
}

/**
 * Output chunk for inflating gzipped `bytes` in one piece. zlib's default 16 kB chunk makes a round
 * trip through this thread per chunk: ~400 for a 6 MB profile, which took 100 ms where one chunk
 * takes 25. A gzip member ends with its inflated size (mod 2^32); a bound keeps a lying trailer cheap.
 */
function inflatedChunk(bytes: Uint8Array): number {
  const n = bytes.length;
  const stated =
    n >= 18
      ? ((bytes[n - 4] as number) | ((bytes[n - 3] as number) << 8) | ((bytes[n - 2] as number) << 16)) +
        (bytes[n - 1] as number) * 2 ** 24
      : 0;
  return Math.min(Math.max(stated + 64, 64 * 1024), 256 * 1024 * 1024);
}

/** The first byte that is not whitespace (or a UTF-8 byte-order mark). */
function firstNonSpace(bytes: Uint8Array): number {
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) {
    const b = bytes[i] as number;
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    if (b === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) {
      i += 2;
      continue;
    }
    return b;
  }
  return -1;
}

/** Plain text: no control bytes other than tab, CR and LF in the first 4 kB. */
function isText(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return true;
}

/** The first `count` lines, whole whatever their length (deep perf stacks make lines of many kB). */
function firstLines(bytes: Uint8Array, count: number): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = 0;
  for (let i = 0; i < count && end < text.length; i++) {
    const newline = text.indexOf(0x0a, end);
    end = newline < 0 ? text.length : newline + 1;
  }
  return text.toString('utf8', 0, end);
}

/** The format of a profile's (inflated) bytes; throws for text that is none of them. */
export function detectFormat(bytes: Uint8Array): ProfileFormat {
  if (firstNonSpace(bytes) === 0x7b /* { */) return 'cpuprofile';
  // Every pprof file holds control bytes (field tags and lengths) in its first bytes.
  if (bytes.length > 0 && isText(bytes)) {
    if (looksFolded(firstLines(bytes, 20))) return 'folded';
    throw new Error(
      'it is text but not folded stacks (lines of "caller;callee;leaf 123") nor .cpuprofile JSON',
    );
  }
  return 'pprof';
}

/** Decodes a profile of any supported format (bytes gzipped or not); throws a message naming the problem. */
export function decodeProfile(bytes: Uint8Array, options: DecodeOptions = {}): DecodedProfile {
  const raw = isGzip(bytes) ? gunzipBounded(bytes) : bytes;
  const format = detectFormat(raw);
  let profile: PackedProfile;
  if (format === 'pprof') {
    try {
      profile = decodePprof(raw, options);
    } catch (error) {
      // Over a cap, it was read as a pprof far enough to be one.
      if (error instanceof LimitError) throw error;
      throw new Error(
        `it is not a pprof, .cpuprofile or folded-stacks file (read as pprof: ${(error as Error).message})`,
      );
    }
    return { format, profile };
  }
  if (format === 'cpuprofile') checkJsonSize(raw);
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  if (format === 'cpuprofile') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`it starts like JSON but does not parse: ${(error as Error).message}`);
    }
    if (!isCpuProfile(json)) {
      throw new Error(
        'it is JSON but not a .cpuprofile (no "nodes" call tree; Chrome trace-event files are not read, save the profile from the Performance panel\'s CPU profile or use node --cpu-prof)',
      );
    }
    profile = decodeCpuProfile(json);
  } else {
    profile = decodeFolded(text);
  }
  if (options.valueType && options.valueType !== profile.sampleType.type) {
    throw new Error(
      `the profile has no sample type "${options.valueType}" (a ${FORMAT_NAMES[format]} file holds ${describeSampleType(profile.sampleType)})`,
    );
  }
  return { format, profile };
}

export function describeSampleType(type: SampleType): string {
  return `${type.type}/${type.unit}`;
}

/** What a comparison needs to know of a decoded profile (all of it, or what a worker thread sent back). */
export type ProfileKind = Pick<DecodedProfile, 'format'> & { profile: Pick<PackedProfile, 'sampleType'> };

/**
 * Why two profiles cannot be compared, or undefined when they can. Time profiles compare with each
 * other whatever their sampling (wall, cpu); other units only with the same sample type.
 */
export function incomparable(base: ProfileKind, head: ProfileKind): string | undefined {
  const a = base.profile.sampleType;
  const b = head.profile.sampleType;
  if (a.unit === b.unit && (a.unit === 'nanoseconds' || a.type === b.type)) return undefined;
  const hint =
    base.format === 'pprof' || head.format === 'pprof'
      ? '; a pprof file may hold other sample types: pick one with --value-type'
      : '';
  return (
    `the profiles measure different things: base is ${describeSampleType(a)} (${FORMAT_NAMES[base.format]}), ` +
    `head is ${describeSampleType(b)} (${FORMAT_NAMES[head.format]}); compare two profiles of the same kind${hint}`
  );
}

/**
 * Reads a production profile (pprof, .cpuprofile or folded stacks) for production weighting; throws
 * a message naming the file when it cannot be read or holds no CPU time.
 */
export function readProductionProfile(path: string): PackedProfile {
  let bytes: Uint8Array;
  try {
    bytes = readFileBounded(path);
  } catch (error) {
    if (error instanceof LimitError)
      throw new Error(`cannot read the production profile ${path}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`cannot read the production profile ${path}${code ? ` (${code})` : ''}`);
  }
  let decoded: DecodedProfile;
  try {
    decoded = decodeProfile(bytes, { preferTypes: PRODUCTION_TIME_TYPES });
  } catch (error) {
    throw new Error(`cannot read the production profile ${path}: ${(error as Error).message}`);
  }
  const type = decoded.profile.sampleType;
  if (type.unit !== 'nanoseconds' && type.unit !== 'count') {
    throw new Error(
      `the production profile ${path} holds ${describeSampleType(type)}, not CPU time: export a CPU or wall profile`,
    );
  }
  return decoded.profile;
}

/**
 * Time sample types in the order production weighting wants them: its shares are of production CPU,
 * so a pprof holding both (@datadog/pprof's time profiler with CPU time on) is read as `cpu`: wall time
 * would also count time spent waiting (I/O, locks, an idle event loop), which costs the fleet no CPU.
 */
const PRODUCTION_TIME_TYPES: readonly string[] = ['cpu', 'wall'];

/** Reads and inflates one side's profile file; the message names the side and the file. */
export async function readSideBytes(path: string, side: string): Promise<Uint8Array> {
  try {
    return await readProfileBytes(path);
  } catch (error) {
    if (error instanceof LimitError)
      throw new Error(`cannot read the ${side} profile ${path}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`cannot read the ${side} profile ${path} (${code ?? (error as Error).message})`);
  }
}

/** Decodes one side's (inflated) bytes; the message names the side and the file. */
export function decodeSideBytes(
  bytes: Uint8Array,
  path: string,
  side: string,
  valueType: string | undefined,
): DecodedProfile {
  try {
    return decodeProfile(bytes, valueType ? { valueType } : {});
  } catch (error) {
    throw new Error(`cannot read the ${side} profile ${path}: ${(error as Error).message}`);
  }
}
