// A big suite is measured where the pull request can reach (`select: affected`, the default): a
// generated tinybench suite of 300 benchmarks in 30 files, each file importing its own module, where
// the pull request slows one function of one module. Only that file's 10 benchmarks are measured, the
// slowed one fails the run, and the other 290 are listed as not affected by this PR; a documentation
// change on top reaches none (a pass, nothing measured). Before it, the discover job's module graphs,
// from the imports Node itself resolves, in one process and no measuring.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../src/config/config.js';
import { type Select, selectAffected } from '../../src/measure/affected.js';
import { runChild } from '../../src/measure/child-process.js';
import { discover } from '../../src/measure/measure.js';
import type { ChildMessage } from '../../src/measure/protocol.js';
import type { Report } from '../../src/model.js';
import { CLI, runCli } from '../helpers/cli-run.js';
import { FIXTURE } from '../helpers/fixture-repo.js';
import { commitBaseAndHead } from '../helpers/vitest-repo.js';

const TINYBENCH = fileURLToPath(new URL('../../node_modules/tinybench', import.meta.url));
const FILES = 30;
const PER_FILE = 10;
/** The file whose module the pull request slows, and the benchmark that calls the slowed function. */
const SLOWED_FILE = 'bench/suite-07.bench.js';
const SLOWED = 'work 3';

const pad = (i: number) => String(i).padStart(2, '0');

/** Module `i`: ten functions, each a loop of its own length. */
function moduleSource(i: number, slowed?: number): string {
  const fns = Array.from({ length: PER_FILE }, (_, k) => {
    const rounds = (20 + k * 4) * (k === slowed ? 3 : 1);
    return `export function work${k}(seed) {\n  let s = seed;\n  for (let i = 0; i < ${rounds}; i++) s = (s * 31 + i + ${i}) | 0;\n  return s;\n}`;
  });
  return `${fns.join('\n\n')}\n`;
}

function benchSource(i: number): string {
  const names = Array.from({ length: PER_FILE }, (_, k) => `work${k}`);
  const adds = names.map((n, k) => `  .add('work ${k}', () => {\n    sink ^= ${n}(sink);\n  })`);
  return [
    "import { Bench } from 'tinybench';",
    `import { ${names.join(', ')} } from '../src/suite-${pad(i)}.js';`,
    '',
    'let sink = 1;',
    `const bench = new Bench({ name: 'suite ${pad(i)}' })`,
    `${adds.join('\n')};`,
    '',
    'export default bench;',
    '',
  ].join('\n');
}

