// A preload the repository gives its benchmark processes (a Yarn PnP `.pnp.cjs`, a vitest `execArgv`
// `--import`) runs before the runner's modules. flamegate's own preload runs before it and takes the
// clock first, so a preload that replaces `performance.now` is caught, not trusted as the clock.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChild } from '../../src/measure/child-process.js';
import type { ChildMessage, TimingJob } from '../../src/measure/protocol.js';
import { runnerLibSides } from '../helpers/runner-lib.js';

let dir: string;
beforeAll(() => {
  dir = runnerLibSides('flamegate-preload-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function timeWithPreload(preload: string): Promise<ChildMessage[]> {
  const file = join(dir, `${preload.length}-preload.cjs`);
  writeFileSync(file, preload);
  const task = (side: string) => ({ file: join(dir, side, 'lib.bench.mjs'), task: 'render' });
  const job: TimingJob = {
    kind: 'timing',
    benchmarks: [{ key: 'lib.bench.mjs > render', slug: 'render', base: task('base'), head: task('head') }],
    firstSide: 'base',
    sliceMs: 10,
    warmupMs: 20,
    timeMs: 60,
  };
  const messages: ChildMessage[] = [];
  const outcome = await runChild(job, {
    node: process.execPath,
    nodeArgs: ['--require', file],
    cwd: join(dir, 'head'),
    timeoutMs: 60_000,
    jobFile: join(dir, `job-${preload.length}.json`),
    onMessage: (m) => messages.push(m),
  });
  expect(outcome.end, outcome.output).toBe('done');
  return messages;
}

describe("the repository's preloads run after flamegate's", () => {
  it('a preload that replaces performance.now is caught, never used as the clock', async () => {
    const messages = await timeWithPreload(
      'const real = performance.now.bind(performance); performance.now = () => real() * 2;',
    );
    const errors = messages.filter((m) => m.type === 'error');
    expect(errors.map((m) => (m.type === 'error' ? m.error : '')).join('\n')).toMatch(/performance\.now/);
  });

  it('a harmless preload leaves the benchmark measured', async () => {
    const messages = await timeWithPreload('globalThis.harmless = 1;');
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(messages.some((m) => m.type === 'timing')).toBe(true);
  });
});
