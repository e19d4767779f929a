// The vitest projects a config declares, as `vitest bench` finds them: the config itself, or its
// `test.projects` (Vitest 3.2+), or its workspace (`test.workspace` / `vitest.workspace.*`, Vitest 2
// and 3): inline projects, folders and config files, globs of either. Config files are read by the
// loader the caller passes (the repository's own vite), so TypeScript configs and functions work.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import {
  type BenchProject,
  benchProject,
  inlineProject,
  isBenchFileOf,
  type ProjectEntry,
  projectEntries,
  type UserConfigLike,
} from './settings.js';

export type ConfigLoader = (configFile: string) => Promise<UserConfigLike>;

export const CONFIG_NAMES = ['vitest.config', 'vite.config'].flatMap((base) =>
  ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((ext) => `${base}.${ext}`),
);
const WORKSPACE_NAMES = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs', 'json'].flatMap((ext) => [
  `vitest.workspace.${ext}`,
  `vitest.projects.${ext}`,
]);

/** Every project of the config at `configFile` (or of a folder with none, `root`). */
export async function projectsOf(
  configFile: string | undefined,
  root: string,
  load: ConfigLoader,
): Promise<BenchProject[]> {
  const config = configFile ? await load(configFile) : {};
  const configDir = configFile ? dirname(configFile) : root;
  const entries = await declaredEntries(config, configDir);
  if (entries.length === 0) return [benchProject(config, configDir)];
  const projects: BenchProject[] = [];
  for (const [index, entry] of entries.entries()) {
    if (entry.kind === 'inline') projects.push(inlineProject(config, entry.config, configDir, index));
    else {
      const paths =
        entry.kind === 'path' ? [resolve(configDir, entry.path)] : expandGlob(configDir, entry.pattern);
      for (const path of paths) projects.push(await projectAt(path, load));
    }
  }
  return projects;
}

async function declaredEntries(config: UserConfigLike, configDir: string): Promise<ProjectEntry[]> {
  const test = config.test ?? {};
  if (Array.isArray(test.projects)) return projectEntries(test.projects);
  if (Array.isArray(test.workspace)) return projectEntries(test.workspace);
  const file =
    typeof test.workspace === 'string'
      ? resolve(configDir, test.workspace)
      : WORKSPACE_NAMES.map((n) => join(configDir, n)).find((f) => existsSync(f));
  if (!file) return [];
  let list: unknown;
  try {
    list = file.endsWith('.json')
      ? JSON.parse(readFileSync(file, 'utf8'))
      : ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (error) {
    throw new Error(`cannot read the vitest workspace file ${file}: ${(error as Error).message}`);
  }
  return projectEntries(list);
}

/** A project given as a folder (its own config inside, or none) or as a config file. */
async function projectAt(path: string, load: ConfigLoader): Promise<BenchProject> {
  if (existsSync(path) && statSync(path).isDirectory()) {
    const config = CONFIG_NAMES.map((n) => join(path, n)).find((f) => existsSync(f));
    return benchProject(config ? await load(config) : {}, path, basename(path));
  }
  return benchProject(await load(path), dirname(path), basename(dirname(path)));
}

/** Folders and config files below `dir` that a project glob matches (never inside node_modules). */
function expandGlob(dir: string, pattern: string): string[] {
  const matches = picomatch(pattern.replace(/^\.\//, ''), { dot: false });
  const found: string[] = [];
  const walk = (folder: string, depth: number) => {
    if (depth > 6) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      const rel = relative(dir, path).split('\\').join('/');
      if (entry.isDirectory()) {
        if (matches(rel)) found.push(path);
        walk(path, depth + 1);
      } else if (
        matches(rel) &&
        CONFIG_NAMES.some((n) => entry.name.startsWith(n.replace(/\.[^.]+$/, '.')))
      ) {
        found.push(path);
      }
    }
  };
  walk(dir, 0);
  return found;
}

/**
 * The project whose bench files include `file`; a file that none of them would run under
 * `vitest bench` fails, naming what each project includes.
 */
export function projectForFile(
  projects: BenchProject[],
  file: string,
  configFile: string | undefined,
): BenchProject {
  const found = projects.find((p) => isBenchFileOf(p, file));
  if (found) return found;
  // A lone project on vitest's default globs: flamegate's own "benchmarks" globs chose this file, and
  // nothing in the repository says it is not a bench file.
  const only = projects.length === 1 ? projects[0] : undefined;
  if (only && !only.globsSet) return only;
  const where = configFile ?? 'no vitest config';
  const each = projects
    .map(
      (p) =>
        `"${p.name}" includes ${p.include.join(', ')} from ${p.dir}${p.exclude.length > 0 ? ` (exclude ${p.exclude.join(', ')})` : ''}`,
    )
    .join('; ');
  throw new Error(
    `vitest bench would not run this file: it is not a bench file of any project of ${where} (${each}). ` +
      'Add it to benchmark.include there, or leave it out of flamegate\'s "benchmarks" (or add it to "exclude").',
  );
}
