// Turns fixtures/sample-project into a real git repository with a base commit and a head commit.
// The head commit changes one named function (`slowPath`) or nothing, depending on the variant.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE = fileURLToPath(new URL('../../fixtures/sample-project', import.meta.url));

export type Variant =
  | 'same'
  | 'slower'
  | 'faster-checksum'
  | 'throws'
  | 'hangs'
  | 'hangs-on-load'
  | 'no-bench-export'
  | 'loosen-config'
  | 'records-env';

interface Edit {
  file: string;
  from: string | RegExp;
  to: string;
}

// Each head variant is a small, readable edit of the base project.
const EDITS: Record<Variant, Edit[]> = {
  same: [
    {
      file: 'src/records.js',
      from: '// A small record parser.',
      to: '// A small record parser (comment edited).',
    },
  ],
  slower: [{ file: 'src/records.js', from: 'i < WORK * 8;', to: 'i < WORK * 20;' }],
  // checksum reads every other character: `checksum lines` (nearly all checksum) gets faster.
  'faster-checksum': [
    { file: 'src/records.js', from: 'i < text.length; i++)', to: 'i < text.length; i += 2)' },
  ],
  throws: [
    {
      file: 'bench/records.bench.js',
      from: "add('tokenize', () => {",
      to: "add('tokenize', () => {\n    throw new Error('tokenize broke on head');",
    },
  ],
  // tinybench calls a task once when it is added; this one hangs later, while being measured.
  hangs: [
    {
      file: 'bench/records.bench.js',
      from: "add('tokenize', () => {",
      to: "add('tokenize', () => {\n    if (++calls > 5) for (;;) {}",
    },
    { file: 'bench/records.bench.js', from: 'let sink = 0;', to: 'let sink = 0;\nlet calls = 0;' },
  ],
  // A pull request that tries to loosen its own gate: flamegate reads the config from the base.
  'loosen-config': [{ file: '.github/flamegate.yml', from: 'benchmark: 5%', to: 'benchmark: 500%' }],
  'hangs-on-load': [
    {
      file: 'bench/records.bench.js',
      from: 'export default bench;',
      to: 'for (;;) {}\nexport default bench;',
    },
  ],
  // A pull request that writes its environment to $FLAMEGATE_TEST_ENV_DIR from its postinstall script
  // and from its benchmark file (once per process that loads it), as a malicious one would.
  'records-env': [
    {
      file: 'package.json',
      from: '"type": "module",',
      to: '"type": "module",\n  "scripts": { "postinstall": "env > \\"$FLAMEGATE_TEST_ENV_DIR/postinstall-$$.env\\"" },',
    },
    {
      file: 'bench/records.bench.js',
      from: "import { Bench } from 'tinybench';",
      to: "import { Bench } from 'tinybench';\nimport { writeFileSync } from 'node:fs';",
    },
    {
      file: 'bench/records.bench.js',
      from: 'export default bench;',
      to:
        "writeFileSync(process.env.FLAMEGATE_TEST_ENV_DIR + '/bench-' + process.pid + '.env', " +
        "Object.entries(process.env).map(([k, v]) => k + '=' + v).join('\\n'));\nexport default bench;",
    },
  ],
  'no-bench-export': [{ file: 'bench/checksum.bench.ts', from: 'return bench;', to: 'return { bench };' }],
};

export interface FixtureRepo {
  dir: string;
  baseSha: string;
  headSha: string;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
}

export function applyVariant(dir: string, variants: Variant | Variant[]): void {
  for (const variant of [variants].flat()) applyEdits(dir, variant);
}

function applyEdits(dir: string, variant: Variant): void {
  for (const edit of EDITS[variant]) {
    const path = join(dir, edit.file);
    const before = readFileSync(path, 'utf8');
    const after = before.replace(edit.from, edit.to);
    if (after === before) throw new Error(`fixture edit for "${variant}" did not apply to ${edit.file}`);
    writeFileSync(path, after);
  }
}

export async function createFixtureRepo(
  variant: Variant | Variant[],
  options: { dir?: string; config?: string; files?: Record<string, string> } = {},
): Promise<FixtureRepo> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), `flamegate-fixture-${[variant].flat().join('-')}-`));
  cpSync(FIXTURE, dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  if (options.config !== undefined) writeFileSync(join(dir, '.github/flamegate.yml'), options.config);
  // More files in the base commit (another config a test names through the `config` input, say).
  for (const [file, text] of Object.entries(options.files ?? {})) writeFileSync(join(dir, file), text);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'user.name', 'flamegate test');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  applyVariant(dir, variant);
  git(dir, 'commit', '-q', '-am', `head: ${[variant].flat().join(', ')}`);
  const headSha = git(dir, 'rev-parse', 'HEAD');
  return { dir, baseSha, headSha };
}
