// The repository's own `vitest bench` settings, end to end: a Vitest 4 config with
// `experimental.viteModuleRunner: false`, an `execArgv` preload and a setup file, each of which the
// bench file checks before it declares anything. One run shows that the file is loaded natively (no
// Vite module-runner frame in its profile), that the processes got the config's flags and ran its
// setup file, that what flamegate does not run is named, and that a mitata file beside it is named as
// mitata's, never read as vitest's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChild } from '../../src/measure/child-process.js';
import type { ChildMessage, Job } from '../../src/measure/protocol.js';
import type { Report } from '../../src/model.js';
import { decodePprof } from '../../src/profile/pprof.js';
import { CLI, runCli } from '../helpers/cli-run.js';
import { createRepo } from '../helpers/vitest-repo.js';

// One process pair of each pass: the assertions are about how the file loads, not about statistics.
const BUDGET =
  'budget: { processes: 2, maxProcesses: 2, timePerProcessMs: 200, warmupMs: 100, profileMs: 300, profileProcesses: 1, allocationProcesses: 0 }\n';

// What Vite's module runner puts between a benchmark and the code it imports: its methods, the
// evaluator, and the getters of each module's exports (named `get`, or anonymous functions of the
// transformed file: through the runner, every call from parse.mjs to number.mjs goes through one).
const RUNNER_FRAMES = ['get', 'runInlinedModule', 'ssrImport', 'directRequest', 'cachedRequest', 'import'];
const SOURCE_FUNCTIONS = ['parseEntry', 'parseList', 'digitsValue', 'isDigit'];

let report: Report;
let out: string;
let code: number;
let stderr: string;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build (npm test does)');
  const repo = createRepo('vitest-native', [], { '.github/flamegate.yml': BUDGET });
  out = mkdtempSync(join(tmpdir(), 'flamegate-out-'));
  const json = join(out, 'r.json');
  const result = await runCli(
    ['compare', '--base', repo.baseSha, '--head', repo.headSha, '--out', out, '--json', json],
    repo.dir,
  );
  code = result.code;
  stderr = result.stderr;
  if (!existsSync(json)) throw new Error(`no report (exit ${result.code}):\n${result.stderr}`);
  report = JSON.parse(readFileSync(json, 'utf8')) as Report;
});

describe('vitest bench settings of the repository (end to end)', () => {
  it('loads the file natively with the config execArgv and setup file, and measures it', () => {
    const list = report.benchmarks.find((b) => b.name === 'parse > list');
    expect(list?.error, stderr).toBeUndefined();
    expect(list?.status).not.toBe('failed');
    expect(list?.head?.samples).toBeGreaterThan(0);
    expect(list?.base?.samples).toBeGreaterThan(0);
    // The mitata file fails on both sides: reported, and the run is no pass-by-default (exit 0 or 1 by A/A noise).
    expect([0, 1], stderr).toContain(code);
  });

  it('profiles the benchmark with no Vite module-runner frame between it and the code it calls', () => {
    const key = 'bench/parse.bench.mjs > parse > list';
    const paths = report.profiles?.[key];
    expect(paths?.head, JSON.stringify(report.profiles)).toBeDefined();
    for (const side of ['base', 'head'] as const) {
      const path = paths?.[side] as string;
      const profile = decodePprof(readFileSync(isAbsolute(path) ? path : join(out, path)));
      const onStacks = new Set(profile.stackFrames);
      const frames = profile.frames.filter((_, i) => onStacks.has(i));
      const names = frames.map((f) => `${f.name} ${f.file}`);
      expect(
        names.some((n) => n.startsWith('parseEntry src/parse.mjs')),
        names.join('\n'),
      ).toBe(true);
      expect(
        names.some((n) => n.startsWith('digitsValue src/number.mjs')),
        names.join('\n'),
      ).toBe(true);
      // Only the functions the source declares: no getter of the runner's namespace objects.
      const inSource = frames.filter((f) => f.file.startsWith('src/')).map((f) => f.name);
      expect(
        inSource.filter((name) => !SOURCE_FUNCTIONS.includes(name)),
        names.join('\n'),
      ).toEqual([]);
      expect(frames.filter((f) => f.package === 'vite' || f.file.includes('node_modules/vite/'))).toEqual([]);
      // A saved profile is not classified: Node's own frames (a lazy getter `get` of node:internal/util,
      // sampled now and then) are told by their file.
      expect(frames.filter((f) => RUNNER_FRAMES.includes(f.name) && !f.file.startsWith('node:'))).toEqual([]);
    }
    // Nor is one a row of the function table.
    expect(report.functions.filter((f) => RUNNER_FRAMES.includes(f.name) || f.package === 'vite')).toEqual(
      [],
    );
  });

  it('names the config settings it does not run, and a mitata file as mitata', () => {
    expect(report.harnessNotes?.join('\n')).toContain('globalSetup (./bench/global-setup.mjs) is not run');
    const mitata = report.benchmarks.find((b) => b.file === 'bench/other.bench.mjs');
    expect(mitata?.status).toBe('failed');
    expect(mitata?.error).toContain(
      "this file is written for mitata (it imports 'mitata'), but mitata is not installed where the file can resolve it",
    );
    expect(mitata?.error).not.toContain('vitest is not installed');
  });
});

