// The real CLI on a real git repository: worktrees, npm installs, child processes, the profiler.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { CLI, runCli } from '../helpers/cli-run.js';
import { createFixtureRepo, type FixtureRepo, type Variant } from '../helpers/fixture-repo.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  report?: Report;
  markdown?: string;
  out: string;
  repo: FixtureRepo;
}

async function compareVariant(
  variant: Variant | Variant[],
  extra: string[] = [],
  config?: string,
  cli = CLI,
): Promise<Run> {
  const repo = await createFixtureRepo(variant, { config });
  const out = mkdtempSync(join(tmpdir(), 'flamegate-out-'));
  const result = await runCli(
    [
      'compare',
      '--base',
      repo.baseSha,
      '--head',
      repo.headSha,
      '--out',
      out,
      '--json',
      join(out, 'r.json'),
      '--markdown',
      join(out, 'r.md'),
      ...extra,
    ],
    repo.dir,
    cli,
  );
  const report = existsSync(join(out, 'r.json'))
    ? (JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as Report)
    : undefined;
  const markdown = existsSync(join(out, 'r.md')) ? readFileSync(join(out, 'r.md'), 'utf8') : undefined;
  return { ...result, report, markdown, out, repo };
}

function worktrees(dir: string): string[] {
  return execFileSync('git', ['worktree', 'list', '--porcelain'], { cwd: dir, encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.startsWith('worktree '));
}

function bench(report: Report | undefined, name: string) {
  const found = report?.benchmarks.find((b) => b.name === name);
  if (!found)
    throw new Error(`benchmark "${name}" missing from report: ${JSON.stringify(report?.benchmarks)}`);
  return found;
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build (npm test does)');
});

