// Turns a fixture folder (a small vitest project, or a recipe: a real library from the npm registry
// with our own vitest bench files) into a git repository with a base commit and a head commit made
// of the given edits.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { materializeRecipe } from '../../scripts/recipes.mjs';

export interface Edit {
  file: string;
  from: string | RegExp;
  to: string;
}

export interface Repo {
  dir: string;
  baseSha: string;
  headSha: string;
}

/** Fixture names under this prefix are recipes (fixtures/recipes/<library>). */
const RECIPE_PREFIX = 'recipes/';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
}

export function applyEdits(dir: string, edits: Edit[]): void {
  for (const edit of edits) {
    const path = join(dir, edit.file);
    const before = readFileSync(path, 'utf8');
    const after = before.replace(edit.from, edit.to);
    if (after === before) throw new Error(`fixture edit did not apply to ${edit.file}: ${String(edit.from)}`);
    writeFileSync(path, after);
  }
}

/**
 * Copies `fixtures/<name>` (without node_modules), adds `files` (path → text, e.g. a flamegate
 * config), commits it as base, applies `edits` and commits them as head. A recipe
 * (`recipes/<library>`) brings its package from the registry (cached) next to our files.
 */
export function createRepo(
  name: string,
  edits: Edit[],
  files: Record<string, string> = {},
  headFiles: Record<string, string> = {},
): Repo {
  const dir = mkdtempSync(join(tmpdir(), `flamegate-${basename(name)}-`));
  if (name.startsWith(RECIPE_PREFIX)) materializeRecipe(name.slice(RECIPE_PREFIX.length), dir);
  else cpSync(fixturePath(name), dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  writeFiles(dir, files);
  return commitBaseAndHead(dir, () => {
    applyEdits(dir, edits);
    writeFiles(dir, headFiles);
  });
}

/** Writes `files` (path → text) into `dir`, making folders as needed. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
}

/** Commits what `dir` holds as base, then what `makeHead` leaves there as head, in a new repository. */
export function commitBaseAndHead(dir: string, makeHead: () => void): Repo {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'user.name', 'flamegate test');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  makeHead();
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'head');
  const headSha = git(dir, 'rev-parse', 'HEAD');
  return { dir, baseSha, headSha };
}