describe('the discover job records each benchmark file’s module graph', () => {
  it('attributes a module shared by several files to each of them (ESM, CommonJS, TypeScript)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flamegate-graph-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(TINYBENCH, join(dir, 'node_modules/tinybench'));
    const files: Record<string, string> = {
      'package.json': '{ "type": "module" }\n',
      'src/shared.js': "import { deep } from './deep.js';\nexport const shared = () => deep() + 1;\n",
      'src/deep.js': 'export const deep = () => 1;\n',
      'src/only-b.js': 'export const onlyB = () => 2;\n',
      'src/legacy.cjs':
        "const helper = require('./helper.cjs');\nmodule.exports = { legacy: () => helper() };\n",
      'src/helper.cjs': 'module.exports = () => 3;\n',
      'src/typed.ts': 'export const typed = (n: number): number => n * 2;\n',
      'a.bench.js':
        "import { Bench } from 'tinybench';\nimport { shared } from './src/shared.js';\nexport default new Bench().add('a', () => shared());\n",
      'b.bench.js':
        "import { Bench } from 'tinybench';\nimport { shared } from './src/shared.js';\nimport { onlyB } from './src/only-b.js';\nexport default new Bench().add('b', () => shared() + onlyB());\n",
      'c.bench.cjs':
        "const { Bench } = require('tinybench');\nconst { legacy } = require('./src/legacy.cjs');\nmodule.exports = new Bench().add('c', () => legacy());\n",
      'd.bench.cjs':
        "const { Bench } = require('tinybench');\nconst { legacy } = require('./src/legacy.cjs');\nmodule.exports = new Bench().add('d', () => legacy());\n",
      'e.bench.ts':
        "import { Bench } from 'tinybench';\nimport { typed } from './src/typed.ts';\nimport { shared } from './src/shared.js';\nexport default new Bench().add('e', () => typed(shared()));\n",
    };
    mkdirSync(join(dir, 'src'));
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
    const benches = ['a.bench.js', 'b.bench.js', 'c.bench.cjs', 'd.bench.cjs', 'e.bench.ts'];
    const messages: ChildMessage[] = [];
    const outcome = await runChild(
      {
        kind: 'discover',
        files: benches.map((f) => join(dir, f)),
        graph: true,
        // Each benchmark is called once: which of these it runs (a CommonJS file, a TypeScript one).
        executed: [join(dir, 'src/helper.cjs'), join(dir, 'src/typed.ts'), join(dir, 'src/only-b.js')],
      },
      {
        node: process.execPath,
        nodeArgs: [],
        cwd: dir,
        timeoutMs: 30_000,
        jobFile: join(dir, 'job.json'),
        onMessage: (m) => messages.push(m),
      },
    );
    expect(outcome.end, outcome.output).toBe('done');
    const reached = new Map<string, string[]>();
    for (const m of messages)
      if (m.type === 'discovered')
        reached.set(
          m.file.slice(dir.length + 1),
          (m.reached ?? [])
            .filter((f) => !f.includes('node_modules'))
            .map((f) => f.split('/').slice(-2).join('/')),
        );
    // Real paths: the temporary folder may sit behind a symbolic link (macOS).
    expect(reached.get('a.bench.js')).toEqual(
      [expect.stringMatching(/a\.bench\.js$/), 'src/deep.js', 'src/shared.js'].sort(),
    );
    // b loads after a: shared.js and deep.js are already loaded, and still reached by b.
    expect(reached.get('b.bench.js')?.filter((f) => f.startsWith('src/'))).toEqual([
      'src/deep.js',
      'src/only-b.js',
      'src/shared.js',
    ]);
    expect(reached.get('c.bench.cjs')?.filter((f) => f.startsWith('src/'))).toEqual([
      'src/helper.cjs',
      'src/legacy.cjs',
    ]);
    expect(reached.get('d.bench.cjs')?.filter((f) => f.startsWith('src/'))).toEqual([
      'src/helper.cjs',
      'src/legacy.cjs',
    ]);
    expect(reached.get('e.bench.ts')?.filter((f) => f.startsWith('src/'))).toEqual([
      'src/deep.js',
      'src/shared.js',
      'src/typed.ts',
    ]);
    // Script URLs are file:// for ES modules and plain paths for CommonJS; both map to the changed files.
    const executed = new Map<string, string[]>();
    for (const m of messages)
      if (m.type === 'executed')
        executed.set(
          m.file.slice(dir.length + 1),
          m.changed.map((f) => f.split('/').slice(-2).join('/')),
        );
    expect(Object.fromEntries(executed)).toEqual({
      'b.bench.js': ['src/only-b.js'],
      'c.bench.cjs': ['src/helper.cjs'],
      'd.bench.cjs': ['src/helper.cjs'],
      'e.bench.ts': ['src/typed.ts'],
    });
    const loaded = messages.find((m) => m.type === 'loaded');
    expect(loaded?.type === 'loaded' && loaded.files.some((f) => f.endsWith('src/only-b.js'))).toBe(true);
  });
});

