// Installs and builds both checkouts, the way each side's lockfile or the config says, before anything
// is measured. A failing install or build is a CommandError that shows the command and its output.
import { join } from 'node:path';
import { shortSha } from '../format.js';
import type { Config } from '../model.js';
import { type Checkout, planInstall, runStep, type Workspace } from './workspace.js';

export async function prepare(
  workspace: Workspace,
  config: Pick<Config, 'install' | 'build'>,
  progress: (line: string) => void,
  signal?: AbortSignal,
  /** Monorepo runs: each side's package directories, relative to the working directory. */
  packages?: Record<'base' | 'head', string[]>,
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
      await runStep(checkout, 'install', install, signal);
    }
    if (config.build) {
      progress(`building ${label}: ${config.build}`);
      await runStep(checkout, 'build', { dir: checkout.dir, command: config.build }, signal);
    }
  };
  // Installs are mostly network and disk: running both sides at once halves the wait.
  await Promise.all([side(workspace.base), side(workspace.head)]);
}
