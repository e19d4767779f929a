// Reads and validates `.github/flamegate.yml`. The schema rejects unknown keys, so a typo such as
// `thresold:` is an error naming the key instead of a silently ignored setting.
import { availableParallelism } from 'node:os';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import type { Budget, Config, Thresholds } from '../model.js';
import { UsageError } from '../settings.js';

export const DEFAULT_BENCHMARK_GLOB = '**/*.{bench,benchmark}.{js,mjs,cjs,ts,mts,cts,jsx,tsx}';
/**
 * Script files in the folders benchmarks usually live in, whatever their names (mitata, benchmark.js
 * and bench-node suites are often `bench/index.js`). A file found only by this glob is a benchmark
 * file when it imports a harness flamegate runs: the folders also hold helpers and data.
 */
export const DEFAULT_FOLDER_GLOB = '**/{bench,benchmark,benchmarks,perf}/**/*.{js,mjs,cjs,ts,mts,cts}';

/**
 * Measuring processes side by side by default: one per core the machine gives this process, at most
 * MAX_DEFAULT_PARALLEL. Measured on a 2-core VM (README, "Measured"): two processes side by side
 * keep the per-process spread of the paired ratio and nearly halve the wall time. Above 8 cores the
 * default stops growing: memory bandwidth and the parent's own work are shared too, and nothing was
 * measured there.
 */
export const MAX_DEFAULT_PARALLEL = 8;
export function defaultParallel(cores = availableParallelism()): number {
  return Math.max(1, Math.min(MAX_DEFAULT_PARALLEL, cores));
}

export const DEFAULT_BUDGET: Budget = {
  processes: 4,
  maxProcesses: 40,
  maxMinutes: 3,
  timePerProcessMs: 300,
  sliceMs: 5,
  warmupMs: 100,
  profileMs: 500,
  profileProcesses: 4,
  profileIntervalUs: 250,
  timeoutMs: 60_000,
  allocationProcesses: 3,
  allocationMs: 200,
  allocationIntervalBytes: 16_384,
  parallel: defaultParallel(),
};

/** Install and build each get this long per side unless `timeouts` says otherwise: slow, never endless. */
export const DEFAULT_STEP_TIMEOUT_MINUTES = 30;

export const DEFAULT_CONFIG: Config = {
  benchmarks: [DEFAULT_BENCHMARK_GLOB, DEFAULT_FOLDER_GLOB],
  exclude: [],
  thresholds: { benchmark: 0.05, function: 0.05, allocations: 0.1 },
  overrides: [],
  ignoreFunctions: [],
  budget: DEFAULT_BUDGET,
};

// A fraction is written as 0.05 or "5%"; a bare number above 1 is almost certainly a percent typo.
const fraction = {
  anyOf: [
    { type: 'number', minimum: 0, maximum: 1 },
    { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*%\\s*$' },
  ],
};
const globList = {
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string', minLength: 1 } },
  ],
};
const thresholdsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { benchmark: fraction, function: fraction, allocations: fraction },
};
// Top level only: the fleet gate reads the production profile, which is one for the whole run; a
// removed benchmark has no override to match on head; `failed` (a run that measured nothing on both
// sides is an error or a warning) is about the whole run.
const topThresholdsSchema = {
  ...thresholdsSchema,
  properties: {
    ...thresholdsSchema.properties,
    fleet: fraction,
    drift: fraction,
    removed: { enum: ['fail', 'warn'] },
    failed: { enum: ['error', 'warn'] },
  },
};
const positiveInt = (min: number, max: number) => ({ type: 'integer', minimum: min, maximum: max });

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    benchmarks: globList,
    exclude: globList,
    install: { type: 'string', minLength: 1 },
    build: { type: 'string', minLength: 1 },
    timeouts: {
      type: 'object',
      additionalProperties: false,
      properties: {
        install: { type: 'number', exclusiveMinimum: 0, maximum: 1440 },
        build: { type: 'number', exclusiveMinimum: 0, maximum: 1440 },
      },
    },
    thresholds: topThresholdsSchema,
    'production-profile': { type: 'string', minLength: 1 },
    select: { enum: ['affected', 'all'] },
    baseline: { type: 'string', minLength: 1, maxLength: 200 },
    history: {
      type: 'object',
      additionalProperties: false,
      properties: { branch: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$' } },
    },
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['match'],
        properties: {
          match: { type: 'string', minLength: 1 },
          thresholds: thresholdsSchema,
          skip: { type: 'boolean' },
        },
      },
    },
    ignoreFunctions: globList,
    budget: {
      type: 'object',
      additionalProperties: false,
      properties: {
        processes: positiveInt(2, 100),
        maxProcesses: positiveInt(2, 400),
        maxMinutes: { type: 'number', exclusiveMinimum: 0, maximum: 1440 },
        timePerProcessMs: positiveInt(10, 600_000),
        sliceMs: positiveInt(1, 10_000),
        warmupMs: positiveInt(0, 600_000),
        profileMs: positiveInt(10, 600_000),
        profileProcesses: positiveInt(1, 20),
        profileIntervalUs: positiveInt(100, 100_000),
        timeoutMs: positiveInt(100, 3_600_000),
        allocationProcesses: { type: 'integer', minimum: 0, maximum: 20 },
        allocationMs: positiveInt(10, 600_000),
        allocationIntervalBytes: positiveInt(512, 16_777_216),
        parallel: positiveInt(1, 64),
      },
    },
  },
} as const;

