// The stand-in for `vitest` that records what a bench file declares, without vite or a process.
import { describe, expect, it } from 'vitest';
import { collect, vitestApi } from '../../src/measure/child/vitest/collect.js';

type Fn = (...args: unknown[]) => unknown;
// biome-ignore lint/suspicious/noExplicitAny: the stand-in API is as loosely typed as vitest's chainables
const v = vitestApi as Record<string, any>;
const names = (benches: { name: string }[]) => benches.map((b) => b.name);

describe('collect: Vitest 3/4 top-level bench', () => {
  it('names benchmarks by their describe path, after the file body, honouring modifiers', async () => {
    const order: string[] = [];
    const benches = await collect('top-level-bench', '4.1.12', async () => {
      v.describe('outer', () => {
        order.push('outer factory');
        v.bench('a', () => 1);
        v.describe('inner', () => {
          v.bench('b', () => 2, { time: 10 });
          v.bench.skip('skipped', () => 3);
        });
        v.bench.todo('todo');
        v.bench.skipIf(true)('skipIf', () => 4);
        v.bench.runIf(false)('runIf', () => 5);
        v.bench.runIf(true)('runIf true', () => 6);
      });
      v.describe.skip('skipped suite', () => v.bench('x', () => 7));
      v.test('a test in a Vitest 4 bench file is not run', () => order.push('test ran'));
      order.push('file body done');
    });
    // Like vitest, describe callbacks run after the module body.
    expect(order).toEqual(['file body done', 'outer factory']);
    expect(names(benches)).toEqual(['outer > a', 'outer > inner > b', 'outer > runIf true']);
    expect(benches.find((b) => b.name === 'outer > inner > b')?.options).toEqual({ time: 10 });
  });

  it('runs beforeAll hooks once before collecting, and keeps only `.only` benches when there are any', async () => {
    let setups = 0;
    const benches = await collect('top-level-bench', '4.1.12', async () => {
      v.beforeAll(() => {
        setups++;
      });
      v.afterAll(() => {
        throw new Error('teardown must not run: the benches still run after collection');
      });
      v.bench('plain', () => 1);
      // biome-ignore lint/suspicious/noFocusedTests: the stand-in's `.only`, not this test file's
      v.describe.only('focused', () => {
        v.bench('one', () => 1);
        v.bench('two', () => 2);
      });
      v.bench.only('focused bench', () => 3);
    });
    expect(setups).toBe(1);
    expect(names(benches)).toEqual(['focused > one', 'focused > two', 'focused bench']);
  });

  it('turns a throwing describe into a failing entry and keeps the rest; duplicate names stay apart', async () => {
    const benches = await collect('top-level-bench', '4.1.12', async () => {
      v.describe('broken', () => {
        throw new Error('describe broke');
      });
      v.bench('same', () => 1);
      v.bench('same', () => 2);
      v.describe.each([
        [1, 'one'],
        [2, 'two'],
      ])('case %i (%s)', (n: number) => v.bench(`n=${n}`, () => n));
    });
    expect(names(benches)).toEqual([
      'broken',
      'same',
      'same (2)',
      'case 1 (one) > n=1',
      'case 2 (two) > n=2',
    ]);
    expect(String(benches[0]?.error)).toContain('describe broke');
  });
});

describe('collect: Vitest 5 bench fixture', () => {
  it('calls each test with a recording bench fixture: run, compare with shared options, per-bench options', async () => {
    const benches = await collect('bench-fixture', '5.1.1', async () => {
      v.describe('parser', () => {
        v.beforeEach((context: { seen?: boolean }) => {
          context.seen = true;
        });
        v.test('single', async ({ bench, seen }: { bench: Fn & Record<string, Fn>; seen: boolean }) => {
          if (!seen) throw new Error('beforeEach did not run');
          const result = (await (bench('parse', () => 1) as { run: () => Promise<unknown> }).run()) as {
            throughput: { mean: number };
          };
          // Assertions on the (inert) result do not throw while collecting.
          v.expect(result.throughput.mean).toBeGreaterThan(10_000);
        });
        v.test('pair', async ({ bench }: { bench: Fn & Record<string, Fn> }) => {
          const before = () => undefined;
          await bench.compare?.(
            bench('fast', () => 1),
            bench('slow', { beforeEach: before }, () => 2),
            { time: 100 },
          );
          await (
            (bench.withBaseline as Fn)('baseline', () => 3) as { run: (o: object) => Promise<unknown> }
          ).run({
            iterations: 5,
          });
        });
        v.test.skip('skipped', async ({ bench }: { bench: Fn }) => {
          await (bench('never', () => 0) as { run: () => Promise<unknown> }).run();
        });
        v.test('throws', () => {
          throw new Error('test body broke');
        });
      });
    });
    expect(names(benches)).toEqual([
      'parser > single > parse',
      'parser > pair > fast',
      'parser > pair > slow',
      'parser > pair > baseline',
      'parser > throws',
    ]);
    expect(benches[1]?.options).toEqual({ time: 100 });
    expect(Object.keys(benches[2]?.fnOpts ?? {})).toEqual(['beforeEach']);
    expect(benches[3]?.options).toEqual({ iterations: 5 });
    expect(String(benches[4]?.error)).toContain('test body broke');
  });

  it('sets up test.extend fixtures (values and functions with use) before the test body', async () => {
    const benches = await collect('bench-fixture', '5.1.1', async () => {
      const withData = v.test.extend({
        size: 3,
        data: async ({ size }: { size: number }, use: (value: number[]) => Promise<void>) => {
          await use(Array.from({ length: size }, (_, i) => i));
          throw new Error('fixture teardown must not run');
        },
      });
      withData('sum', async ({ bench, data }: { bench: Fn; data: number[] }) => {
        if (data.length !== 3) throw new Error('fixture missing');
        await (
          bench('reduce', () => data.reduce((a, b) => a + b, 0)) as { run: () => Promise<unknown> }
        ).run();
      });
    });
    expect(names(benches)).toEqual(['sum > reduce']);
    expect(benches[0]?.error).toBeUndefined();
  });

  it('names the API mismatch when a Vitest 4 file runs under vitest 5', async () => {
    await expect(
      collect('bench-fixture', '5.1.1', async () => {
        v.bench('old style', () => 1);
      }),
    ).rejects.toThrow(/installed vitest is 5\.1\.1, where bench is a test fixture/);
  });
});
