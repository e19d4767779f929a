// A Yarn 4 Plug'n'Play repository as such repositories are: no node_modules anywhere, its own Yarn
// release committed (`yarnPath` in .yarnrc.yml, the binary from the npm registry's @yarnpkg/cli-dist),
// a vitest bench file, no flamegate config in it. flamegate installs each checkout with that Yarn,
// resolves vitest, vite and tinybench through each side's .pnp.cjs and runs the benchmark processes
// with the Plug'n'Play runtime, as `yarn node` would; a function slowed in head is named.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { CLI, runCli } from '../helpers/cli-run.js';
import { applyEdits, commitBaseAndHead, type Repo, writeFiles } from '../helpers/vitest-repo.js';

const YARN_VERSION = '4.18.1';
const VITEST_VERSION = '4.1.12';
// Yarn's release and its global folder (the packages it downloads) are kept between runs.
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/flamegate-yarn', import.meta.url));

const NPM_REGISTRY = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' })
  .trim()
  .replace(/\/$/, '');

/** Yarn's single-file release from the npm registry, fetched once. */
function yarnRelease(): string {
  const release = join(CACHE, `cli-dist-${YARN_VERSION}`, 'package/bin/yarn.js');
  if (!existsSync(release)) {
    const dir = dirname(dirname(dirname(release)));
    mkdirSync(dir, { recursive: true });
    const tarball = execFileSync('npm', ['pack', `@yarnpkg/cli-dist@${YARN_VERSION}`, '--silent'], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();
    execFileSync('tar', ['xzf', tarball], { cwd: dir });
  }
  return release;
}

const LIB = `export function slugify(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i] === ' ' ? '-' : text[i];
  }
  return out;
}

export function joinWords(words) {
  return words.join(' ');
}
`;

const BENCH = `import { bench, describe } from 'vitest';
import { joinWords, slugify } from './lib.js';

const words = ['Hello', 'World', 'From', 'Plug', 'And', 'Play'];

describe('text', () => {
  bench('slugify', () => {
    slugify(joinWords(words));
  });
});
`;

/**
 * The repository: installed once here with its own Yarn to write yarn.lock (then committed, as a
 * real repository has it); .pnp.cjs and the cache are ignored, so each checkout installs.
 */
function createPnpRepo(): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'flamegate-pnp-'));
  const release = `.yarn/releases/yarn-${YARN_VERSION}.cjs`;
  mkdirSync(join(dir, '.yarn/releases'), { recursive: true });
  cpSync(yarnRelease(), join(dir, release));
  writeFiles(dir, {
    'package.json': `${JSON.stringify(
      {
        name: 'pnp-bench',
        private: true,
        type: 'module',
        packageManager: `yarn@${YARN_VERSION}`,
        devDependencies: { vitest: VITEST_VERSION },
      },
      null,
      2,
    )}\n`,
    // The registry npm is set to: CI reaches the npm registry, not necessarily Yarn's own host.
    '.yarnrc.yml': `yarnPath: ${release}\nenableTelemetry: false\nnpmRegistryServer: "${NPM_REGISTRY}"\n`,
    '.gitignore': '.pnp.*\n.yarn/*\n!.yarn/releases\n',
    'src/lib.js': LIB,
    'src/lib.bench.js': BENCH,
  });
  try {
    // --no-immutable: under CI=true Yarn refuses to write a lockfile, and this install is what writes it.
    execFileSync(process.execPath, [release, 'install', '--no-immutable'], {
      cwd: dir,
      stdio: 'pipe',
      encoding: 'utf8',
    });
  } catch (err) {
    // Yarn reports on stdout: without it the failure says only "Command failed".
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    throw new Error(`yarn install failed in ${dir}:\n${`${stdout ?? ''}${stderr ?? ''}`.slice(-4000)}`);
  }
  return commitBaseAndHead(dir, () =>
    applyEdits(dir, [
      {
        file: 'src/lib.js',
        from: "  let out = '';\n",
        to: "  let out = '';\n  let spin = 0;\n  for (let k = 0; k < 400; k++) spin += text.charCodeAt(k % text.length);\n  if (spin < 0) out = '-';\n",
      },
    ]),
  );
}

let repo: Repo;
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build (npm test does)');
  // Yarn's global folder (its download mirror) is kept with the release, so reruns are offline.
  process.env.YARN_GLOBAL_FOLDER = join(CACHE, 'global');
  repo = createPnpRepo();
}, 120_000);

describe('a Yarn 4 Plug’n’Play repository (no node_modules, no flamegate config)', () => {
  it('is installed with its own Yarn, measured through .pnp.cjs, and the slowed function is named', async () => {
    expect(existsSync(join(repo.dir, '.pnp.cjs'))).toBe(true);
    expect(existsSync(join(repo.dir, 'node_modules'))).toBe(false);
    const out = mkdtempSync(join(tmpdir(), 'flamegate-out-'));
    // The budget comes from a file outside the repository: the repository has no config.
    const budget = join(out, 'budget.yml');
    writeFileSync(
      budget,
      'budget: { processes: 3, maxProcesses: 3, timePerProcessMs: 200, warmupMs: 100, profileMs: 300, profileProcesses: 2, allocationProcesses: 0 }\n',
    );
    const json = join(out, 'r.json');
    const run = await runCli(
      [
        'compare',
        '--base',
        repo.baseSha,
        '--head',
        repo.headSha,
        '--out',
        out,
        '--json',
        json,
        '--config',
        budget,
      ],
      repo.dir,
    );
    if (!existsSync(json)) throw new Error(`no report (exit ${run.code}):\n${run.stderr}`);
    if (process.env.SHOW_STDERR) console.log(run.stderr);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    // The repository's own Yarn installed each checkout, chosen from yarnPath and the lockfile.
    expect(run.stderr).toContain(`installing base`);
    expect(run.stderr).toContain(`node .yarn/releases/yarn-${YARN_VERSION}.cjs install --immutable`);
    expect(run.code, run.stderr).toBe(1);
    const bench = report.benchmarks.find((b) => b.name === 'text > slugify');
    expect(bench?.file).toBe('src/lib.bench.js');
    expect(bench?.status, JSON.stringify(bench)).toBe('regressed');
    const functions = report.functions.filter((f) => f.benchmark.endsWith('> text > slugify'));
    expect(functions[0]?.name).toBe('slugify');
    expect(functions[0]?.file).toBe('src/lib.js');
    expect(functions[0]?.status).toBe('regressed');
    // vitest, vite and tinybench came from Yarn's archives, not from a node_modules folder.
    expect(existsSync(join(repo.dir, 'node_modules'))).toBe(false);
  });
});

describe('--install and --build (cheap: each run stops at the command that fails)', () => {
  it('run the given commands in each checkout instead of the chosen one, and name them when they fail', async () => {
    const base = ['compare', '--base', repo.baseSha, '--head', repo.headSha, '--quiet'];
    const install = await runCli([...base, '--install', 'echo from-the-flag && exit 3'], repo.dir);
    expect(install.code, install.stderr).toBe(2);
    expect(install.stderr).toMatch(/install failed on (base|head)/);
    expect(install.stderr).toContain('echo from-the-flag && exit 3');
    expect(install.stderr).not.toContain('yarn');
    const build = await runCli([...base, '--install', 'true', '--build', 'exit 4'], repo.dir);
    expect(build.code, build.stderr).toBe(2);
    expect(build.stderr).toMatch(/build failed on (base|head)/);
    expect(build.stderr).toContain('`exit 4`');
    const empty = await runCli([...base, '--install', ' '], repo.dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--install needs a command, got an empty string');
  });
});
