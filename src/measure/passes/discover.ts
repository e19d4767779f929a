// Discovery: loads every benchmark file on both sides and lists their tasks, in a process per side
// (a fresh one for the files left when an import hangs or kills it). With a change to select by, it
// also records the files each benchmark file's imports reach, and which changed functions its
// benchmarks call (affected.ts). Returns the benchmarks found, each with any load failure.
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { plural } from '../../format.js';
import type { BenchmarkId, BenchmarkMeasurement, Budget, Side } from '../../model.js';
import { benchmarkKey } from '../../model.js';
import { executionJob, repoPath, type Select, type SideGraph } from '../affected.js';
import { blameUnfinished, infrastructureMessage } from '../blame.js';
import type { MeasureContext } from '../context.js';
import { describeEnd } from '../executor.js';
import type { ChildMessage } from '../protocol.js';
import { discoveryFlags, flagsFailure, learnFromChild } from '../repo-flags.js';

const SIDES: Side[] = ['base', 'head'];

/** The pull request's changes, when the run selects the benchmarks they affect. */
export interface AffectedInput {
  select: Select;
  /** Repository-relative files the pull request changed. */
  changed: string[];
  /** Those in either revision. */
  committed?: Set<string>;
  /** Each side's repository root. */
  roots: Record<Side, string>;
}

export interface DiscoverInput {
  affected?: AffectedInput;
  /** Where each side's module graph is recorded (affected selection). */
  graphs?: Record<Side, SideGraph>;
  /** Leave out benchmarks the config skips. */
  skip?: (id: BenchmarkId) => boolean;
}

/**
 * Loads every benchmark file on both sides and lists their tasks; with `graphs`, records there the
 * files each benchmark file's imports reached, relative to its side's repository root.
 */
