import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notInstalledMessage } from '../../src/measure/child/vitest/resolve.js';
import {
  chooseInstallCommand,
  type InstallFacts,
  parsePackageManager,
  readInstallFacts,
  readYarnPath,
} from '../../src/workspace/install-command.js';

/** Facts of an install folder; `path` lists the commands on PATH. */
function facts(given: Partial<Omit<InstallFacts, 'onPath'>> & { path?: string[] }): InstallFacts {
  const { path = [], ...rest } = given;
  return { yarnrc: false, berryLockfile: false, ...rest, onPath: (c) => path.includes(c) };
}

describe('install command from the lockfile and packageManager', () => {
  it('reads packageManager without its integrity suffix', () => {
    expect(parsePackageManager('pnpm@9.1.0+sha512.abc')).toEqual({ name: 'pnpm', version: '9.1.0' });
    expect(parsePackageManager('yarn@4.5.0')).toEqual({ name: 'yarn', version: '4.5.0' });
    expect(parsePackageManager('npm')).toEqual({ name: 'npm', version: undefined });
    expect(parsePackageManager(undefined)).toBeUndefined();
  });

  it('runs Yarn 2+ from the repository’s own release (yarnPath), whatever is on PATH', () => {
    const berry = facts({
      lockfile: 'yarn.lock',
      packageManager: 'yarn@4.5.0',
      yarnrc: true,
      yarnPath: '.yarn/releases/yarn-4.5.0.cjs',
      berryLockfile: true,
      path: ['yarn'],
    });
    expect(chooseInstallCommand(berry)).toBe('node .yarn/releases/yarn-4.5.0.cjs install --immutable');
    // A path a shell would split or expand is quoted.
    expect(chooseInstallCommand({ ...berry, yarnPath: ".yarn/my yarn's.cjs" })).toBe(
      `node '.yarn/my yarn'\\''s.cjs' install --immutable`,
    );
  });

  it('gets a packageManager Yarn 2+ without yarnPath from the npm registry, never a global Yarn 1', () => {
    const berry = facts({ lockfile: 'yarn.lock', packageManager: 'yarn@4.5.0', berryLockfile: true });
    // A global Yarn 1 would refuse a yarn@4 project: it is not used.
    expect(chooseInstallCommand({ ...berry, onPath: (c) => c === 'yarn' })).toBe(
      'npx --yes --package=@yarnpkg/cli-dist@4.5.0 yarn install --immutable',
    );
    // The version is the pull request's text: a shell never reads it as a command.
    expect(chooseInstallCommand({ ...berry, packageManager: 'yarn@4;touch x' })).toBe(
      `npx --yes --package=@yarnpkg/cli-dist@'4;touch' yarn install --immutable`,
    );
  });

  it('tells Yarn 1 from Yarn 2+ by packageManager, .yarnrc.yml or the lockfile', () => {
    expect(chooseInstallCommand(facts({ lockfile: 'yarn.lock', path: ['yarn'] }))).toBe(
      'yarn install --frozen-lockfile',
    );
    expect(chooseInstallCommand(facts({ lockfile: 'yarn.lock', yarnrc: true }))).toBe(
      'yarn install --immutable',
    );
    expect(chooseInstallCommand(facts({ lockfile: 'yarn.lock', berryLockfile: true }))).toBe(
      'yarn install --immutable',
    );
    expect(chooseInstallCommand(facts({ lockfile: 'yarn.lock', packageManager: 'yarn@1.22.22' }))).toBe(
      'npx --yes yarn@1.22.22 install --frozen-lockfile',
    );
  });

  it('uses pnpm from PATH, else the packageManager version from the npm registry', () => {
    const pnpm = facts({ lockfile: 'pnpm-lock.yaml', packageManager: 'pnpm@9.1.0+sha512.x' });
    expect(chooseInstallCommand({ ...pnpm, onPath: (c) => c === 'pnpm' })).toBe(
      'pnpm install --frozen-lockfile',
    );
    expect(chooseInstallCommand(pnpm)).toBe('npx --yes pnpm@9.1.0 install --frozen-lockfile');
    expect(chooseInstallCommand(facts({ lockfile: 'pnpm-lock.yaml' }))).toBe(
      'pnpm install --frozen-lockfile',
    );
  });

  it('lets the lockfile name the manager when packageManager disagrees, and packageManager name it without one', () => {
    // packageManager says pnpm, the committed lockfile is npm's: npm's frozen install reproduces it.
    expect(chooseInstallCommand(facts({ lockfile: 'package-lock.json', packageManager: 'pnpm@9.1.0' }))).toBe(
      'npm ci --no-audit --no-fund',
    );
    // No lockfile: packageManager names the manager; nothing is frozen, there is nothing to freeze to.
    expect(chooseInstallCommand(facts({ packageManager: 'pnpm@9.1.0', path: ['pnpm'] }))).toBe(
      'pnpm install',
    );
    expect(chooseInstallCommand(facts({ packageManager: 'bun@1.1.0' }))).toBe('bun install');
    expect(chooseInstallCommand(facts({ packageManager: 'npm@10.8.0' }))).toBe(
      'npm install --no-audit --no-fund',
    );
    expect(
      chooseInstallCommand(facts({ packageManager: 'yarn@4.5.0', yarnrc: true, yarnPath: '.yarn/r.cjs' })),
    ).toBe('node .yarn/r.cjs install');
    expect(chooseInstallCommand(facts({ packageManager: 'deno@2' }))).toBeUndefined();
    expect(chooseInstallCommand(facts({ lockfile: 'bun.lock', packageManager: 'bun@1.1.0' }))).toBe(
      'bun install --frozen-lockfile',
    );
  });

  it('reads yarnPath from .yarnrc.yml, and only a release that exists', () => {
    expect(readYarnPath('nodeLinker: pnp\nyarnPath: .yarn/releases/yarn-4.5.0.cjs\n')).toBe(
      '.yarn/releases/yarn-4.5.0.cjs',
    );
    expect(readYarnPath('yarnPath: "a b.cjs" # quoted\n')).toBe('a b.cjs');
    expect(readYarnPath('enableTelemetry: false\n')).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'flamegate-install-'));
    writeFileSync(join(dir, '.yarnrc.yml'), 'yarnPath: .yarn/releases/yarn-4.5.0.cjs\n');
    writeFileSync(join(dir, 'yarn.lock'), '# generated\n\n__metadata:\n  version: 8\n');
    writeFileSync(join(dir, 'package.json'), '{"packageManager":"yarn@4.5.0"}');
    expect(readInstallFacts(dir, 'yarn.lock')).toMatchObject({
      yarnrc: true,
      yarnPath: undefined,
      berryLockfile: true,
      packageManager: 'yarn@4.5.0',
    });
    mkdirSync(join(dir, '.yarn/releases'), { recursive: true });
    writeFileSync(join(dir, '.yarn/releases/yarn-4.5.0.cjs'), '');
    expect(readInstallFacts(dir, 'yarn.lock').yarnPath).toBe('.yarn/releases/yarn-4.5.0.cjs');
  });
});

describe('a package the repository cannot provide', () => {
  it('names a Yarn 2+ repository whose install did not run, not a missing devDependency', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flamegate-noinstall-'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.yarnrc.yml'), 'nodeLinker: pnp\n');
    expect(notInstalledMessage(dir, 'vitest', 'this file is written for vitest bench')).toMatch(
      /uses Yarn 2\+ \(.*\.yarnrc\.yml\) but has neither \.pnp\.cjs nor node_modules, so its install did not run/,
    );
    mkdirSync(join(dir, 'node_modules'));
    expect(notInstalledMessage(dir, 'vitest', 'why')).toMatch(/Add vitest to devDependencies/);
  });
});
