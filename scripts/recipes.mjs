// Real-library fixtures as recipes. The repository holds only its own work: a recipe folder
// (fixtures/recipes/<name>/) holds our package.json, lock file and benchmark files, and a recipe.json
// naming one published package at an exact version (and its tarball's integrity). The library itself
// comes from the npm registry at test time, the way it reaches users, and is copied into the project
// the tests turn into a git repository, at the folder the recipe names.
//
// A package is fetched once per machine: `npm pack` into a temporary folder, checked against the
// recipe's integrity, extracted, then renamed into the cache in one step, so a crashed or concurrent
// fill never leaves a half-written entry behind (a second filler that loses the rename race just
// uses the winner's copy). The cache is node_modules/.cache/flamegate-recipes/<name>@<version>, or
// the folder in FLAMEGATE_RECIPE_CACHE.
//
// A package published only as CommonJS (path-to-regexp's dist/index.js, as TypeScript emits it) is
// given an ESM export list in place of its `exports.x = x` lines (`esm` in the recipe): vitest bench
// files import the library's files through Vite's module runner, which evaluates ES modules only, as
// the library's own TypeScript sources were before. Nothing else in the file changes, and every line
// keeps its number, so the tests' edits and the reported lines are the published file's.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RECIPES = join(ROOT, 'fixtures', 'recipes');
const RECIPE_FILE = 'recipe.json';

/** The cache folder: FLAMEGATE_RECIPE_CACHE, else node_modules/.cache/flamegate-recipes. */
export function recipeCache() {
  return process.env.FLAMEGATE_RECIPE_CACHE || join(ROOT, 'node_modules', '.cache', 'flamegate-recipes');
}

/** The recipe of fixtures/recipes/<name>, checked field by field (it names what is downloaded). */
export function readRecipe(name) {
  const recipe = JSON.parse(readFileSync(join(RECIPES, name, RECIPE_FILE), 'utf8'));
  const { package: pkg, version, integrity, into, files, esm = [] } = recipe;
  if (typeof pkg !== 'string' || !/^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/.test(pkg))
    throw new Error(`recipe ${name}: bad package name ${JSON.stringify(pkg)}`);
  // An exact version: a range would let the fixture change under the tests.
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version))
    throw new Error(`recipe ${name}: version must be exact, not ${JSON.stringify(version)}`);
  if (typeof integrity !== 'string' || !integrity.startsWith('sha512-'))
    throw new Error(`recipe ${name}: integrity must be the tarball's sha512`);
  if (typeof into !== 'string' || into === '' || into.includes('..'))
    throw new Error(`recipe ${name}: bad target folder ${JSON.stringify(into)}`);
  if (!Array.isArray(files) || files.some((f) => typeof f !== 'string' || f.includes('..')))
    throw new Error(`recipe ${name}: files must be paths inside the package`);
  if (!Array.isArray(esm) || esm.some((f) => typeof f !== 'string' || !files.includes(f)))
    throw new Error(`recipe ${name}: esm must list files the recipe copies`);
  return { package: pkg, version, integrity, into, files, esm };
}

/**
 * The folder holding the extracted package of `recipe` (its `package/` contents), fetched from the
 * registry on first use.
 */
