// Real repositories' own benchmark files, unchanged, one per script harness: @fastify/deepmerge's
// benchmark.js suites, @pinojs/redact's mitata file, piscina's bench-node file (fixtures/recipes: the
// published package from the npm registry, laid out as its repository is, installed with `npm ci`).
// Each is found by the default globs, loads without running its harness or printing, names every
// benchmark by its suite or group, and times on both sides. The A/A and slowdown figures are the
// self-benchmark's (`node scripts/bench-self.mjs --only harness-aa,harness-sensitivity`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materializeRecipe } from '../../scripts/recipes.mjs';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { runChild } from '../../src/measure/child-process.js';
import type { ChildMessage, DiscoverJob, TimingJob } from '../../src/measure/protocol.js';
import { listBenchmarkFiles } from '../../src/workspace/files.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function project(recipe: string): string {
  const dir = mkdtempSync(join(tmpdir(), `flamegate-real-${recipe}-`));
  dirs.push(dir);
  materializeRecipe(recipe, dir);
  execFileSync('npm', ['ci', '--silent', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
  return dir;
}

async function run(dir: string, job: DiscoverJob | TimingJob) {
  const messages: ChildMessage[] = [];
  const outcome = await runChild(job, {
    node: process.execPath,
    nodeArgs: [],
    cwd: dir,
    timeoutMs: 60_000,
    jobFile: join(dir, `job-${job.kind}.json`),
    onMessage: (m) => messages.push(m),
  });
  return { outcome, messages };
}

const CASES = [
  {
    recipe: 'deepmerge',
    files: ['benchmark/bench.all.js', 'benchmark/bench.js'],
    // benchmark.js suites without a name: the benchmark's own name is its identity.
    some: ['@fastify/deepmerge: merge two flat objects', '@fastify/deepmerge: merge nested objects'],
    count: 12,
  },
  {
    recipe: 'redact',
    files: ['benchmarks/basic.js'],
    some: [
      'Small Object Redaction - @pinojs/redact > basic paths',
      'Large Object Redaction - fast-redact > wildcard patterns',
    ],
    count: 20,
  },
  {
    recipe: 'piscina',
    files: ['benchmark/index.js'],
    some: ['simple/default', 'simple/customized'],
    count: 2,
  },
];

describe.each(CASES)(
  '$recipe: its own benchmark files, run as they are',
  ({ recipe, files, some, count }) => {
    let dir: string;
    let tasks: Record<string, string[]> = {};
    beforeAll(async () => {
      dir = project(recipe);
    }, 120_000);

    it('finds the files by the default globs and names every benchmark they register', async () => {
      expect(await listBenchmarkFiles(dir, DEFAULT_CONFIG.benchmarks, [])).toEqual(files);
      const { outcome, messages } = await run(dir, {
        kind: 'discover',
        files: files.map((f) => join(dir, f)),
      });
      expect(outcome.end, outcome.output).toBe('done');
      expect(messages.filter((m) => m.type === 'discover-error')).toEqual([]);
      tasks = Object.fromEntries(
        messages.flatMap((m) => (m.type === 'discovered' ? [[m.file.slice(dir.length + 1), m.tasks]] : [])),
      );
      const all = Object.values(tasks).flat();
      expect(all).toHaveLength(count);
      for (const name of some) expect(all).toContain(name);
      // The harness's own run never started: nothing it prints (results, cycle listeners) was written.
      expect(outcome.output).not.toMatch(/ops\/sec|iter\/s|ops\/s/);
    });

    it('times the first benchmark of each file on both sides', async () => {
      const benchmarks = Object.entries(tasks).map(([file, names], i) => {
        const task = names[0] ?? '';
        return {
          key: `${file} > ${task}`,
          slug: `b${i}`,
          base: { file: join(dir, file), task },
          head: { file: join(dir, file), task },
        };
      });
      const job: TimingJob = {
        kind: 'timing',
        benchmarks,
        firstSide: 'base',
        sliceMs: 5,
        warmupMs: 10,
        timeMs: 30,
      };
      const { outcome, messages } = await run(dir, job);
      expect(outcome.end, outcome.output).toBe('done');
      expect(messages.filter((m) => m.type === 'error')).toEqual([]);
      const timed = messages.flatMap((m) => (m.type === 'timing' ? [m] : []));
      expect(timed).toHaveLength(benchmarks.length);
      for (const m of timed) expect(Math.min(m.base?.ops ?? 0, m.head?.ops ?? 0), m.key).toBeGreaterThan(0);
    });
  },
);
