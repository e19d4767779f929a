// The discover job: loads each benchmark file of one side and lists its tasks. With `graph`, records
// the files each one's imports reached (the affected selection); with `executed`, then calls each
// benchmark of the files that reach a changed file once, under precise coverage, and says which
// changed files it ran.
import { basename } from 'node:path';
import type { DiscoverJob } from '../../protocol.js';
import { ExecutionRecorder } from '../executed.js';
import { errorText } from '../failures.js';
import type { HarnessFile } from '../harness/adapter.js';
import { loadFile } from '../harness/load.js';
import { ModuleGraph } from '../module-graph.js';
import { clock, replacedClocks, sendToParent } from '../pristine.js';
import { isVitestBenchFile, loadedModuleEdges, takeOpenedProjects } from '../vitest/load.js';

export async function runDiscover(job: DiscoverJob): Promise<void> {
  const recordGraph = job.graph === true;
  const executed = job.executed;
  const executeMs = job.executeMs ?? Number.POSITIVE_INFINITY;
  // Started before any benchmark file loads, so every import of theirs is seen.
  const graph = recordGraph ? ModuleGraph.start() : undefined;
  const execution = graph && executed && executed.length > 0 ? new ExecutionRecorder(executed) : undefined;
  // Calls come after every file is listed, nearest first, within `executeMs`: see executionOrder.
  const toExecute: { file: string; loaded: HarnessFile }[] = [];
  for (const file of job.files) {
    // tinybench calls each task once when it is added (to tell sync from async), so a task that
    // hangs hangs here; the parent charges the file named last.
    await sendToParent({ type: 'loading', file });
    try {
      const loaded = await loadFile(file);
      const reached = recordGraph ? await reachedFrom(graph, file) : undefined;
      await sendToParent({ type: 'discovered', file, tasks: loaded.tasks.map((t) => t.name), reached });
      if (execution && reached && execution.changedAmong(reached).length > 0)
        toExecute.push({ file, loaded });
    } catch (error) {
      const reached = recordGraph ? await reachedFrom(graph, file) : undefined;
      await sendToParent({ type: 'discover-error', file, error: errorText(error), reached });
    }
    // The repository's vitest settings: the parent starts later processes with their execArgv.
    for (const project of takeOpenedProjects()) await sendToParent({ type: 'vitest-project', ...project });
  }
  if (execution) {
    const started = clock();
    for (const { file, loaded } of executionOrder(toExecute, executed ?? [])) {
      if (clock() - started < executeMs) await sendExecuted(file, loaded, execution);
      else await sendToParent({ type: 'executed', file, changed: [], skipped: true });
    }
  }
  if (graph) await sendToParent({ type: 'loaded', files: graph.loaded() });
}

/**
 * The order the execution pass calls files in: a benchmark file named after a changed file first
 * (`groupBy.bench.ts` for `src/array/groupBy.ts`, as most suites name them), then the others as
 * listed. In a large suite behind a barrel module every file reaches the change, and the pass has a
 * time budget: the file most likely to run the change should not wait behind hundreds that do not.
 */
function executionOrder<T extends { file: string }>(files: T[], changed: string[]): T[] {
  const stem = (path: string) => (basename(path).split('.')[0] ?? '').toLowerCase();
  const names = new Set(changed.map(stem));
  const named = files.filter((f) => names.has(stem(f.file)));
  return [...named, ...files.filter((f) => !named.includes(f))];
}

/** How long one benchmark's single call may take in the execution pass before it counts as unknown. */
const EXECUTE_TIMEOUT_MS = 2_000;

/**
 * Calls each of the file's benchmarks once (`callOnce`), under precise coverage, and tells the parent which
 * changed files they ran. A benchmark that fails or is still running after the timeout makes the file
 * `unknown`: the parent ranks it with those that run the changed code. A synchronous call that never
 * returns is the watchdog's: the parent, told `executing`, keeps the file's tasks and goes on.
 */
async function sendExecuted(file: string, loaded: HarnessFile, execution: ExecutionRecorder): Promise<void> {
  await sendToParent({ type: 'executing', file });
  let unknown = false;
  const changed = new Set<string>();
  // Each benchmark's call is read on its own: a file of groupBy benchmarks for three libraries
  // runs the changed one in one benchmark only, and that one is measured first.
  const tasks: Record<string, string[]> = {};
  for (const task of loaded.tasks) {
    let known = true;
    // The file loaded and was reported: nothing here may turn into its loading error.
    const ran = await execution
      .record(async () => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), EXECUTE_TIMEOUT_MS);
        });
        const outcome = await Promise.race([task.callOnce(), timeout]).catch(() => 'error' as const);
        clearTimeout(timer);
        // Clocks it replaced are put back, so the next file's load is not blamed for them.
        if (outcome === 'timeout' || outcome === 'error' || replacedClocks().length > 0) known = false;
      })
      .catch(() => {
        known = false;
        return [];
      });
    for (const f of ran) changed.add(f);
    if (known) tasks[task.name] = ran;
    else unknown = true;
  }
  await sendToParent({
    type: 'executed',
    file,
    changed: [...changed].sort(),
    tasks,
    ...(unknown ? { unknown: true } : {}),
  });
}

/** The files `file`'s imports reached: Node's resolutions, and Vite's graph for a file Vite loaded. */
async function reachedFrom(graph: ModuleGraph | undefined, file: string): Promise<string[] | undefined> {
  if (!graph) return undefined;
  await graph.settle();
  const viteEdges = isVitestBenchFile(file) ? await loadedModuleEdges(file) : [];
  return viteEdges && graph.reachedFrom(file, viteEdges);
}
