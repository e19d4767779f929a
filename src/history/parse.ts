// A history file read back from the data branch. Other runs wrote it, and anyone who can push to the
// branch can write one: every field the page and `flamegate history` read is checked for its type and
// its size, fields this version does not know are dropped, and a bad file is named, never fatal to a
// listing (the reader skips it and reports it).
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { HistoryEntry } from '../model.js';

/** The largest history file read: a real entry of 1000 benchmarks is ~1 MB. */
export const HISTORY_FILE_MAX_BYTES = 4 * 1024 * 1024;

const NAME = { type: 'string', maxLength: 4_000 } as const;
const number = { type: 'number' } as const;
const object = (properties: Record<string, unknown>, required: string[] = []) =>
  ({ type: 'object', properties, required }) as const;

const revision = {
  ref: { type: 'string', maxLength: 256 },
  // Links to /commit/<sha> use it raw: hex only (SHA-1 or SHA-256 object names).
  sha: { type: 'string', pattern: '^([0-9a-f]{40}|[0-9a-f]{64})$' },
};

const mover = object(
  { name: NAME, file: NAME, package: NAME, deltaNsPerOp: number, shareOfBenchmark: number },
  ['name', 'file', 'deltaNsPerOp'],
);

const benchmark = object(
  {
    name: NAME,
    file: NAME,
    status: { enum: ['regressed', 'improved', 'unchanged', 'added', 'removed', 'failed'] },
    change: number,
    ci: { type: 'array', items: number, minItems: 2, maxItems: 2 },
    baseNs: number,
    headNs: number,
    // A newer flamegate may keep more movers; this one shows at most 5 but reads up to 50.
    movers: { type: 'array', items: mover, maxItems: 50 },
  },
  ['name', 'file', 'status', 'movers'],
);

const schema = object(
  {
    schemaVersion: { const: 1 },
    // ISO 8601 in UTC, as entryFromReport writes it: the listing sorts by it.
    time: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$' },
    commit: object(revision, ['ref', 'sha']),
    anchor: object({ ...revision, tag: { type: 'string', maxLength: 256 } }, ['ref', 'sha']),
    verdict: { enum: ['pass', 'fail'] },
    drift: number,
    // The page links to it: a web address only, never `javascript:`.
    runUrl: { type: 'string', maxLength: 2_000, pattern: '^https?://' },
    benchmarks: { type: 'array', items: benchmark, maxItems: 20_000 },
  },
  ['schemaVersion', 'time', 'commit', 'anchor', 'verdict', 'benchmarks'],
);

let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction =>
  (compiled ??= new Ajv({ allErrors: false, strict: true, removeAdditional: 'all' }).compile(schema));

/** A history file that is not a valid entry; the message names the file. */
export class HistoryFileError extends Error {
  override name = 'HistoryFileError';
}

/** Parses and checks one history file; `name` (its path on the branch) is in every error. */
export function parseHistoryEntry(text: string | Buffer, name: string): HistoryEntry {
  const size = typeof text === 'string' ? Buffer.byteLength(text) : text.length;
  if (size > HISTORY_FILE_MAX_BYTES) {
    throw new HistoryFileError(
      `${name} is ${size} bytes, more than a history file holds (${HISTORY_FILE_MAX_BYTES})`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(typeof text === 'string' ? text : text.toString('utf8'));
  } catch (error) {
    throw new HistoryFileError(`${name} is not JSON: ${(error as Error).message}`);
  }
  const validate = validator();
  if (!validate(raw)) {
    throw new HistoryFileError(`${name} is not a flamegate history entry: ${describe(validate.errors?.[0])}`);
  }
  const entry = raw as HistoryEntry;
  if (Number.isNaN(Date.parse(entry.time))) {
    throw new HistoryFileError(`${name} is not a flamegate history entry: field "time" is not a date`);
  }
  return entry;
}

/** `field "benchmarks/0/name" must be string`: the first error, naming the field. */
function describe(error: ErrorObject | undefined): string {
  if (!error) return 'unknown schema error';
  const path = error.instancePath.replace(/^\//, '') || '(top level)';
  if (error.keyword === 'required') {
    return `field "${path}" is missing "${(error.params as { missingProperty: string }).missingProperty}"`;
  }
  return `field "${path}" ${error.message ?? 'is invalid'}`;
}
