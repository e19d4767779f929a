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
import { runChild } from '../../src/measure/child-process.js';
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
      { kind: 'discover', files: benches.map((f) => join(dir, f)), graph: true },
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
    const loaded = messages.find((m) => m.type === 'loaded');
    expect(loaded?.type === 'loaded' && loaded.files.some((f) => f.endsWith('src/only-b.js'))).toBe(true);
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
    // smaller one keeps the test cheap. `select` is not set: the default applies.
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
  });

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
    const notAffected = report.selection?.notAffected ?? [];
    expect(notAffected).toHaveLength(FILES * PER_FILE - PER_FILE);
    expect(notAffected.some((id) => id.file === SLOWED_FILE)).toBe(false);
    expect(new Set(notAffected.map((id) => id.file)).size).toBe(FILES - 1);
    expect(markdown).toMatch(
      /^### ❌ flamegate: fail · 1 regressed, 9 unchanged, 290 not affected by this PR/m,
    );
    expect(markdown).toContain('<details><summary>290 benchmark(s) not affected by this PR</summary>');
    expect(markdown).toContain('- `bench/suite-00.bench.js` (10): `work 0`, `work 1`');
    expect(stdout).toContain('290 benchmark(s) not affected by this PR');
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
      /^### ✅ flamegate: pass, no benchmark is reachable from the files this pull request changed · 0 unchanged, 300 not affected by this PR$/m,
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
