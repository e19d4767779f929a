// The protocol's checks (protocol-parse.ts): the job the runner reads and every message the parent
// reads. Good ones pass, rebuilt from their declared fields; bad ones are refused naming the field.
import { describe, expect, it } from 'vitest';
import type { AllocationJob, ChildMessage, Job } from '../../src/measure/protocol.js';
import { ProtocolError, parseChildMessage, parseJob } from '../../src/measure/protocol-parse.js';

const benchmark = {
  key: 'a.bench.js > sort',
  slug: '000-a',
  base: { file: '/b/a.bench.js', task: 'sort' },
  head: { file: '/h/a.bench.js', task: 'sort' },
};

const JOBS: Job[] = [
  { kind: 'discover', files: ['/h/a.bench.js'], graph: true, executed: ['/h/src/x.js'], executeMs: 5000 },
  { kind: 'discover', files: [] },
  { kind: 'timing', benchmarks: [benchmark], firstSide: 'head', sliceMs: 10, warmupMs: 0, timeMs: 100 },
  {
    kind: 'timing',
    benchmarks: [{ ...benchmark, base: undefined }],
    firstSide: 'base',
    sliceMs: 10,
    warmupMs: 5,
    timeMs: 100,
    perCall: true,
  },
  {
    kind: 'profile',
    benchmarks: [benchmark],
    sliceMs: 20,
    warmupMs: 50,
    timeMs: 300,
    intervalUs: 1000,
    outDir: '/out',
    process: 2,
    roots: { base: '/b', head: '/h' },
  },
  { kind: 'overhead', benchmarks: [benchmark], sliceMs: 20, warmupMs: 300, timeMs: 6000, intervalUs: 1000 },
  {
    kind: 'allocation',
    benchmarks: [benchmark],
    firstSide: 'base',
    sliceMs: 25,
    warmupMs: 300,
    timeMs: 200,
    samplingIntervalBytes: 16384,
    outDir: '/out',
    process: 0,
  },
];

/** A job as it arrives: through JSON, so absent optional fields are absent, not undefined. */
const viaJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('parseJob', () => {
  it.each(JOBS.map((job) => [job.kind, job] as const))(
    'accepts a good %s job as it was written',
    (_, job) => {
      expect(parseJob(viaJson(job))).toEqual(viaJson(job));
    },
  );

  it('drops fields the protocol does not declare, at every depth', () => {
    const job = { ...(JOBS[2] as Job), extra: 1, benchmarks: [{ ...benchmark, evil: true }] };
    const parsed = parseJob(viaJson(job));
    expect(parsed).not.toHaveProperty('extra');
    expect(parsed.kind === 'timing' && parsed.benchmarks[0]).not.toHaveProperty('evil');
  });

  const allocation = JOBS[6] as AllocationJob;
  it.each([
    ['not an object', [], /^job is not an object \(got an array\)/],
    ['no kind', { files: [] }, /^job\.kind is not "discover", "timing", "profile", "overhead", "allocation"/],
    [
      'the old profile flag',
      { ...allocation, kind: 'profile', profile: 'overhead' },
      /^job\.intervalUs is not/,
    ],
    [
      'a string time',
      { ...allocation, timeMs: '200' },
      /^job\.timeMs is not a finite number \(got the string "200"\)/,
    ],
    ['a wrong side', { ...allocation, firstSide: 'both' }, /^job\.firstSide is not "base" or "head"/],
    ['a fractional process', { ...allocation, process: 1.5 }, /^job\.process is not a whole number/],
    [
      'a task without its file',
      { ...allocation, benchmarks: [{ ...benchmark, head: { task: 'sort' } }] },
      /^job\.benchmarks\[0\]\.head\.file is not a string \(got undefined\)/,
    ],
    ['roots not an object', { ...allocation, roots: '/h' }, /^job\.roots is not an object/],
    [
      'a null in the files',
      { kind: 'discover', files: ['/a', null] },
      /^job\.files\[1\] is not a string \(got null\)/,
    ],
  ])('refuses a job with %s, naming the field', (_, raw, message) => {
    expect(() => parseJob(raw)).toThrow(ProtocolError);
    expect(() => parseJob(raw)).toThrow(message);
  });
});

