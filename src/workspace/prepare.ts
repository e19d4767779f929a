// The workspace stage's second step, once the config is read from base: find the packages (monorepo
// runs), install and build both checkouts the way each side's lockfile or the config says, and list
// each side's benchmark files. A failing install or build is a CommandError that shows the command
// and its output; no package or no benchmark file anywhere is a UsageError naming the glob.
import { join } from 'node:path';
import { DEFAULT_BENCHMARK_GLOB, DEFAULT_FOLDER_GLOB } from '../config/config.js';
import { DEFAULT_CONFIG_PATH } from '../config/load.js';
import { plural, shortSha } from '../format.js';
import type { Config, Side } from '../model.js';
import { UsageError } from '../settings.js';
import { listBenchmarkFiles } from './files.js';
import { expandPackages, listPackageFiles } from './packages.js';
import { type Checkout, planInstall, runStep, type Workspace } from './workspace.js';

export interface PreparedBenchmarks {
  /** Monorepo runs: each side's package directories, relative to the working directory. */
  packages?: Record<Side, string[]>;
  /** Each side's benchmark files, relative to its working directory. */
  files: Record<Side, string[]>;
}

export async function prepare(
  workspace: Workspace,
  config: Pick<Config, 'install' | 'build' | 'timeouts' | 'benchmarks' | 'exclude'>,
  options: { progress: (line: string) => void; signal?: AbortSignal; packages?: string[] },
): Promise<PreparedBenchmarks> {
  const { progress, signal } = options;
  const packages = options.packages && {
    base: await expandPackages(workspace.base.dir, options.packages),
    head: await expandPackages(workspace.head.dir, options.packages),
  };
  if (packages && packages.base.length + packages.head.length === 0) {
    throw new UsageError(`no package directory matches ${options.packages?.join(', ')} on either side`);
  }
  await installAndBuild(workspace, config, progress, signal, packages);
  const list = (side: Side) =>
    packages
      ? listPackageFiles(workspace[side].dir, packages[side], config.benchmarks, config.exclude)
      : listBenchmarkFiles(workspace[side].dir, config.benchmarks, config.exclude);
  const files = { base: await list('base'), head: await list('head') };
  if (files.base.length === 0 && files.head.length === 0) {
    const where = workspace.prefix || 'the repository root';
    throw new UsageError(
      `no benchmark files found: nothing in ${where} matches ${config.benchmarks.join(', ')} ` +
        `(set "benchmarks" in ${DEFAULT_CONFIG_PATH}; the default is ${DEFAULT_BENCHMARK_GLOB}, and files in ${DEFAULT_FOLDER_GLOB} that import a benchmark harness)`,
    );
  }
  progress(`found ${plural(files.head.length, 'benchmark file')} on head, ${files.base.length} on base`);
  return packages ? { packages, files } : { files };
}

async function installAndBuild(
  workspace: Workspace,
  config: Pick<Config, 'install' | 'build' | 'timeouts'>,
  progress: (line: string) => void,
  signal: AbortSignal | undefined,
  packages: Record<Side, string[]> | undefined,
): Promise<void> {
  // In a monorepo run each package installs (where its nearest lockfile is, once) and builds.
  const side = async (checkout: Checkout) => {
    if (!packages) return one(checkout);
    const installed = new Set<string>();
    for (const pkg of packages[checkout.side]) {
      await one({ ...checkout, dir: pkg === '.' ? checkout.dir : join(checkout.dir, pkg) }, installed);
    }
  };
  const one = async (checkout: Checkout, installed?: Set<string>) => {
    const label = `${checkout.side} ${shortSha(checkout.revision.sha)}`;
    const install = planInstall(checkout, config.install);
    // A lockfile shared by several packages (a workspace root) installs once.
    if (install && !installed?.has(install.dir)) {
      installed?.add(install.dir);
      progress(`installing ${label}: ${install.command}`);
      await runStep(checkout, 'install', install, signal, config.timeouts?.install);
    }
    if (config.build) {
      progress(`building ${label}: ${config.build}`);
      await runStep(
        checkout,
        'build',
        { dir: checkout.dir, command: config.build },
        signal,
        config.timeouts?.build,
      );
    }
  };
  // Installs are mostly network and disk: running both sides at once halves the wait.
  await Promise.all([side(workspace.base), side(workspace.head)]);
}