export async function discoverPass(
  ctx: MeasureContext,
  { affected, graphs, skip }: DiscoverInput,
): Promise<BenchmarkMeasurement[]> {
  const perSide = await Promise.all(
    SIDES.map(async (side) => {
      const { dir, files } = ctx.sides[side];
      const tasks = new Map<string, string[] | { error: string; infrastructure?: boolean }>();
      if (files.length === 0) return tasks;
      ctx.progress(`loading ${plural(files.length, 'benchmark file')} on ${side}`);
      const graph = graphs?.[side];
      const roots = affected ? rootsOf(affected.roots[side]) : [];
      const executed = graph && affected ? executionJob(affected, side) : undefined;
      const changed = new Set(affected?.changed);
      const reachesChange = (file: string) => !!graph?.reached.get(file)?.some((f) => changed.has(f));
      let pending = files;
      for (let attempt = 0; pending.length > 0 && !ctx.signal?.aborted; attempt++) {
        let loading: string | undefined;
        let executing: string | undefined;
        const flags = discoveryFlags(ctx.sides, side);
        const outcome = await ctx.launcher.launch({
          job: {
            kind: 'discover',
            files: pending.map((f) => join(dir, f)),
            ...(graph ? { graph: true } : {}),
            ...(executed ? { executed, executeMs: executionBudgetMs(ctx.budget) } : {}),
          },
          name: `discover-${side}-${attempt}`,
          cwd: dir,
          nodeArgs: flags,
          onMessage: (message) => {
            if (learnFromChild(ctx.sides, side, message)) return;
            if (message.type === 'loading') loading = relativeTo(dir, message.file);
            const file = 'file' in message ? relativeTo(dir, message.file) : undefined;
            if (message.type === 'executing' || message.type === 'executed')
              executing = message.type === 'executing' ? file : undefined;
            if (graph) recordGraph(graph, message, file, roots);
            if (message.type === 'discovered' && file) tasks.set(file, message.tasks);
            if (message.type === 'discover-error' && file) tasks.set(file, { error: message.error });
          },
        });
        if (outcome.end === 'aborted') break;
        if (outcome.end === 'done') {
          // Its vitest config asks for Node flags this process lacked: the side is discovered again with them.
          if (discoveryFlags(ctx.sides, side).length === flags.length) break;
          tasks.clear();
          pending = files;
          continue;
        }
        // A benchmark called once to see what it runs (affected.ts) hung: its file loaded, and is
        // ranked as unknown. The calls come after every file is listed: the files whose calls had not
        // run yet are loaded again in a new process, and called there.
        if (executing !== undefined) {
          const hung = executing;
          pending = pending.filter(
            (f) => !tasks.has(f) || (f !== hung && graph?.executed?.get(f) === undefined && reachesChange(f)),
          );
          continue;
        }
        // A file whose import hangs or kills the process fails alone; the others load in a new process.
        // A process that dies while loading nothing is nobody's file: every file left fails with it.
        const why = describeEnd(outcome, ctx.budget.timeoutMs);
        const blame = blameUnfinished(loading ? { key: loading, side } : undefined, new Set(tasks.keys()));
        const badFlags = blame.kind === 'side' ? undefined : flagsFailure(ctx.sides, side, flags, why);
        if (blame.kind === 'side') tasks.set(blame.key, { error: `loading failed: ${why}` });
        else if (badFlags) {
          for (const f of pending) if (!tasks.has(f)) tasks.set(f, { error: badFlags });
        } else
          for (const f of pending)
            if (!tasks.has(f)) tasks.set(f, { error: infrastructureMessage(why), infrastructure: true });
        pending = pending.filter((f) => !tasks.has(f));
      }
      return tasks;
    }),
  );
  const byKey = new Map<string, BenchmarkMeasurement>();
  const get = (id: BenchmarkId) => {
    const key = benchmarkKey(id);
    let m = byKey.get(key);
    if (!m) {
      m = {
        id,
        slug: '',
        present: { base: false, head: false },
        timings: [],
        soloTimings: [],
        errors: {},
        profiles: {},
      };
      byKey.set(key, m);
    }
    return m;
  };
  const files = [...new Set([...ctx.sides.base.files, ...ctx.sides.head.files])].sort();
  for (const file of files) {
    const sideTasks = SIDES.map((side) => perSide[SIDES.indexOf(side)]?.get(file));
    const names = new Set<string>();
    for (const t of sideTasks) if (Array.isArray(t)) for (const name of t) names.add(name);
    SIDES.forEach((side, i) => {
      const t = sideTasks[i];
      if (t === undefined) return;
      if (Array.isArray(t)) {
        for (const name of t) get({ file, name }).present[side] = true;
        return;
      }
      // A file that fails to load fails every task the other side knows of, or stands alone.
      const targets = names.size > 0 ? [...names] : ['(load)'];
      for (const name of targets) {
        const m = get({ file, name });
        m.present[side] = true;
        if (t.infrastructure) m.infrastructureError = t.error;
        else m.errors[side] = t.error;
      }
    });
  }
  const kept = [...byKey.values()].filter((m) => !skip?.(m.id));
  // The index keeps names unique when two benchmarks differ only in characters a file name cannot hold.
  kept.forEach((m, i) => {
    m.slug = `${String(i).padStart(3, '0')}-${`${m.id.file}-${m.id.name}`.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)}`;
  });
  return kept;
}

/** A root as given and as its real path: the child reports real paths. */
function rootsOf(root: string): string[] {
  try {
    const real = realpathSync(root);
    return real === root ? [root] : [root, real];
  } catch {
    return [root];
  }
}

/** Adds what a discover child said of module graphs to its side's graph, in repository paths. */
function recordGraph(graph: SideGraph, message: ChildMessage, file: string | undefined, roots: string[]) {
  const inRepo = (paths: string[]) => paths.flatMap((p) => repoPath(p, roots) ?? []);
  if ((message.type === 'discovered' || message.type === 'discover-error') && file && message.reached)
    graph.reached.set(file, inRepo(message.reached));
  if (message.type === 'loaded') for (const f of inRepo(message.files)) graph.loaded.add(f);
  if (message.type === 'executed' && file) {
    (graph.executed ??= new Map()).set(
      file,
      message.skipped ? 'skipped' : message.unknown ? 'unknown' : inRepo(message.changed),
    );
    if (message.tasks)
      (graph.executedTasks ??= new Map()).set(
        file,
        new Map(Object.entries(message.tasks).map(([task, changed]) => [task, inRepo(changed)])),
      );
  }
}

/**
 * How long the execution pass may call benchmarks on each side: a share of `budget.maxMinutes`, which
 * the calls come out of (15%, at least 5 s: 27 s at the default 3 minutes). One call of a benchmark
 * over a large input can take seconds under coverage; a suite of a thousand would take minutes.
 */
function executionBudgetMs(budget: Budget): number {
  return Math.max(5_000, budget.maxMinutes * 60_000 * 0.15);
}

function relativeTo(dir: string, abs: string): string {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return abs.startsWith(prefix) ? abs.slice(prefix.length) : abs;
}