describe('flamegate compare (end to end)', () => {
  // A/A through the CLI's pipeline is checked on the Action (action.test.ts): the same run, the same report.
  it('finds a slowed function as the top regression and fails, with the config read from base; a faster one is an improvement', async () => {
    // The head also raises its own threshold to 500%: ignored, because the config comes from base. It
    // also makes checksum faster, which `checksum lines` is nearly all of: an improvement, no failure.
    const run = await compareVariant(['slower', 'loosen-config', 'faster-checksum']);
    expect(run.code, run.stderr).toBe(1);
    const report = run.report as Report;
    expect(report.schemaVersion).toBe(1);
    expect(report.verdict).toBe('fail');
    expect(report.base.sha).toBe(run.repo.baseSha);
    expect(report.head.sha).toBe(run.repo.headSha);
    const parse = bench(report, 'parse records');
    expect(parse.status).toBe('regressed');
    expect(parse.change).toBeGreaterThan(0.1);
    expect(parse.ci[0]).toBeGreaterThan(0);
    expect(parse.file).toBe('bench/records.bench.js');
    expect(parse.threshold).toBe(0.05);
    // The slowed function leads the function changes of that benchmark.
    const fns = report.functions.filter(
      (f) => f.benchmark === 'parse records' || f.benchmark.endsWith('parse records'),
    );
    expect(fns[0]?.name).toBe('slowPath');
    expect(fns[0]?.file).toBe('src/records.js');
    expect(fns[0]?.status).toBe('regressed');
    expect(fns[0]?.deltaNsPerOp).toBeGreaterThan(0);
    // It is marked as changed by this PR, with its line range at head; untouched functions are not.
    expect(fns[0]?.source).toMatchObject({ changed: true, reason: 'edited' });
    expect(fns[0]?.source?.lines?.[1]).toBeGreaterThan(fns[0]?.source?.lines?.[0] ?? Infinity);
    expect(
      report.functions.filter((f) => f.source?.changed && f.name !== 'slowPath' && f.name !== 'checksum'),
    ).toEqual([]);
    // tinybench and flamegate's runner are cut off the stacks: no function of theirs is reported.
    expect(report.functions.filter((f) => f.package === 'tinybench' || f.file.includes('runner.js'))).toEqual(
      [],
    );
    // A benchmark that does not call slowPath is unchanged.
    expect(bench(report, 'tokenize').status).not.toBe('regressed');
    // The faster function: its benchmark improved, the function is named as improved, and neither is
    // among the verdict's failure lines.
    const sums = bench(report, 'checksum lines');
    expect(sums.status).toBe('improved');
    expect(sums.change).toBeLessThan(0);
    const faster = report.functions.find(
      (f) => f.name === 'checksum' && f.benchmark.endsWith('checksum lines'),
    );
    expect(faster?.status).toBe('improved');
    expect(faster?.deltaNsPerOp).toBeLessThan(0);
    expect(sums.failures ?? []).toEqual([]);
    // The comment leads with the verdict and names the function.
    expect(run.markdown?.split('\n').find((l) => l.trim() && !l.startsWith('<!--'))).toMatch(/fail|regress/i);
    expect(run.markdown).toMatch(/`slowPath` ✏️/);
    expect(run.markdown?.length).toBeLessThan(65536);
    // The terminal summary names the regression too.
    expect(run.stdout).toContain('parse records');
    // Worktrees are gone afterwards.
    expect(worktrees(run.repo.dir)).toHaveLength(1);
    // Raw profiles are written per benchmark and side, and go tool pprof (the reference reader) opens them.
    const dirs = readdirSync(join(run.out, 'profiles'));
    const parseDir = dirs.find((d) => d.includes('parse_records'));
    expect(parseDir).toBeDefined();
    const headProfile = join(run.out, 'profiles', String(parseDir), 'head.pb.gz');
    expect(existsSync(join(run.out, 'profiles', String(parseDir), 'base.pb.gz'))).toBe(true);
    const top = execFileSync('go', ['tool', 'pprof', '-top', '-nodecount=15', headProfile], {
      encoding: 'utf8',
      env: { ...process.env, HOME: tmpdir(), PPROF_TMPDIR: tmpdir() },
    });
    expect(top).toContain('slowPath');
  });

  it('reports a throwing benchmark and a file without a Bench as failed, and measures the rest', async () => {
    const run = await compareVariant(['throws', 'no-bench-export']);
    expect(run.code, run.stderr).toBe(1);
    const tokenize = bench(run.report, 'tokenize');
    expect(tokenize.status).toBe('failed');
    expect(tokenize.error).toContain('tokenize broke on head');
    const checksum = bench(run.report, 'checksum lines');
    expect(checksum.status).toBe('failed');
    expect(checksum.error).toContain('not a tinybench Bench');
    const parse = bench(run.report, 'parse records');
    expect(parse.status).toBe('unchanged');
    expect(parse.head?.samples).toBeGreaterThan(0);
    expect(worktrees(run.repo.dir)).toHaveLength(1);
  });

  it('kills a hanging benchmark after the timeout and measures the rest', async () => {
    // select: all: the other file imports nothing the pull request changed, and measuring it is the point.
    // The least budget that measures the others: what is asserted is the hang, not their statuses.
    const config =
      'select: all\nbudget: { processes: 2, maxProcesses: 2, timePerProcessMs: 150, warmupMs: 30, profileMs: 200, profileProcesses: 1, allocationProcesses: 0, timeoutMs: 3000 }\n';
    const run = await compareVariant('hangs', [], config);
    expect(run.code, run.stderr).toBe(1);
    const tokenize = bench(run.report, 'tokenize');
    expect(tokenize.status).toBe('failed');
    expect(tokenize.error).toMatch(/timed out/);
    expect(bench(run.report, 'parse records').status).not.toBe('failed');
    expect(bench(run.report, 'checksum lines').status).not.toBe('failed');
  });

  it('fails the tasks of a file whose import hangs, and measures the other files', async () => {
    const config =
      'select: all\nbudget: { processes: 2, maxProcesses: 2, timePerProcessMs: 100, warmupMs: 20, profileMs: 100, profileProcesses: 1, allocationProcesses: 0, timeoutMs: 3000 }\n';
    const run = await compareVariant('hangs-on-load', [], config);
    expect(run.code, run.stderr).toBe(1);
    for (const name of ['parse records', 'tokenize']) {
      expect(bench(run.report, name).status).toBe('failed');
      expect(bench(run.report, name).error).toMatch(/loading failed: timed out/);
    }
    expect(bench(run.report, 'checksum lines').status).not.toBe('failed');
    expect(worktrees(run.repo.dir)).toHaveLength(1);
  });
});

describe('flamegate compare: interrupted', () => {
  it('removes the worktrees on Ctrl-C and exits 130', async () => {
    const repo = await createFixtureRepo('same', {
      config: 'budget: { processes: 20, timePerProcessMs: 2000 }\n',
    });
    const child = spawn(process.execPath, [CLI, 'compare', '--base', repo.baseSha], {
      cwd: repo.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const measuring = new Promise<void>((resolve) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes('[timing')) resolve();
      });
    });
    await measuring;
    // The checkouts are repositories of their own in the temp dir, never worktrees of the user's.
    expect(worktrees(repo.dir)).toHaveLength(1);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(worktrees(repo.dir)).toHaveLength(1);
  });
});