// Vitest 2 (Vite 5, no module runner: its SSR loader; tinybench 2), installed from the npm registry
// once into a cache folder. The runner itself, as the measure stage starts it: discovery and timing.
const VITEST2 = '2.1.9';
const VITEST2_CACHE = fileURLToPath(new URL('../../node_modules/.cache/flamegate-vitest2', import.meta.url));

function vitest2Modules(): string {
  const modules = join(VITEST2_CACHE, 'node_modules');
  if (!existsSync(join(modules, 'vitest/package.json'))) {
    mkdirSync(VITEST2_CACHE, { recursive: true });
    execFileSync(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', VITEST2_CACHE, `vitest@${VITEST2}`],
      { stdio: 'inherit' },
    );
  }
  return modules;
}

describe('Vitest 2 bench files', () => {
  it('are discovered and timed, with the config read by Vite 5', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flamegate-vitest2-'));
    symlinkSync(vitest2Modules(), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
    writeFileSync(
      join(dir, 'vitest.config.ts'),
      "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ define: { __SIZE__: '64' }, test: { benchmark: { include: ['*.bench.ts'] } } });\n",
    );
    writeFileSync(
      join(dir, 'lib.ts'),
      'export function addAll(values: number[]): number {\n  let s = 0;\n  for (const v of values) s += v;\n  return s;\n}\n',
    );
    const file = join(dir, 'sum.bench.ts');
    writeFileSync(
      file,
      [
        "import { bench, describe } from 'vitest';",
        "import { addAll } from './lib';",
        'declare const __SIZE__: number;',
        'const values: number[] = Array.from({ length: __SIZE__ }, (_, i) => i);',
        "describe('sum', () => {",
        "  bench('loop', () => { addAll(values); });",
        "  bench.skip('skipped', () => {});",
        '});',
        '',
      ].join('\n'),
    );
    const messages: ChildMessage[] = [];
    const run = (job: Job, name: string) =>
      runChild(job, {
        node: process.execPath,
        nodeArgs: [],
        cwd: dir,
        timeoutMs: 60_000,
        jobFile: join(dir, `${name}.json`),
        onMessage: (m) => messages.push(m),
      });
    const discovered = await run({ kind: 'discover', files: [file] }, 'discover');
    expect(discovered.end, discovered.output).toBe('done');
    expect(messages.filter((m) => m.type === 'discover-error')).toEqual([]);
    expect(messages.find((m) => m.type === 'discovered')).toMatchObject({ tasks: ['sum > loop'] });
    const spec = { file, task: 'sum > loop' };
    const timed = await run(
      {
        kind: 'timing',
        benchmarks: [{ key: 'sum > loop', slug: 'sum', base: spec, head: spec }],
        firstSide: 'base',
        sliceMs: 10,
        warmupMs: 20,
        timeMs: 60,
      },
      'timing',
    );
    expect(timed.end, timed.output).toBe('done');
    const timing = messages.find((m) => m.type === 'timing');
    expect(timing, JSON.stringify(messages)).toMatchObject({ type: 'timing' });
    // Profiled: the functions carry their files, so they are attributed as under later versions.
    const outDir = join(dir, 'profiles');
    const profiled = await run(
      {
        kind: 'profile',
        benchmarks: [{ key: 'sum > loop', slug: 'sum', base: spec, head: spec }],
        sliceMs: 20,
        warmupMs: 50,
        timeMs: 300,
        intervalUs: 500,
        outDir,
        process: 0,
      },
      'profile',
    );
    expect(profiled.end, profiled.output).toBe('done');
    const profile = decodePprof(readFileSync(join(outDir, 'sum', 'head-0.pb.gz')));
    const files = profile.frames.filter((f) => f.name === 'addAll').map((f) => f.file);
    expect(files.length, JSON.stringify(profile.frames.map((f) => f.name))).toBeGreaterThan(0);
    // Every frame with a file names lib.ts, and some do. V8 now and then reports a sample of the
    // function with no script yet (seen in a CI run of 2026-12-07: a frame with file ''); such a
    // frame cannot name another file, which is what this checks.
    expect(files.filter((f) => /lib\.ts$/.test(f)).length).toBeGreaterThan(0);
    for (const f of files.filter((f) => f !== '')) expect(f).toMatch(/lib\.ts$/);
    if (timing?.type === 'timing')
      for (const side of [timing.base, timing.head]) expect(side?.ops).toBeGreaterThan(0);
  });
});
