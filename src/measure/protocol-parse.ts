// Checks the protocol (protocol.ts) where it is received: the job where the child reads it
// (`parseJob`), every message where the parent reads it (`parseChildMessage`). The child runs the pull
// request's code, which can send through the IPC channel too: a message is checked field by field and
// rebuilt from its declared fields only, so a forged or garbled one is refused with the name of the
// field that is wrong, and nothing it carried beyond the protocol reaches the parent.
import type { Side, SideAllocation, SideTiming } from '../model.js';
import type {
  AllocatedResult,
  ChildBenchmark,
  ChildMessage,
  DoneMessage,
  ErrorMessage,
  Job,
  JobKind,
  MessageOf,
  MessagesByKind,
  ProgressMessage,
  TaskSpec,
  WrittenProfile,
} from './protocol.js';

/** A message or job that breaks the protocol; the message names the field. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** Checks `value` (found at `at`, a field path) and returns it as a `T` built of checked parts only. */
type Check<T> = (value: unknown, at: string) => T;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

function refuse(at: string, expected: string, value: unknown): never {
  throw new ProtocolError(`${at} is not ${expected} (got ${describe(value)})`);
}

const string: Check<string> = (v, at) => (typeof v === 'string' ? v : refuse(at, 'a string', v));
const boolean: Check<boolean> = (v, at) => (typeof v === 'boolean' ? v : refuse(at, 'a boolean', v));
/** A finite number: JSON has no other, and arithmetic on the parent's side expects none. */
const number: Check<number> = (v, at) =>
  typeof v === 'number' && Number.isFinite(v) ? v : refuse(at, 'a finite number', v);
const count: Check<number> = (v, at) =>
  Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : refuse(at, 'a whole number ≥ 0', v);

function literal<T extends string>(...values: T[]): Check<T> {
  const expected = values.map((x) => JSON.stringify(x)).join(' or ');
  return (v, at) => (values.includes(v as T) ? (v as T) : refuse(at, expected, v));
}
const side: Check<Side> = literal('base', 'head');

function optional<T>(check: Check<T>): Check<T | undefined> {
  return (v, at) => (v === undefined ? undefined : check(v, at));
}

function array<T>(check: Check<T>): Check<T[]> {
  return (v, at) => (Array.isArray(v) ? v.map((x, i) => check(x, `${at}[${i}]`)) : refuse(at, 'an array', v));
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every field of `T`, each with its check (an optional field's check accepts undefined). */
type Shape<T> = { [K in keyof T]-?: Check<T[K]> };

/** An object with the fields of `shape`: fields it does not name are dropped, absent optional ones stay absent. */
function object<T>(shape: Shape<T>): Check<T> {
  return (v, at) => {
    if (!isRecord(v)) return refuse(at, 'an object', v);
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape) as [string, Check<unknown>][]) {
      const value = check(Object.hasOwn(v, key) ? v[key] : undefined, `${at}.${key}`);
      if (value !== undefined) out[key] = value;
    }
    return out as T;
  };
}

/** An object with any keys, each value checked. */
function record<T>(check: Check<T>): Check<Record<string, T>> {
  return (v, at) => {
    if (!isRecord(v)) return refuse(at, 'an object', v);
    const out: Record<string, T> = {};
    for (const [key, value] of Object.entries(v)) out[key] = check(value, `${at}[${JSON.stringify(key)}]`);
    return out;
  };
}

function perSide<T>(check: Check<T>): Check<Partial<Record<Side, T>>> {
  return object<Partial<Record<Side, T>>>({ base: optional(check), head: optional(check) });
}

// The job (parent → child).

const taskSpec = object<TaskSpec>({ file: string, task: string });
const benchmark = object<ChildBenchmark>({
  key: string,
  slug: string,
  base: optional(taskSpec),
  head: optional(taskSpec),
});
const benchmarks = array(benchmark);
const roots = optional(perSide(string));

const JOBS: { [K in JobKind]: Check<Extract<Job, { kind: K }>> } = {
  discover: object({
    kind: literal('discover'),
    files: array(string),
    graph: optional(boolean),
    executed: optional(array(string)),
    executeMs: optional(number),
  }),
  timing: object({
    kind: literal('timing'),
    benchmarks,
    firstSide: side,
    sliceMs: number,
    warmupMs: number,
    timeMs: number,
    perCall: optional(boolean),
  }),
  profile: object({
    kind: literal('profile'),
    benchmarks,
    sliceMs: number,
    warmupMs: number,
    timeMs: number,
    intervalUs: number,
    outDir: string,
    process: count,
    roots,
  }),
  overhead: object({
    kind: literal('overhead'),
    benchmarks,
    sliceMs: number,
    warmupMs: number,
    timeMs: number,
    intervalUs: number,
  }),
  allocation: object({
    kind: literal('allocation'),
    benchmarks,
    firstSide: side,
    sliceMs: number,
    warmupMs: number,
    timeMs: number,
    samplingIntervalBytes: number,
    outDir: string,
    process: count,
    roots,
  }),
};