// Compiled on first use: compiling costs ~40 ms, which every `flamegate diff` would pay at start-up.
let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction =>
  (compiled ??= new Ajv({ allErrors: true, strict: true }).compile(schema));

/** Parses YAML text and validates it; `source` names the file in every message. */
export function parseConfig(text: string, source: string): Config {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new UsageError(`${source}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return validateConfig(raw ?? {}, source);
}

export function validateConfig(raw: unknown, source: string): Config {
  const validate = validator();
  if (!validate(raw)) {
    const lines = describeErrors(validate.errors ?? [], raw);
    throw new UsageError(`${source}: invalid config\n${lines.map((l) => `  - ${l}`).join('\n')}`);
  }
  const input = raw as Record<string, unknown>;
  const thresholds: Partial<Thresholds> = toThresholds(input.thresholds);
  // Words, not fractions: the schema allows only the listed values.
  const words = input.thresholds as Partial<Thresholds> | undefined;
  if (words?.failed) thresholds.failed = words.failed;
  const drift = toFraction((input.thresholds as Record<string, unknown> | undefined)?.drift);
  if (drift !== undefined) thresholds.drift = drift;
  const removed = words?.removed;
  const budget = { ...DEFAULT_BUDGET, ...((input.budget as Partial<Budget>) ?? {}) };
  return {
    benchmarks: toList(input.benchmarks) ?? DEFAULT_CONFIG.benchmarks,
    exclude: toList(input.exclude) ?? [],
    install: input.install as string | undefined,
    build: input.build as string | undefined,
    ...(input.timeouts ? { timeouts: input.timeouts as Config['timeouts'] } : {}),
    thresholds: { ...DEFAULT_CONFIG.thresholds, ...thresholds, ...(removed ? { removed } : {}) },
    overrides: ((input.overrides as Record<string, unknown>[] | undefined) ?? []).map((o) => ({
      match: o.match as string,
      thresholds: toThresholds(o.thresholds),
      skip: o.skip === true,
    })),
    ignoreFunctions: toList(input.ignoreFunctions) ?? [],
    budget,
    ...(typeof input['production-profile'] === 'string'
      ? { productionProfile: input['production-profile'] }
      : {}),
    ...(input.select ? { select: input.select as Config['select'] } : {}),
    ...(typeof input.baseline === 'string' ? { baseline: input.baseline } : {}),
    ...((input.history as { branch?: string } | undefined)?.branch
      ? { historyBranch: (input.history as { branch: string }).branch }
      : {}),
  };
}

function toList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? (value as string[]) : [value as string];
}

function toFraction(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  return Number.parseFloat(String(value)) / 100;
}

function toThresholds(value: unknown): {
  benchmark?: number;
  function?: number;
  fleet?: number;
  allocations?: number;
} {
  const t = (value ?? {}) as Record<string, unknown>;
  const out: { benchmark?: number; function?: number; fleet?: number; allocations?: number } = {};
  const benchmark = toFraction(t.benchmark);
  const fn = toFraction(t.function);
  const fleet = toFraction(t.fleet);
  const allocations = toFraction(t.allocations);
  if (benchmark !== undefined) out.benchmark = benchmark;
  if (fn !== undefined) out.function = fn;
  if (fleet !== undefined) out.fleet = fleet;
  if (allocations !== undefined) out.allocations = allocations;
  return out;
}

/** Turns ajv's errors into one line per bad key, naming the key path and the offending value. */
function describeErrors(errors: ErrorObject[], raw: unknown): string[] {
  const lines = new Set<string>();
  // anyOf reports each branch; the branch errors under the same path add nothing for a reader.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const error of errors) {
    const path = keyPath(error.instancePath);
    if (error.keyword === 'additionalProperties') {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const where = path ? `under "${path}"` : 'at the top level';
      const known = Object.keys(schemaAt(error.schemaPath)).join(', ');
      lines.add(`unknown key "${path ? `${path}.` : ''}${key}" ${where} (known keys: ${known})`);
      continue;
    }
    if (anyOfPaths.has(error.instancePath) && error.keyword !== 'anyOf') continue;
    const value = JSON.stringify(valueAt(raw, error.instancePath));
    const expected =
      error.keyword === 'anyOf'
        ? expectationFor(path)
        : error.keyword === 'required'
          ? `is missing "${(error.params as { missingProperty: string }).missingProperty}"`
          : error.keyword === 'enum'
            ? `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
            : error.message;
    lines.add(`"${path || '(top level)'}" = ${value}: ${expected}`);
  }
  return [...lines];
}

function expectationFor(path: string): string {
  if (/thresholds\.(benchmark|function|fleet|allocations)$/.test(path)) {
    return 'must be a fraction from 0 to 1 or a percentage, e.g. 0.05 or "5%"';
  }
  return 'must be a glob string or a list of glob strings';
}

function keyPath(instancePath: string): string {
  return instancePath
    .split('/')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : part))
    .join('.')
    .replace(/\.\[/g, '[');
}

function valueAt(raw: unknown, instancePath: string): unknown {
  let node: unknown = raw;
  for (const part of instancePath.split('/').filter(Boolean)) {
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  return node;
}

function schemaAt(schemaPath: string): Record<string, unknown> {
  let node: unknown = schema;
  const parts = schemaPath.replace(/^#\//, '').split('/');
  for (const part of parts.slice(0, -1)) node = (node as Record<string, unknown>)[part];
  return ((node as { properties?: Record<string, unknown> }).properties ?? {}) as Record<string, unknown>;
}
