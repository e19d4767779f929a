// Loads a benchmark file through the adapter of the harness it is written for, once per process, with
// what every harness gets alike: a Yarn Plug'n'Play repository's resolution, and the check that
// loading the file left the clocks alone.
import type { TaskSpec } from '../../protocol.js';
import { checkClocks } from '../failures.js';
import { explainPnpError, usePnpLoaderFor } from '../pnp.js';
import type { HarnessAdapter, HarnessFile, HarnessOptions, HarnessTask } from './adapter.js';
import { benchNode } from './bench-node.js';
import { benchmarkjs } from './benchmarkjs.js';
import { mitata } from './mitata.js';
import { tinybench } from './tinybench.js';
import { vitest } from './vitest.js';

/**
 * The adapters in the order they are asked; the first that claims a file loads it. The script
 * harnesses claim a file by its import, ahead of vitest: their `bench(...)` calls look like vitest's.
 */
const ADAPTERS: HarnessAdapter[] = [mitata, benchmarkjs, benchNode, vitest, tinybench];

let options: HarnessOptions = { perCall: false };

/** Sets how this process times tasks: once, by the job, before any file loads. */
export function configureHarness(given: HarnessOptions): void {
  options = given;
}

const loaded = new Map<string, Promise<HarnessFile>>();

/** The benchmark file's tasks; a file that failed to load fails again for every task asked of it. */
export function loadFile(file: string): Promise<HarnessFile> {
  let promise = loaded.get(file);
  if (!promise) {
    promise = (async () => {
      // A Yarn Plug'n'Play repository's imports resolve through its own loader, as under `yarn node`.
      usePnpLoaderFor(file);
      const adapter = ADAPTERS.find((a) => a.claims(file)) ?? tinybench;
      const harnessFile = await adapter.load(file, options);
      // Checked once per file: the rejected promise stays cached, so every task of a file that
      // replaced a clock fails on that side, not only the first one loaded.
      checkClocks();
      return harnessFile;
    })().catch((error: unknown) => {
      throw explainPnpError(error);
    });
    loaded.set(file, promise);
  }
  return promise;
}

/** One task of a benchmark file, by name. */
export async function loadTask(spec: TaskSpec): Promise<HarnessTask> {
  const file = await loadFile(spec.file);
  const task = file.tasks.find((t) => t.name === spec.task);
  if (!task) throw new Error(`task "${spec.task}" is no longer in the Bench`);
  return task;
}

/** How long each task's teardown may take once the job is done: every result has been sent by then. */
const DISPOSE_MS = 1_000;

/**
 * Ends what loaded tasks keep between slices, once the job is done. A teardown that fails or hangs is
 * left behind: every result is already with the parent, and the process is about to exit.
 */
export async function disposeLoaded(): Promise<void> {
  for (const promise of loaded.values()) {
    const file = await promise.catch(() => undefined);
    for (const task of file?.tasks ?? []) {
      if (!task.dispose) continue;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, DISPOSE_MS);
      });
      await Promise.race([task.dispose().catch(() => undefined), late]);
      clearTimeout(timer);
    }
  }
}
