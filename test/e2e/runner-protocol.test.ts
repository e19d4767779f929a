// The benchmark code shares its process with the runner and can write to the IPC channel itself. A
// message that breaks the protocol is never read as a result: the parent kills the process and charges
// it as a crash, to the side whose code was running (here head, loading its benchmark file).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blameUnfinished } from '../../src/measure/blame.js';
import { runChild } from '../../src/measure/child-process.js';
import type { ChildMessage, TimingJob } from '../../src/measure/protocol.js';
import { runnerLibSides } from '../helpers/runner-lib.js';

const KEY = 'lib.bench.mjs > render';

let dir: string;
beforeAll(() => {
  dir = runnerLibSides('flamegate-protocol-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Times the benchmark with head's file sending `forged` through `process.send` as it loads. */
async function timeWithForgery(name: string, forged: unknown) {
  const bench = join(dir, 'head', `${name}.bench.mjs`);
  writeFileSync(
    bench,
    `import bench from './lib.bench.mjs';\nprocess.send(${JSON.stringify(forged)});\nexport default bench;\n`,
  );
  const job: TimingJob = {
    kind: 'timing',
    benchmarks: [
      {
        key: KEY,
        slug: name,
        base: { file: join(dir, 'base', 'lib.bench.mjs'), task: 'render' },
        head: { file: bench, task: 'render' },
      },
    ],
    firstSide: 'base',
    sliceMs: 10,
    warmupMs: 20,
    timeMs: 60,
  };
  const messages: ChildMessage[] = [];
  const outcome = await runChild(job, {
    node: process.execPath,
    nodeArgs: [],
    cwd: join(dir, 'head'),
    timeoutMs: 60_000,
    jobFile: join(dir, `job-${name}.json`),
    onMessage: (m) => messages.push(m),
  });
  return { outcome, messages };
}

describe('a message that breaks the protocol', () => {
  it('ends the process as a crash charged to the side that sent it, naming the bad field', async () => {
    const forged = { type: 'timing', key: KEY, base: { ops: 1, totalNs: 1 }, pairLogRatios: 'zero' };
    const { outcome, messages } = await timeWithForgery('garbled', forged);
    expect(outcome.end, outcome.output).toBe('crash');
    expect(outcome.violation).toMatch(
      /timing message\.pairLogRatios is not an array \(got the string "zero"\)/,
    );
    expect(outcome.last).toEqual({ key: KEY, side: 'head' });
    // As runWithRespawn charges it: no result was read for the benchmark, so its head fails.
    expect(blameUnfinished(outcome.last, new Set())).toEqual({ kind: 'side', key: KEY, side: 'head' });
    expect(messages.some((m) => m.type === 'timing' || m.type === 'done')).toBe(false);
  });

  it("refuses another job kind's result, well formed as it is", async () => {
    const forged = { type: 'overhead', key: KEY, pairLogRatios: [0] };
    const { outcome, messages } = await timeWithForgery('other-kind', forged);
    expect(outcome.end, outcome.output).toBe('crash');
    expect(outcome.violation).toMatch(
      /message\.type is not a message a timing job sends .*\(got the string "overhead"\)/,
    );
    expect(outcome.last).toEqual({ key: KEY, side: 'head' });
    expect(messages.some((m) => m.type === 'done')).toBe(false);
  });
});