export function installedPackage(recipe) {
  const cache = recipeCache();
  const entry = join(cache, `${recipe.package.replace('/', '+')}@${recipe.version}`);
  if (existsSync(entry)) return entry;
  mkdirSync(cache, { recursive: true });
  const scratch = mkdtempSync(join(cache, '.fill-'));
  try {
    const spec = `${recipe.package}@${recipe.version}`;
    execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', scratch], {
      cwd: scratch,
      stdio: ['ignore', 'ignore', 'pipe'],
      shell: process.platform === 'win32',
    });
    const tarballs = readdirSync(scratch).filter((f) => f.endsWith('.tgz'));
    if (tarballs.length !== 1) throw new Error(`npm pack ${spec} left ${tarballs.length} tarballs`);
    const tarball = join(scratch, tarballs[0]);
    const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (integrity !== recipe.integrity)
      throw new Error(`${spec}: the registry's tarball is ${integrity}, the recipe says ${recipe.integrity}`);
    execFileSync('tar', ['-xzf', tarball, '-C', scratch], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      renameSync(join(scratch, 'package'), entry);
    } catch (error) {
      // Another process filled the entry first: its copy is the same tarball.
      if (!existsSync(entry)) throw error;
    }
    return entry;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Writes the project of recipe `name` into `dir`: our files from fixtures/recipes/<name> (all but
 * recipe.json and any node_modules), and the recipe's files of the published package under
 * `recipe.into`. Returns the recipe.
 */
export function materializeRecipe(name, dir) {
  const recipe = readRecipe(name);
  const source = join(RECIPES, name);
  cpSync(source, dir, {
    recursive: true,
    filter: (path) => !path.includes('node_modules') && path !== join(source, RECIPE_FILE),
  });
  const pkg = installedPackage(recipe);
  for (const file of recipe.files.flatMap((entry) => expand(pkg, entry))) {
    cpSync(join(pkg, file), join(dir, recipe.into, file), { recursive: true });
  }
  for (const file of recipe.esm) {
    const path = join(dir, recipe.into, file);
    writeFileSync(path, commonjsExportsToEsm(readFileSync(path, 'utf8'), `${recipe.package}/${file}`));
  }
  return recipe;
}

const ES_MODULE_MARK = 'Object.defineProperty(exports, "__esModule", { value: true });';
const EXPORT_PLACEHOLDERS = /^exports\.\w+ = (?:exports\.\w+ = )*void 0;$/;
const NAMED_EXPORT = /^exports\.(\w+) = (\w+);$/;

/**
 * TypeScript's CommonJS output as an ES module: the `__esModule` mark becomes one `export { … }` of
 * every `exports.x = x;`, and those lines (and the `exports.x = void 0` placeholders) are emptied, so
 * every line keeps its number. Any other use of `exports`, `module` or `require` is an error: the file
 * is not the shape this rewrite knows.
 */
export function commonjsExportsToEsm(text, label) {
  const names = [];
  const lines = text.split('\n').map((line) => {
    if (EXPORT_PLACEHOLDERS.test(line)) return '';
    const named = NAMED_EXPORT.exec(line);
    if (named && named[1] === named[2]) {
      names.push(named[1]);
      return '';
    }
    return line;
  });
  const mark = lines.indexOf(ES_MODULE_MARK);
  if (mark < 0 || names.length === 0) throw new Error(`${label}: not TypeScript's CommonJS output`);
  lines[mark] = `export { ${names.join(', ')} };`;
  const leftover = lines.find((line) => /\bexports\b|\bmodule\.exports\b|\brequire\(/.test(line));
  if (leftover !== undefined) throw new Error(`${label}: CommonJS left after the rewrite: ${leftover}`);
  return lines.join('\n');
}

/**
 * The package paths an entry of `files` names: itself, or, when its last part has a `*` (`lib/*.js`),
 * the files of that folder it matches. A pattern that matches nothing is an error: the recipe and the
 * package disagree.
 */
function expand(pkg, entry) {
  const slash = entry.lastIndexOf('/');
  const [folder, last] = slash < 0 ? ['', entry] : [entry.slice(0, slash), entry.slice(slash + 1)];
  if (!last.includes('*')) return [entry];
  const pattern = new RegExp(`^${last.split('*').map(escapeRegExp).join('[^/]*')}$`);
  const found = readdirSync(join(pkg, folder))
    .filter((name) => pattern.test(name))
    .map((name) => (folder ? `${folder}/${name}` : name));
  if (found.length === 0) throw new Error(`recipe file pattern ${entry} matches nothing in the package`);
  return found;
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
