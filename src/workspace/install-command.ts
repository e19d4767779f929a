// Which command installs a checkout's dependencies when the config names none: the package manager
// the repository uses, read from its lockfile and its package.json `packageManager` field, run so that
// it does not depend on a matching global install (Yarn 2+ is rarely on PATH; a repository's own
// `.yarn/releases/yarn-*.cjs`, or the declared version from the npm registry, gives the version it was
// locked with). Not corepack: it checks registry signatures that a mirror may not serve ("No
// compatible signature found in package metadata"), where npx uses the registry `npm ci` uses.
//
// Precedence: the lockfile names the manager (it is what the install must reproduce; a frozen install
// by another manager would fail), `packageManager` names its version when it names the same manager,
// and names the manager itself only when there is no lockfile.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type PackageManagerName = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** Lockfiles in the order they are looked for in each folder. */
export const LOCKFILES: [string, PackageManagerName][] = [
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

/** What the choice depends on, read from the install folder (`readInstallFacts`) or given by a test. */
export interface InstallFacts {
  /** The lockfile found in the install folder, if any. */
  lockfile?: string;
  /** package.json's `packageManager` (`yarn@4.5.0`, `pnpm@9.1.0+sha512.…`), if set. */
  packageManager?: string;
  /** Whether the folder has a `.yarnrc.yml` (Yarn 2+ reads it, Yarn 1 does not). */
  yarnrc: boolean;
  /** `yarnPath` of `.yarnrc.yml` when the file it names exists: the repository's own Yarn. */
  yarnPath?: string;
  /** Whether yarn.lock is Yarn 2+'s (it starts with a `__metadata` entry). */
  berryLockfile: boolean;
  /** Whether a command is on PATH (pnpm, yarn), for the ways to get the right version. */
  onPath: (command: string) => boolean;
}

/** `name@version` of the `packageManager` field, without the `+sha…` integrity suffix. */
export function parsePackageManager(
  field: string | undefined,
): { name: string; version?: string } | undefined {
  const match = field?.trim().match(/^(@?[^@\s]+)(?:@([^+\s]+))?/);
  if (!match?.[1]) return undefined;
  return { name: match[1], version: match[2] };
}

export function chooseInstallCommand(facts: InstallFacts): string | undefined {
  const fromLockfile = LOCKFILES.find(([file]) => file === facts.lockfile)?.[1];
  const declared = parsePackageManager(facts.packageManager);
  const declaredName = isManager(declared?.name) ? declared.name : undefined;
  const manager = fromLockfile ?? declaredName;
  if (!manager) return undefined;
  const version = declaredName === manager ? declared?.version : undefined;
  const locked = fromLockfile !== undefined;
  switch (manager) {
    case 'npm':
      return locked ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund';
    case 'bun':
      return locked ? 'bun install --frozen-lockfile' : 'bun install';
    case 'pnpm':
      return `${fromPathOrRegistry('pnpm', version, facts)} install${locked ? ' --frozen-lockfile' : ''}`;
    case 'yarn': {
      const berry =
        facts.yarnrc || facts.berryLockfile || !!facts.yarnPath || (!!version && majorOf(version) >= 2);
      if (!berry)
        return `${fromPathOrRegistry('yarn', version, facts)} install${locked ? ' --frozen-lockfile' : ''}`;
      return `${yarnBerryCommand(version, facts)} install${locked ? ' --immutable' : ''}`;
    }
  }
}

/**
 * Yarn 2+: the repository's own release (`yarnPath`) run by node, as any `yarn` would run it; else
 * the declared version from the npm registry (a global `yarn` is most often Yarn 1, which refuses a
 * project that declares Yarn 2+).
 */
function yarnBerryCommand(version: string | undefined, facts: InstallFacts): string {
  if (facts.yarnPath) return `node ${shellQuote(facts.yarnPath)}`;
  if (!version) return 'yarn';
  return `npx --yes --package=@yarnpkg/cli-dist@${shellQuote(version)} yarn`;
}

/** `command` from PATH when it is there or no version is declared, else `npx` of that version. */
function fromPathOrRegistry(command: string, version: string | undefined, facts: InstallFacts): string {
  return facts.onPath(command) || !version ? command : `npx --yes ${command}@${shellQuote(version)}`;
}

function isManager(name: string | undefined): name is PackageManagerName {
  return name === 'npm' || name === 'pnpm' || name === 'yarn' || name === 'bun';
}

function majorOf(version: string): number {
  return Number.parseInt(version, 10) || 0;
}

function shellQuote(text: string): string {
  return /^[\w./@+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Reads the facts of the install folder `dir` (where the lockfile is, or the package.json). */
export function readInstallFacts(dir: string, lockfile?: string): InstallFacts {
  const yarnrcPath = join(dir, '.yarnrc.yml');
  const yarnrc = existsSync(yarnrcPath);
  const yarnPath = yarnrc ? readYarnPath(readText(yarnrcPath)) : undefined;
  return {
    lockfile,
    packageManager: readPackageManager(join(dir, 'package.json')),
    yarnrc,
    yarnPath: yarnPath && existsSync(join(dir, yarnPath)) ? yarnPath : undefined,
    berryLockfile:
      lockfile === 'yarn.lock' && /^__metadata:/m.test(readText(join(dir, lockfile)).slice(0, 2000)),
    onPath,
  };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function readPackageManager(path: string): string | undefined {
  try {
    const field = (JSON.parse(readText(path)) as { packageManager?: unknown }).packageManager;
    return typeof field === 'string' ? field : undefined;
  } catch {
    return undefined;
  }
}

/** `yarnPath:` of a .yarnrc.yml (a plain or quoted scalar on its own line). */
export function readYarnPath(yarnrc: string): string | undefined {
  const match = yarnrc.match(/^yarnPath:[ \t]*(?:"([^"\n]+)"|'([^'\n]+)'|([^\s#][^\n#]*?))[ \t]*(?:#.*)?$/m);
  return match?.[1] ?? match?.[2] ?? match?.[3];
}

const pathCache = new Map<string, boolean>();

/** Whether `command` is an executable file in one of PATH's folders. */
function onPath(command: string): boolean {
  let found = pathCache.get(command);
  if (found === undefined) {
    const dirs = (process.env.PATH ?? '').split(process.platform === 'win32' ? ';' : ':');
    found = dirs.some((dir) => dir && existsSync(join(dir, command)));
    pathCache.set(command, found);
  }
  return found;
}