describe('a barrel module: every file imports the whole library, one benchmark file runs the change', () => {
  // The same 30 modules behind an index re-exporting them all, as libraries do (es-toolkit's 284 bench
  // files import `es-toolkit/compat`): every graph reaches the changed module, so all 300 are affected,
  // but only the changed module's own file calls it. Discovery only, through the measure stage's own
  // discover(): no benchmark is measured.
  const root = mkdtempSync(join(tmpdir(), 'flamegate-barrel-'));
  const sides = { base: join(root, 'base'), head: join(root, 'head') };
  const changed = 'src/suite-07.js';
  const files = Array.from({ length: FILES }, (_, i) => `bench/suite-${pad(i)}.bench.js`);
  for (const [side, dir] of Object.entries(sides)) {
    mkdirSync(join(dir, 'bench'), { recursive: true });
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(TINYBENCH, join(dir, 'node_modules/tinybench'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    const reexports = Array.from(
      { length: FILES },
      (_, i) => `export * as s${pad(i)} from './suite-${pad(i)}.js';`,
    );
    writeFileSync(join(dir, 'src/index.js'), `${reexports.join('\n')}\n`);
    for (let i = 0; i < FILES; i++) {
      writeFileSync(
        join(dir, `src/suite-${pad(i)}.js`),
        moduleSource(i, side === 'head' && i === 7 ? 3 : undefined),
      );
      writeFileSync(
        join(dir, files[i] as string),
        benchSource(i)
          .replace(
            /import \{ [^}]+ \} from '\.\.\/src\/[^']+';/,
            `import { s${pad(i)} } from '../src/index.js';`,
          )
          .replace(/ work(\d)\(sink\)/g, ` s${pad(i)}.work$1(sink)`),
      );
    }
  }
  const discoverWith = async (select: Select) => {
    const graphs = {
      base: { reached: new Map(), loaded: new Set<string>() },
      head: { reached: new Map(), loaded: new Set<string>() },
    };
    const affected = { select, changed: [changed], roots: sides };
    const started = Date.now();
    const found = await discover(
      {
        sides: { base: { dir: sides.base, files }, head: { dir: sides.head, files } },
        budget: DEFAULT_BUDGET,
        node: process.execPath,
        workDir: mkdtempSync(join(tmpdir(), 'flamegate-barrel-work-')),
        profileDir: root,
        affected,
      },
      graphs,
    );
    return { selection: selectAffected(found, { ...affected, graphs }), ms: Date.now() - started };
  };

  it('measures the changed module’s file first: its benchmarks call the change, the rest only import it', async () => {
    const { selection, ms } = await discoverWith('affected');
    expect(selection.everything).toBeUndefined();
    expect(selection.notAffected).toEqual([]);
    expect(selection.measure).toHaveLength(FILES * PER_FILE);
    const ownFile = `bench/suite-07.bench.js`;
    expect(selection.measure.slice(0, PER_FILE).map((m) => m.id.file)).toEqual(Array(PER_FILE).fill(ownFile));
    expect(selection.executedChanges?.map((m) => m.id.name)).toEqual(
      Array.from({ length: PER_FILE }, (_, k) => `work ${k}`),
    );
    expect(selection.executedChanges?.every((m) => m.id.file === ownFile)).toBe(true);
    expect(selection.executionUnknown).toEqual([]);
    // The rest keep discovery order.
    expect(selection.measure[PER_FILE]?.id).toEqual({ file: 'bench/suite-00.bench.js', name: 'work 0' });
    // What the execution pass costs: the same discovery without it (`select: all` records graphs only).
    const without = await discoverWith('all');
    expect(without.selection.executedChanges).toBeUndefined();
    console.log(
      `barrel suite: discovery of ${FILES * PER_FILE} benchmarks on both sides took ${ms} ms with the execution pass, ${without.ms} ms without`,
    );
  });
});

