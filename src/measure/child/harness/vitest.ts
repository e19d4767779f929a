// The vitest bench adapter: a file written for `vitest bench` is loaded by the project's own vite
// (`child/vitest/load.ts`), each collected function a task of the project's own tinybench, so its
// tasks are driven as tinybench tasks, each with the Bench (and options) vitest would give it.
import { isVitestBenchFile, loadVitestBench } from '../vitest/load.js';
import type { HarnessAdapter } from './adapter.js';
import { type BenchLike, recordTaskFunctions, tinybenchFile } from './tinybench.js';

export const vitest: HarnessAdapter = {
  name: 'vitest',
  claims: isVitestBenchFile,
  async load(file, options) {
    // The vitest loader adds tasks to the project's tinybench; when that is the copy this file
    // resolves, its functions are recorded too and its synchronous tasks are timed in batches.
    await recordTaskFunctions(file);
    const group = await loadVitestBench(file);
    const bench = group as unknown as BenchLike;
    return tinybenchFile(bench, options, (task) => (group.ownerOf(task) as BenchLike | undefined) ?? bench);
  },
};