describe('flamegate compare: bad input', () => {
  let repo: FixtureRepo;
  beforeAll(async () => {
    repo = await createFixtureRepo('same');
  });

  it('names a missing revision (exit 2)', async () => {
    const run = await runCli(['compare', '--base', 'no-such-branch'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"no-such-branch"');
    expect(worktrees(repo.dir)).toHaveLength(1);
  });

  it('requires --base (exit 2)', async () => {
    const run = await runCli(['compare'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--base');
  });

  it("prints each command's help on --help and -h (exit 0), with its options, and starts nothing", async () => {
    const options: Record<string, string[]> = {
      compare: ['--base <rev>', '--max-minutes <m>', '--production-profile <file>', '--no-color'],
      merge: ['--out <dir>', '--markdown <file>'],
      diff: ['--svg <file>', '--value-type <type>', '--top <n>'],
      demo: ['--out <dir>', '--quiet'],
    };
    for (const [command, flags] of Object.entries(options)) {
      for (const help of ['--help', '-h']) {
        const run = await runCli([command, help], repo.dir);
        expect(run.code, `${command} ${help}: ${run.stderr}`).toBe(0);
        expect(run.stdout).toContain(`Usage: flamegate ${command}`);
        for (const flag of flags) expect(run.stdout, `${command} ${help}`).toContain(flag);
      }
    }
    // No checkout was made for it.
    expect(worktrees(repo.dir)).toHaveLength(1);
    const top = await runCli(['--help'], repo.dir);
    expect(top.code).toBe(0);
    for (const harness of ['tinybench', 'vitest bench', 'mitata', 'benchmark.js', 'bench-node'])
      expect(top.stdout).toContain(harness);
  });

  it('shows the globs when no benchmark file matches (exit 2), and cleans up', async () => {
    // --benchmarks takes a list as the config does: comma separated, or the flag repeated.
    const run = await runCli(
      [
        'compare',
        '--base',
        repo.baseSha,
        '--benchmarks',
        'perf/**/*.bench.js, spec/*.bench.js',
        '--benchmarks',
        'x/{a,b}.bench.js',
      ],
      repo.dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('matches perf/**/*.bench.js, spec/*.bench.js, x/{a,b}.bench.js ');
    expect(worktrees(repo.dir)).toHaveLength(1);
  });

  it('names a bad config key (exit 2)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'flamegate-cfg-')), 'bad.yml');
    writeFileSync(file, 'thresholds:\n  benchmark: 5%\n  functon: 3%\n');
    const run = await runCli(['compare', '--base', repo.baseSha, '--config', file], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('thresholds.functon');
    expect(worktrees(repo.dir)).toHaveLength(1);
  });

  it('shows the failing install command and its output (exit 2), and cleans up', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'flamegate-cfg-')), 'install.yml');
    writeFileSync(
      file,
      'install: "node -e \\"console.error(\'registry unreachable\'); process.exit(3)\\""\n',
    );
    const run = await runCli(['compare', '--base', repo.baseSha, '--config', file], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('install failed');
    expect(run.stderr).toContain('registry unreachable');
    expect(worktrees(repo.dir)).toHaveLength(1);
  });
});

describe('flamegate compare: a fault of flamegate or the machine', () => {
  it('names a profiler that cannot load as an infrastructure error (exit 2), never "fails on head"', async () => {
    // A real install of flamegate whose profiler addon is missing for this platform: dist/ without
    // its prebuilds, so the runner's import of the profiler throws in every profiling process.
    const copy = mkdtempSync(join(tmpdir(), 'flamegate-no-addon-'));
    cpSync(dirname(CLI), copy, { recursive: true });
    rmSync(join(copy, 'prebuilds'), { recursive: true, force: true });
    // The least budget: what is asserted is the profiler's fault, not what the timing finds.
    const tiny =
      'budget: { processes: 2, maxProcesses: 2, timePerProcessMs: 100, warmupMs: 20, profileMs: 100, profileProcesses: 1, allocationProcesses: 0 }\n';
    const run = await compareVariant('same', [], tiny, join(copy, 'cli.js'));
    expect(run.code, `${run.stderr}\n${run.stdout}`).toBe(2);
    expect(run.stderr).toMatch(/flamegate: infrastructure error: \d+ benchmarks? could not be measured/);
    expect(run.stderr).toContain('not of the pull request');
    // The fault itself is named: the profiler's native addon was not found.
    expect(run.stderr).toMatch(/No native build was found/);
    const report = run.report as Report;
    expect(report.infrastructureErrors?.length).toBe(1);
    expect(report.failures).toEqual([]);
    expect(report.benchmarks.length).toBeGreaterThan(0);
    for (const b of report.benchmarks) expect(b).toMatchObject({ status: 'failed', infrastructure: true });
    for (const text of [run.stdout, run.stderr, run.markdown ?? '', JSON.stringify(report)])
      expect(text).not.toMatch(/fails on head/);
    expect(run.markdown).toMatch(/\[!WARNING\]\n> flamegate infrastructure error/);
    expect(worktrees(run.repo.dir)).toHaveLength(1);
  });
});
