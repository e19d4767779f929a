// The JSON report as something read back from disk: post-only mode publishes a report.json that the
// untrusted half of the fork recipe uploaded, so every field the comment and the publish stage read is
// checked for its type, its values and its size before it is rendered. Fields this version does not
// read are dropped: nothing unchecked reaches the comment.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Report } from '../model.js';
import { UsageError } from '../settings.js';

// Bounds far above what a real run writes and far below what would hurt: the renderer clips names
// anyway, the limits keep a crafted file from costing minutes or gigabytes.
const NAME = { type: 'string', maxLength: 4_000 } as const;
const LINE = { type: 'string', maxLength: 20_000 } as const;
const MESSAGE = { type: 'string', maxLength: 200_000 } as const;
const number = { type: 'number' } as const;
const count = { type: 'integer', minimum: 0 } as const;
const interval = { type: 'array', items: number, minItems: 2, maxItems: 2 } as const;
const list = <T>(items: T, maxItems: number) => ({ type: 'array', items, maxItems }) as const;
const object = (properties: Record<string, unknown>, required: string[] = []) =>
  ({ type: 'object', properties, required }) as const;

const revision = object(
  {
    ref: { type: 'string', maxLength: 256 },
    // Links to /commit/<sha> and the reproduce line use it raw: hex only (SHA-1 or SHA-256 object names).
    sha: { type: 'string', pattern: '^([0-9a-f]{40}|[0-9a-f]{64})$' },
  },
  ['ref', 'sha'],
);
// `ops` was added later: a report saved before it has `samples` alone.
const sideSummary = object({ medianNs: number, meanNs: number, ops: number, samples: number }, [
  'medianNs',
  'meanNs',
  'samples',
]);
const evidence = object({ z: number, agreeing: count, processes: count }, ['z', 'agreeing', 'processes']);
const source = object(
  {
    changed: { type: 'boolean' },
    reason: { enum: ['edited', 'new', 'dependency', 'unchanged'] },
    lines: { type: 'array', items: count, minItems: 2, maxItems: 2 },
    changedLines: { type: 'array', items: count, minItems: 2, maxItems: 2 },
    packageVersions: object({ base: NAME, head: NAME }),
  },
  ['changed', 'reason'],
);
const FUNCTION_STATUS = { enum: ['regressed', 'improved', 'unchanged', 'added', 'removed'] } as const;
const FRAME_KIND = { enum: ['user', 'dependency', 'node', 'runtime', 'harness'] } as const;
// What a function row and an allocation row share.
const row = {
  benchmark: NAME,
  name: NAME,
  file: NAME,
  line: count,
  status: FUNCTION_STATUS,
  benchmarkFile: NAME,
  kind: FRAME_KIND,
  package: NAME,
  shareOfBenchmark: number,
  evidence,
  source,
};

const benchmark = object(
  {
    name: NAME,
    file: NAME,
    status: { enum: ['regressed', 'improved', 'unchanged', 'added', 'removed', 'failed'] },
    base: { anyOf: [sideSummary, { type: 'null' }] },
    head: { anyOf: [sideSummary, { type: 'null' }] },
    change: number,
    ci: interval,
    pairedNs: object({ base: number, head: number }, ['base', 'head']),
    threshold: number,
    error: MESSAGE,
    infrastructure: { type: 'boolean' },
    inconclusive: { type: 'boolean' },
    functionThreshold: number,
    failures: list(LINE, 100),
    functionNoise: object(
      {
        processes: count,
        samples: object({ base: number, head: number }, ['base', 'head']),
        dispersion: number,
        ratio: number,
      },
      ['processes', 'samples', 'dispersion', 'ratio'],
    ),
    resolution: number,
    spread: number,
    processes: count,
    stoppedBy: { enum: ['resolved', 'maxProcesses', 'maxMinutes'] },
    neededProcesses: count,
    confirmation: object(
      {
        change: number,
        ci: interval,
        processes: count,
        confirmed: { type: 'boolean' },
        firstVerdict: { enum: ['regressed', 'improved'] },
      },
      ['change', 'ci', 'processes', 'confirmed'],
    ),
    costMs: number,
    package: NAME,
    memory: object(
      {
        baseBytesPerOp: number,
        headBytesPerOp: number,
        change: number,
        ci: interval,
        status: { enum: ['regressed', 'improved', 'unchanged'] },
        threshold: number,
        baseGcShare: number,
        headGcShare: number,
        processes: count,
      },
      [
        'baseBytesPerOp',
        'headBytesPerOp',
        'change',
        'ci',
        'status',
        'threshold',
        'baseGcShare',
        'headGcShare',
        'processes',
      ],
    ),
  },
  ['name', 'file', 'status', 'base', 'head', 'change', 'ci', 'threshold'],
);

const functionRow = object(
  {
    ...row,
    baseSelfNsPerOp: number,
    headSelfNsPerOp: number,
    deltaNsPerOp: number,
    change: number,
    gate: { type: 'boolean' },
    productionShare: number,
    fleetImpact: number,
    notInProduction: { type: 'boolean' },
    fleetGate: { type: 'boolean' },
  },
  [
    'benchmark',
    'name',
    'file',
    'line',
    'baseSelfNsPerOp',
    'headSelfNsPerOp',
    'deltaNsPerOp',
    'change',
    'status',
  ],
);

