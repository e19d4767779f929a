// Turns fixtures/monorepo-project (two packages, seven benchmarks, npm workspaces) into a real git
// repository with a base commit and a head commit: `slower` slows `slowPath` in the parser package,
// `same` only edits a comment (an A/A pair).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FixtureRepo } from './fixture-repo.js';

export const MONOREPO = fileURLToPath(new URL('../../fixtures/monorepo-project', import.meta.url));

const EDITS = {
  slower: ['packages/parser/src/records.js', 'i < WORK * 8;', 'i < WORK * 20;'],
  same: ['packages/checksum/src/sum.js', '// Three checksums', '// Three checksums (comment edited)'],
} as const;

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
}

export function createMonorepo(variant: keyof typeof EDITS): FixtureRepo {
  const dir = mkdtempSync(join(tmpdir(), `flamegate-monorepo-${variant}-`));
  cpSync(MONOREPO, dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'user.name', 'flamegate test');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  const [file, from, to] = EDITS[variant];
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  if (!before.includes(from)) throw new Error(`monorepo edit "${variant}" did not apply to ${file}`);
  writeFileSync(path, before.replace(from, to));
  git(dir, 'commit', '-q', '-am', `head: ${variant}`);
  return { dir, baseSha, headSha: git(dir, 'rev-parse', 'HEAD') };
}
