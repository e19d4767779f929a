// Installs and builds both checkouts, the way each side's lockfile or the config says, before anything
// is measured. A failing install or build is a CommandError that shows the command and its output.
import { shortSha } from '../format.js';
import type { Config } from '../model.js';
import { type Checkout, planInstall, runStep, type Workspace } from './workspace.js';

export async function prepare(
  workspace: Workspace,
  config: Pick<Config, 'install' | 'build'>,
  progress: (line: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  const one = async (checkout: Checkout) => {
    const label = `${checkout.side} ${shortSha(checkout.revision.sha)}`;
    const install = planInstall(checkout, config.install);
    if (install) {
      progress(`installing ${label}: ${install.command}`);
      await runStep(checkout, 'install', install, signal);
    }
    if (config.build) {
      progress(`building ${label}: ${config.build}`);
      await runStep(checkout, 'build', { dir: checkout.dir, command: config.build }, signal);
    }
  };
  // Installs are mostly network and disk: running both sides at once halves the wait.
  await Promise.all([one(workspace.base), one(workspace.head)]);
}