const allocationRow = object(
  { ...row, baseBytesPerOp: number, headBytesPerOp: number, deltaBytesPerOp: number },
  ['benchmark', 'name', 'file', 'line', 'baseBytesPerOp', 'headBytesPerOp', 'deltaBytesPerOp', 'status'],
);

const schema = object(
  {
    schemaVersion: { const: 1 },
    verdict: { enum: ['pass', 'fail'] },
    base: revision,
    head: revision,
    benchmarks: list(benchmark, 20_000),
    functions: list(functionRow, 200_000),
    failures: list(LINE, 20_000),
    infrastructureErrors: list(MESSAGE, 1_000),
    measured: object({ both: count, failedOnBoth: count, onNothing: { enum: ['error', 'warn'] } }, [
      'both',
      'failedOnBoth',
      'onNothing',
    ]),
    nothingMeasured: MESSAGE,
    settings: object(
      {
        processes: count,
        timePerProcessMs: number,
        profileMs: number,
        // The footer prints it as it is: a version string, nothing that Markdown would read.
        node: { type: 'string', pattern: '^[0-9A-Za-z.+-]{1,64}$' },
        maxProcesses: count,
        maxMinutes: number,
        allocationMs: number,
        parallel: count,
      },
      ['processes', 'timePerProcessMs', 'profileMs', 'node'],
    ),
    sampling: object(
      {
        processes: count,
        confirmProcesses: count,
        maxProcesses: count,
        seconds: number,
        savedSeconds: number,
        resolved: count,
        unresolved: count,
        alphaPerLook: number,
        harnessFloorNs: number,
        trailing: object({ profileMs: number, allocationMs: number, allocated: count, allocatable: count }, [
          'profileMs',
          'allocationMs',
        ]),
      },
      ['processes', 'maxProcesses', 'seconds', 'savedSeconds', 'resolved', 'unresolved', 'alphaPerLook'],
    ),
    allocations: list(allocationRow, 200_000),
    allocationPassMs: number,
    configFingerprint: { type: 'string', maxLength: 256 },
    packages: list(NAME, 10_000),
    selection: object(
      {
        select: { enum: ['affected', 'all'] },
        everything: LINE,
        reachedChanges: list(NAME, 100_000),
        notAffected: list(object({ file: NAME, name: NAME }, ['file', 'name']), 200_000),
        executedChanges: list(object({ file: NAME, name: NAME }, ['file', 'name']), 200_000),
        executionUnknown: list(object({ file: NAME, name: NAME }, ['file', 'name']), 200_000),
      },
      ['select', 'notAffected'],
    ),
    harnessNotes: list(MESSAGE, 1_000),
    leftOut: list(object({ name: NAME, file: NAME, reason: LINE }, ['name', 'file', 'reason']), 200_000),
    reproduce: list(LINE, 200),
    drift: object(
      {
        anchor: revision,
        commit: { type: 'string', pattern: '^([0-9a-f]{40}|[0-9a-f]{64})$' },
        time: { type: 'string', maxLength: 64 },
        benchmarks: list(
          object({ name: NAME, file: NAME, change: number, ci: interval, prChange: number }, [
            'name',
            'file',
            'change',
            'ci',
          ]),
          50,
        ),
      },
      ['anchor', 'commit', 'time', 'benchmarks'],
    ),
  },
  ['schemaVersion', 'verdict', 'base', 'head', 'benchmarks', 'functions'],
);

/** The largest report.json read back: a real run's report is a few megabytes at most. */
export const REPORT_MAX_BYTES = 64 * 1024 * 1024;

// Compiled on first use, like the config schema: only post-only mode pays for it.
let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction =>
  (compiled ??= new Ajv({ allErrors: false, strict: true, removeAdditional: 'all' }).compile(schema));

/**
 * Parses and checks a saved JSON report; `source` names it in the error. Unknown fields are removed
 * (a newer flamegate may add fields; this one renders only what it checked).
 */
export function parseReport(text: string, source: string): Report {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not JSON: ${(error as Error).message}`);
  }
  const validate = validator();
  if (!validate(raw)) {
    throw new UsageError(`${source} is not a valid flamegate report: ${describe(validate.errors?.[0], raw)}`);
  }
  return raw as Report;
}

/** `field "benchmarks[0].name" = 42: must be string`: the first error, naming the field and its value. */
function describe(error: ErrorObject | undefined, raw: unknown): string {
  if (!error) return 'unknown schema error';
  const parts = error.instancePath.split('/').filter(Boolean);
  const path = parts
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
  let value: unknown = raw;
  for (const part of parts) value = (value as Record<string, unknown> | undefined)?.[part];
  const shown = JSON.stringify(value) ?? 'undefined';
  const what =
    error.keyword === 'required'
      ? `is missing "${(error.params as { missingProperty: string }).missingProperty}"`
      : `= ${shown.length > 80 ? `${shown.slice(0, 79)}…` : shown}: ${
          error.keyword === 'enum'
            ? `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
            : (error.message ?? 'is invalid')
        }`;
  return `field "${path || '(top level)'}" ${what}`;
}
