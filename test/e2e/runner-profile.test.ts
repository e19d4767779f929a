// The child runner under the real profiler, in real processes: identical code loaded as base and as
// head must give both sides the same functions. Before the profiler was started ahead of the
// benchmark modules, code compiled during warm-up vanished from one side at random and its samples
// went to the caller (docs/measurement.md, "Profiler start").
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noInliningFlags, runChild } from '../../src/measure/child-process.js';
import type { ChildMessage, ProfileJob } from '../../src/measure/protocol.js';
import type { FunctionTable } from '../../src/model.js';
import { classifyProfile } from '../../src/profile/classify.js';
import { functionTable } from '../../src/profile/functions.js';
import { decodePprof } from '../../src/profile/pprof.js';
import { runnerLibSides } from '../helpers/runner-lib.js';

const PROCESSES = 3;

let dir: string;
const tables: { base: FunctionTable; head: FunctionTable }[] = [];
const messages: ChildMessage[] = [];

beforeAll(async () => {
  dir = runnerLibSides('flamegate-runner-');
  const task = (side: string) => ({ file: join(dir, side, 'lib.bench.mjs'), task: 'render' });
  for (let process = 0; process < PROCESSES; process++) {
    const job: ProfileJob = {
      kind: 'profile',
      benchmarks: [{ key: 'lib.bench.mjs > render', slug: 'render', base: task('base'), head: task('head') }],
      sliceMs: 20,
      warmupMs: 300,
      timeMs: 600,
      intervalUs: 1000,
      outDir: join(dir, 'out'),
      process,
    };
    const outcome = await runChild(job, {
      node: globalThis.process.execPath,
      nodeArgs: noInliningFlags(globalThis.process.execPath),
      cwd: join(dir, 'head'),
      timeoutMs: 60_000,
      jobFile: join(dir, `job-${process}.json`),
      onMessage: (m) => messages.push(m),
    });
    expect(outcome.end, outcome.output).toBe('done');
    const read = (side: string) =>
      functionTable(
        classifyProfile(decodePprof(readFileSync(join(dir, 'out/render', `${side}-${process}.pb.gz`))), {
          roots: [join(dir, 'base'), join(dir, 'head')],
        }),
      );
    tables.push({ base: read('base'), head: read('head') });
  }
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Functions of the library file with a share of at least `minShare` of the side's samples. */
const libraryFunctions = (table: FunctionTable, minShare = 0) =>
  table.functions
    .filter((f) => f.frame.file === 'lib.mjs' && f.selfSamples >= minShare * table.totalSamples)
    .map((f) => f.frame.name)
    .sort();

describe('attribution pass: profiler lifecycle', () => {
  it('reports every benchmark and keeps only measured samples', () => {
    expect(messages.filter((m) => m.type === 'profiled')).toHaveLength(PROCESSES);
    expect(messages.some((m) => m.type === 'error')).toBe(false);
    for (const { base, head } of tables) {
      // 600 ms per side at 1 ms (fewer on a loaded machine): load and warm-up would add half as many again.
      for (const t of [base, head]) expect(t.totalSamples).toBeLessThan(800);
      for (const t of [base, head]) expect(t.totalSamples).toBeGreaterThan(50);
    }
  });

  it('sees the IIFE, the closure and the helpers on both sides, in every process', () => {
    for (const { base, head } of tables) {
      for (const t of [base, head]) {
        expect(libraryFunctions(t)).toEqual(
          expect.arrayContaining(['(anonymous in render)', 'ambiguous', 'classify', 'scan']),
        );
      }
    }
  });

  it('gives identical code the same set of functions on both sides', () => {
    for (const { base, head } of tables) {
      // A function that is more than a sliver of one side must exist on the other.
      expect(libraryFunctions(head)).toEqual(expect.arrayContaining(libraryFunctions(base, 0.02)));
      expect(libraryFunctions(base)).toEqual(expect.arrayContaining(libraryFunctions(head, 0.02)));
      // And no function swallows another's samples: self shares agree within sampling noise (five
      // standard errors of the binomial share difference; a swallowed function moves by its whole share).
      for (const name of libraryFunctions(base, 0.05)) {
        const share = (t: FunctionTable) =>
          (t.functions.find((f) => f.frame.name === name && f.frame.file === 'lib.mjs')?.selfSamples ?? 0) /
          t.totalSamples;
        const p = (share(base) + share(head)) / 2;
        const error = Math.sqrt(p * (1 - p) * (1 / base.totalSamples + 1 / head.totalSamples));
        expect(Math.abs(share(base) - share(head)), name).toBeLessThan(5 * error + 0.01);
      }
    }
  });
});