describe('a big suite, where the pull request slows one module imported by one file', () => {
  let report: Report;
  let markdown: string;
  let stdout: string;
  let code: number;
  let seconds: number;
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build (npm test does)');
    dir = mkdtempSync(join(tmpdir(), 'flamegate-big-suite-'));
    mkdirSync(join(dir, 'bench'));
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, '.github'));
    for (const file of ['package.json', 'package-lock.json']) cpSync(join(FIXTURE, file), join(dir, file));
    // The default budget would measure these 10 benchmarks for about 3 minutes (its maxMinutes); a
    // smaller one keeps the test cheap. `select` is not set: the default applies. With
    // FLAMEGATE_BIG_SUITE_DEFAULTS=1 the repository has no config at all (the issue's figure).
    if (!process.env.FLAMEGATE_BIG_SUITE_DEFAULTS)
      writeFileSync(
        join(dir, '.github/flamegate.yml'),
        'budget:\n  processes: 4\n  maxProcesses: 4\n  timePerProcessMs: 60\n  warmupMs: 20\n  profileMs: 100\n  profileProcesses: 1\n  allocationProcesses: 0\n',
      );
    for (let i = 0; i < FILES; i++) {
      writeFileSync(join(dir, `src/suite-${pad(i)}.js`), moduleSource(i));
      writeFileSync(join(dir, `bench/suite-${pad(i)}.bench.js`), benchSource(i));
    }
    const { baseSha } = commitBaseAndHead(dir, () => {
      // work3 of suite 07 is three times slower; a documentation change does not make every benchmark affected.
      writeFileSync(join(dir, 'src/suite-07.js'), moduleSource(7, 3));
      writeFileSync(join(dir, 'README.md'), '# suite\n');
    });
    const out = mkdtempSync(join(tmpdir(), 'flamegate-out-'));
    const started = Date.now();
    const run = await runCli(
      [
        'compare',
        '--base',
        baseSha,
        '--head',
        'HEAD',
        '--out',
        out,
        '--json',
        join(out, 'r.json'),
        '--no-color',
      ],
      dir,
    );
    seconds = (Date.now() - started) / 1000;
    code = run.code;
    stdout = `${run.stdout}\n${run.stderr}`;
    report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as Report;
    markdown = readFileSync(join(out, 'comment.md'), 'utf8');
  }, 300_000);

  it('measures only the file that imports the slowed module, and fails on the slowed benchmark', () => {
    expect(code, stdout).toBe(1);
    expect(report.benchmarks.map((b) => b.file)).toEqual(Array(PER_FILE).fill(SLOWED_FILE));
    const slowed = report.benchmarks.find((b) => b.name === SLOWED);
    expect(slowed?.status, stdout).toBe('regressed');
    expect(report.failures?.some((f) => f.startsWith(`${SLOWED_FILE} > ${SLOWED}: `))).toBe(true);
    expect(report.benchmarks.filter((b) => b.status === 'regressed').map((b) => b.name)).toEqual([SLOWED]);
    expect(report.nothingMeasured).toBeUndefined();
  });

  it('lists the other 290 benchmarks as not affected by this PR, in the report, the comment and the terminal', () => {
    expect(report.selection?.select).toBe('affected');
    expect(report.selection?.everything).toBeUndefined();
    expect(report.selection?.reachedChanges).toEqual(['src/suite-07.js']);
    // Each benchmark of the measured file was called once at discovery, and called the changed module.
    expect(report.selection?.executedChanges).toHaveLength(PER_FILE);
    expect(report.selection?.executionUnknown).toEqual([]);
    const notAffected = report.selection?.notAffected ?? [];
    expect(notAffected).toHaveLength(FILES * PER_FILE - PER_FILE);
    expect(notAffected.some((id) => id.file === SLOWED_FILE)).toBe(false);
    expect(new Set(notAffected.map((id) => id.file)).size).toBe(FILES - 1);
    // The slowed function is over the function threshold too: the timing pass suspected its
    // benchmark, so the attribution pass profiles it in three times the processes (three here, where
    // the small budget's one short process alone was too little evidence). Nothing allocates more:
    // the slowed function allocates nothing.
    const functionFlag = ' · 1 function over the function threshold';
    const noisy = report.benchmarks.filter((b) => b.status === 'unchanged' && b.inconclusive).length;
    const unchangedParts = [
      9 - noisy > 0 && `${9 - noisy} unchanged`,
      noisy > 0 && `${noisy} too noisy to resolve the threshold`,
    ]
      .filter(Boolean)
      .join(', ');
    expect(markdown).toMatch(
      new RegExp(
        // The 9 others are unchanged, or at this tiny budget one may be too noisy to resolve: counted apart.
        `^### ❌ flamegate: fail · 10 benchmarks: 1 regressed, ${unchangedParts}${functionFlag} · 290 not affected by this PR`,
        'm',
      ),
    );
    expect(markdown).toContain('<details><summary>290 benchmarks not affected by this PR</summary>');
    expect(markdown).toContain('- `bench/suite-00.bench.js` (10): `work 0`, `work 1`');
    expect(stdout).toContain('290 benchmarks not affected by this PR');
  });

  it('a documentation-only change on top reaches no benchmark: a pass that says so, nothing measured', async () => {
    writeFileSync(join(dir, 'README.md'), '# suite\n\nBenchmarks of the suite modules.\n');
    execFileSync('git', ['commit', '-q', '-am', 'docs only'], { cwd: dir });
    const out = mkdtempSync(join(tmpdir(), 'flamegate-out-'));
    const run = await runCli(['compare', '--base', 'HEAD~1', '--out', out, '--no-color'], dir);
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    const docs = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(docs.benchmarks).toEqual([]);
    expect(docs.nothingMeasured).toBeUndefined();
    expect(docs.selection?.notAffected).toHaveLength(FILES * PER_FILE);
    expect(run.stdout).toMatch(
      /Verdict: PASS · no benchmark is reachable from the files this pull request changed/,
    );
    expect(readFileSync(join(out, 'comment.md'), 'utf8')).toMatch(
      /^### ✅ flamegate: pass, no benchmark is reachable from the files this pull request changed · 300 not affected by this PR$/m,
    );
  });

  it('measures inside budget.maxMinutes', () => {
    // The timing pass, confirmation and attribution are what maxMinutes bounds.
    const maxMinutes = report.settings?.maxMinutes ?? 0;
    expect(maxMinutes).toBe(3);
    expect(seconds).toBeLessThan(maxMinutes * 60);
    console.log(
      `big suite: the whole run took ${seconds.toFixed(1)} s; timing and confirmation ${report.sampling?.seconds} s`,
    );
  });
});