/** The job the runner was given, checked; a `ProtocolError` names the first field that is wrong. */
export function parseJob(raw: unknown): Job {
  if (!isRecord(raw)) return refuse('job', 'an object', raw);
  const kind = raw.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(JOBS, kind))
    return refuse(
      'job.kind',
      Object.keys(JOBS)
        .map((k) => JSON.stringify(k))
        .join(', '),
      kind,
    );
  return JOBS[kind as JobKind](raw, 'job');
}

// The messages (child → parent).

const sideTiming = object<SideTiming>({ ops: count, totalNs: number });
const sideAllocation = object<SideAllocation>({
  ops: count,
  bytes: number,
  gcNs: number,
  wallNs: number,
  majorGcNs: optional(number),
  minorGcDurationsNs: optional(array(number)),
  majorGcDurationsNs: optional(array(number)),
});
const written = perSide(object<WrittenProfile>({ path: string, ops: count }));
const pairLogRatios = array(number);

const progress = object<ProgressMessage>({
  type: literal('progress'),
  key: string,
  side,
  phase: literal('load', 'warmup', 'measure'),
});
const error = object<ErrorMessage>({
  type: literal('error'),
  key: string,
  side: optional(side),
  error: string,
});
const done = object<DoneMessage>({ type: literal('done') });

/** Every message type a job of each kind may send, with its check. */
type Checks<M extends { type: string }> = { [T in M['type']]: Check<Extract<M, { type: T }>> };

const BENCHMARK_COMMON = { progress, error };

const MESSAGES: { [K in JobKind]: Checks<MessagesByKind[K]> } = {
  discover: {
    loading: object({ type: literal('loading'), file: string }),
    discovered: object({
      type: literal('discovered'),
      file: string,
      tasks: array(string),
      reached: optional(array(string)),
    }),
    'discover-error': object({
      type: literal('discover-error'),
      file: string,
      error: string,
      reached: optional(array(string)),
    }),
    loaded: object({ type: literal('loaded'), files: array(string) }),
    executing: object({ type: literal('executing'), file: string }),
    executed: object({
      type: literal('executed'),
      file: string,
      changed: array(string),
      unknown: optional(boolean),
      skipped: optional(boolean),
      tasks: optional(record(array(string))),
    }),
    'vitest-project': object({
      type: literal('vitest-project'),
      execArgv: array(string),
      notes: array(string),
    }),
  },
  timing: {
    ...BENCHMARK_COMMON,
    timing: object({
      type: literal('timing'),
      key: string,
      base: optional(sideTiming),
      head: optional(sideTiming),
      pairLogRatios,
    }),
    floor: object({ type: literal('floor'), nsPerOp: number }),
  },
  profile: {
    ...BENCHMARK_COMMON,
    profiled: object({
      type: literal('profiled'),
      key: string,
      profiles: written,
      base: optional(sideTiming),
      head: optional(sideTiming),
      pairLogRatios,
    }),
  },
  overhead: {
    ...BENCHMARK_COMMON,
    overhead: object({ type: literal('overhead'), key: string, pairLogRatios }),
  },
  allocation: {
    ...BENCHMARK_COMMON,
    allocated: object<AllocatedResult>({
      type: literal('allocated'),
      key: string,
      profiles: written,
      base: optional(sideAllocation),
      head: optional(sideAllocation),
      pairLogRatios,
    }),
  },
};

/**
 * A message of a child running a job of kind `kind`, checked; a `ProtocolError` names the field that is
 * wrong, or the type that this kind of job does not send.
 */
export function parseChildMessage<K extends JobKind>(kind: K, raw: unknown): MessageOf<K> {
  if (!isRecord(raw)) return refuse('message', 'an object', raw);
  const type = raw.type;
  if (type === 'done') return done(raw, 'message');
  const checks = MESSAGES[kind] as Record<string, Check<ChildMessage>>;
  if (typeof type !== 'string' || !Object.hasOwn(checks, type))
    return refuse(
      'message.type',
      `a message a ${kind} job sends (${[...Object.keys(checks), 'done'].map((t) => JSON.stringify(t)).join(', ')})`,
      type,
    );
  return (checks[type] as Check<MessageOf<K>>)(raw, `${type} message`);
}
