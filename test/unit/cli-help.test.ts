// `flamegate <command> --help` and `-h`: every command prints its own help, made from the same option
// list as its parser, and exits 0; the top-level help names every harness flamegate reads.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMPARE_OPTIONS } from '../../src/cli/compare-options.js';
import { DEMO_OPTIONS } from '../../src/cli/demo.js';
import { DIFF_OPTIONS } from '../../src/cli/diff.js';
import { HISTORY_OPTIONS } from '../../src/cli/history.js';
import { main } from '../../src/cli/main.js';
import { MERGE_OPTIONS } from '../../src/cli/merge.js';
import { asksForHelp, type OptionSpec, optionLines, parseOptions } from '../../src/cli/options.js';
import { SCRIPT_HARNESSES } from '../../src/harness-imports.js';

const COMMANDS: Record<string, readonly OptionSpec[]> = {
  compare: COMPARE_OPTIONS,
  merge: MERGE_OPTIONS,
  diff: DIFF_OPTIONS,
  demo: DEMO_OPTIONS,
  history: HISTORY_OPTIONS,
};

/** Runs the CLI's `main` in this process, with what it writes to stdout and stderr. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('help on every command', () => {
  for (const [command, options] of Object.entries(COMMANDS)) {
    for (const flag of ['--help', '-h']) {
      it(`${command} ${flag} prints ${command}'s help, every one of its options, and exits 0`, async () => {
        const { code, stdout, stderr } = await run([command, flag]);
        expect(code, stderr).toBe(0);
        expect(stderr).toBe('');
        expect(stdout).toContain(`Usage: flamegate ${command}`);
        for (const option of options) expect(stdout).toContain(`--${option.name}`);
      });
    }
  }

  it('compare --help wins over a flag compare would refuse, and needs no --base', async () => {
    const { code, stdout } = await run(['compare', '--no-such-flag', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--max-processes <n>');
  });

  it('merge -h needs no shard directory; diff -h needs no profiles', async () => {
    expect((await run(['merge', '-h'])).code).toBe(0);
    expect((await run(['diff', '-h'])).code).toBe(0);
  });

  it('a --help after -- is an argument, not a request for help', () => {
    expect(asksForHelp(['--base', 'main', '--', '--help'])).toBe(false);
    expect(asksForHelp(['--base', 'main', '-h'])).toBe(true);
  });

  it('`flamegate help <command>` prints that command; an unknown one exits 2', async () => {
    const help = await run(['help', 'diff']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: flamegate diff');
    const unknown = await run(['help', 'constructor']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no command "constructor"');
  });

  it('an unknown option still says which command to ask for help', async () => {
    await expect(run(['compare', '--bogus'])).resolves.toMatchObject({ code: 2 });
    const { stderr } = await run(['compare', '--bogus']);
    expect(stderr).toContain('see flamegate compare --help');
  });
});

describe('the top-level help', () => {
  it('names every harness flamegate reads, every command and every command option', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const harness of ['tinybench', 'vitest bench', 'mitata', 'benchmark.js', 'bench-node'])
      expect(stdout).toContain(harness);
    for (const { title } of Object.values(SCRIPT_HARNESSES)) expect(stdout).toContain(title);
    expect(stdout).not.toMatch(/tinybench benchmarks/);
    for (const [command, options] of Object.entries(COMMANDS)) {
      expect(stdout).toContain(`Usage: flamegate ${command}`);
      for (const option of options) expect(stdout).toContain(`--${option.name}`);
    }
  });

  it('without a command it prints the help and exits 2 (a usage error)', async () => {
    const { code, stdout } = await run([]);
    expect(code).toBe(2);
    expect(stdout).toContain('Usage:');
  });
});

describe('help and parser come from one list', () => {
  for (const [command, options] of Object.entries(COMMANDS)) {
    it(`${command}: every option in its help parses, with a value when it takes one`, () => {
      for (const option of options) {
        const args = option.type === 'string' ? [`--${option.name}`, 'x'] : [`--${option.name}`];
        expect(() => parseOptions(args, options, true), `${command} --${option.name}`).not.toThrow();
        // …and says what its value is.
        if (option.type === 'string') expect(option.arg, option.name).toMatch(/^<.+>$/);
      }
    });
  }

  it('lays continuation lines out under the description', () => {
    const text = optionLines(
      [{ name: 'out', type: 'string', arg: '<dir>', help: 'first line\nsecond line' }],
      16,
    );
    expect(text).toBe(`  --out <dir>   first line\n${' '.repeat(16)}second line`);
  });
});
