import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../src/config/config.js';
import { loadConfig } from '../../src/config/load.js';
import { findOverride, isSkipped } from '../../src/config/overrides.js';
import { UsageError } from '../../src/settings.js';

const SOURCE = '.github/flamegate.yml';

function errorOf(text: string): UsageError {
  try {
    parseConfig(text, SOURCE);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected the config to be rejected');
}

describe('config', () => {
  it('gives the defaults for an empty file', () => {
    expect(parseConfig('', SOURCE)).toEqual(DEFAULT_CONFIG);
  });

  it('reads every key, with percentages and fractions', () => {
    const config = parseConfig(
      `
benchmarks: ["bench/**/*.bench.ts", "perf/*.bench.js"]
exclude: "bench/legacy/**"
install: pnpm install
build: pnpm build
thresholds: { benchmark: 3%, function: 0.1 }
overrides:
  - match: "parse*"
    thresholds: { benchmark: "10%" }
  - match: "bench/slow.bench.ts > *"
    skip: true
ignoreFunctions: ["node:*", "*lodash*"]
budget: { processes: 8, timePerProcessMs: 1000, profileMs: 2000, timeoutMs: 5000 }
`,
      SOURCE,
    );
    expect(config.benchmarks).toEqual(['bench/**/*.bench.ts', 'perf/*.bench.js']);
    expect(config.exclude).toEqual(['bench/legacy/**']);
    expect(config.install).toBe('pnpm install');
    expect(config.build).toBe('pnpm build');
    expect(config.thresholds.benchmark).toBeCloseTo(0.03);
    expect(config.thresholds.function).toBeCloseTo(0.1);
    expect(config.overrides[0]).toEqual({ match: 'parse*', thresholds: { benchmark: 0.1 }, skip: false });
    expect(config.overrides[1]?.skip).toBe(true);
    expect(config.ignoreFunctions).toEqual(['node:*', '*lodash*']);
    expect(config.budget.processes).toBe(8);
    expect(config.budget.timeoutMs).toBe(5000);
    // Budget keys not given keep their defaults.
    expect(config.budget.sliceMs).toBe(DEFAULT_CONFIG.budget.sliceMs);
  });

  it('names an unknown key and lists the known ones', () => {
    const error = errorOf('threshold:\n  benchmark: 5%\n');
    expect(error.message).toContain(SOURCE);
    expect(error.message).toContain('unknown key "threshold" at the top level');
    expect(error.message).toContain('known keys: benchmarks');
  });

  it('names a nested unknown key with its path', () => {
    const error = errorOf('budget:\n  proceses: 4\n');
    expect(error.message).toContain('unknown key "budget.proceses" under "budget"');
  });

  it('names a malformed value and shows it', () => {
    const error = errorOf('thresholds:\n  benchmark: 12\n');
    expect(error.message).toContain('"thresholds.benchmark" = 12');
    expect(error.message).toContain('"5%"');
  });

  it('reads thresholds.removed (fail or warn, top level only) and names the allowed values', () => {
    expect(parseConfig('thresholds: { removed: fail }\n', SOURCE).thresholds.removed).toBe('fail');
    expect(parseConfig('', SOURCE).thresholds.removed).toBeUndefined();
    const error = errorOf('thresholds: { removed: maybe }\n');
    expect(error.message).toContain('"thresholds.removed" = "maybe": must be one of "fail", "warn"');
    expect(errorOf('overrides: [{ match: x, thresholds: { removed: fail } }]\n').message).toContain(
      'unknown key "overrides[0].thresholds.removed"',
    );
  });

  it('rejects a wrong type in a list item with its index', () => {
    const error = errorOf('overrides:\n  - thresholds: { benchmark: 5% }\n');
    expect(error.message).toContain('overrides[0]');
    expect(error.message).toContain('missing "match"');
  });

  it('rejects YAML that does not parse, naming the file', () => {
    const error = errorOf('thresholds: [unclosed\n');
    expect(error.message).toMatch(/^\.github\/flamegate\.yml: not valid YAML/);
  });

  it('matches overrides by task name or by file > name', () => {
    const overrides = parseConfig(
      'overrides:\n  - match: "parse*"\n    thresholds: { benchmark: 10% }\n  - match: "bench/a.bench.js > *"\n    skip: true\n',
      SOURCE,
    ).overrides;
    expect(findOverride(overrides, { file: 'bench/x.bench.js', name: 'parse small' })?.match).toBe('parse*');
    expect(findOverride(overrides, { file: 'bench/a.bench.js', name: 'other' })?.skip).toBe(true);
    expect(findOverride(overrides, { file: 'bench/b.bench.js', name: 'other' })).toBeUndefined();
    // Skipping follows the same first match: `parse*` matches first and does not skip.
    expect(isSkipped(overrides, { file: 'bench/a.bench.js', name: 'parse small' })).toBe(false);
    expect(isSkipped(overrides, { file: 'bench/a.bench.js', name: 'other' })).toBe(true);
    expect(isSkipped(overrides, { file: 'bench/b.bench.js', name: 'other' })).toBe(false);
  });
});

describe('loadConfig (the config stage entry)', () => {
  const base = (files: Record<string, string>) => ({
    sha: 'c'.repeat(40),
    read: async (path: string) => files[path],
  });

  it('reads the config committed in base, and CLI/Action values win key by key', async () => {
    const config = await loadConfig(
      { cwd: '/nowhere', inputOverrides: { build: 'make', budget: { processes: 2 } } },
      base({ '.github/flamegate.yml': 'build: npm run build\nbudget:\n  processes: 9\n  warmupMs: 10\n' }),
    );
    expect(config.build).toBe('make');
    expect(config.budget.processes).toBe(2);
    expect(config.budget.warmupMs).toBe(10);
  });

  it('uses the defaults without a config, and names a configured path missing in base', async () => {
    expect(await loadConfig({ cwd: '/nowhere' }, base({}))).toEqual(DEFAULT_CONFIG);
    await expect(loadConfig({ cwd: '/nowhere', configInRepo: 'perf.yml' }, base({}))).rejects.toThrow(
      /config perf\.yml does not exist in the base revision ccccccc/,
    );
  });
});