const GOOD: [Job['kind'], ChildMessage][] = [
  ['discover', { type: 'loading', file: '/h/a.bench.js' }],
  ['discover', { type: 'discovered', file: '/h/a.bench.js', tasks: ['sort'], reached: ['/h/src/x.js'] }],
  ['discover', { type: 'discover-error', file: '/h/a.bench.js', error: 'SyntaxError' }],
  ['discover', { type: 'loaded', files: [] }],
  ['discover', { type: 'executing', file: '/h/a.bench.js' }],
  [
    'discover',
    { type: 'executed', file: '/h/a.bench.js', changed: ['/h/src/x.js'], tasks: { sort: ['/h/src/x.js'] } },
  ],
  ['discover', { type: 'executed', file: '/h/a.bench.js', changed: [], skipped: true }],
  ['discover', { type: 'vitest-project', execArgv: ['--expose-gc'], notes: [] }],
  ['discover', { type: 'done' }],
  ['timing', { type: 'progress', key: 'k', side: 'base', phase: 'measure' }],
  ['timing', { type: 'error', key: 'k', side: 'head', error: 'boom' }],
  ['timing', { type: 'error', key: 'k', error: 'the profiler failed' }],
  ['timing', { type: 'floor', nsPerOp: 0.4 }],
  [
    'timing',
    {
      type: 'timing',
      key: 'k',
      base: { ops: 10, totalNs: 50 },
      head: { ops: 9, totalNs: 60 },
      pairLogRatios: [0.1, -0.2],
    },
  ],
  ['timing', { type: 'timing', key: 'k', head: { ops: 9, totalNs: 60 }, pairLogRatios: [] }],
  [
    'profile',
    {
      type: 'profiled',
      key: 'k',
      profiles: {
        base: { path: '/out/k/base-0.pb.gz', ops: 10 },
        head: { path: '/out/k/head-0.pb.gz', ops: 9 },
      },
      base: { ops: 10, totalNs: 50 },
      head: { ops: 9, totalNs: 60 },
      pairLogRatios: [0],
    },
  ],
  ['overhead', { type: 'overhead', key: 'k', pairLogRatios: [0.02, 0.01] }],
  [
    'allocation',
    {
      type: 'allocated',
      key: 'k',
      profiles: { head: { path: '/out/k/alloc-head-0.pb.gz', ops: 9 } },
      head: {
        ops: 9,
        bytes: 900,
        gcNs: 10,
        wallNs: 100,
        majorGcNs: 0,
        minorGcDurationsNs: [5, 5],
        majorGcDurationsNs: [],
      },
      pairLogRatios: [],
    },
  ],
];

describe('parseChildMessage', () => {
  it.each(GOOD.map(([kind, message]) => [kind, message.type, message] as const))(
    'accepts a good message of a %s job: %s',
    (kind, _, message) => {
      expect(parseChildMessage(kind, viaJson(message))).toEqual(viaJson(message));
    },
  );

  it('keeps only the declared fields: nothing forged reaches the parent', () => {
    const forged = {
      type: 'profiled',
      key: 'k',
      profiles: { head: { path: '/p', ops: 1, extra: 'x' }, other: { path: '/q', ops: 1 } },
      pairLogRatios: [],
      verdict: 'pass',
    };
    expect(parseChildMessage('profile', forged)).toEqual({
      type: 'profiled',
      key: 'k',
      profiles: { head: { path: '/p', ops: 1 } },
      pairLogRatios: [],
    });
  });

  it.each([
    ['timing', 'not an object', 'done', /^message is not an object \(got the string "done"\)/],
    [
      'timing',
      'an unknown type',
      { type: 'hello' },
      /^message\.type is not a message a timing job sends \(.*"floor".*\) \(got the string "hello"\)/,
    ],
    // One result type per job kind: a timing job's process cannot claim to have written profiles.
    [
      'timing',
      "another kind's result",
      { type: 'profiled', key: 'k', profiles: {}, pairLogRatios: [] },
      /^message\.type is not a message a timing job sends/,
    ],
    [
      'discover',
      'progress during discovery',
      { type: 'progress', key: '/h/a.js', side: 'head', phase: 'load' },
      /^message\.type is not a message a discover job sends/,
    ],
    [
      'timing',
      'a missing key',
      { type: 'timing', pairLogRatios: [] },
      /^timing message\.key is not a string \(got undefined\)/,
    ],
    [
      'timing',
      'string ops',
      { type: 'timing', key: 'k', base: { ops: '10', totalNs: 5 }, pairLogRatios: [] },
      /^timing message\.base\.ops is not a whole number ≥ 0 \(got the string "10"\)/,
    ],
    [
      'timing',
      'negative ops',
      { type: 'timing', key: 'k', head: { ops: -1, totalNs: 5 }, pairLogRatios: [] },
      /^timing message\.head\.ops is not a whole number ≥ 0 \(got -1\)/,
    ],
    [
      'timing',
      'a ratio that JSON turned into null',
      { type: 'timing', key: 'k', pairLogRatios: [0.1, null] },
      /^timing message\.pairLogRatios\[1\] is not a finite number \(got null\)/,
    ],
    [
      'timing',
      'an unknown side',
      { type: 'progress', key: 'k', side: 'both', phase: 'load' },
      /^progress message\.side is not "base" or "head"/,
    ],
    [
      'timing',
      'an unknown phase',
      { type: 'progress', key: 'k', side: 'head', phase: 'sleep' },
      /^progress message\.phase is not "load" or "warmup" or "measure"/,
    ],
    [
      'profile',
      'a profile without ops',
      { type: 'profiled', key: 'k', profiles: { head: { path: '/p' } }, pairLogRatios: [] },
      /^profiled message\.profiles\.head\.ops is not a whole number/,
    ],
    [
      'allocation',
      'bytes as text',
      {
        type: 'allocated',
        key: 'k',
        profiles: {},
        base: { ops: 1, bytes: 'many', gcNs: 0, wallNs: 0 },
        pairLogRatios: [],
      },
      /^allocated message\.base\.bytes is not a finite number/,
    ],
    [
      'discover',
      'task names that are not strings',
      { type: 'discovered', file: '/a', tasks: [1] },
      /^discovered message\.tasks\[0\] is not a string \(got 1\)/,
    ],
    [
      'discover',
      'per-task files not a list',
      { type: 'executed', file: '/a', changed: [], tasks: { sort: '/x' } },
      /^executed message\.tasks\["sort"\] is not an array/,
    ],
  ] as const)('refuses, in a %s job, a message with %s, naming the field', (kind, _, raw, message) => {
    expect(() => parseChildMessage(kind, raw)).toThrow(ProtocolError);
    expect(() => parseChildMessage(kind, raw)).toThrow(message);
  });
});
