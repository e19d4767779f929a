// Which changed files a benchmark file's benchmarks run (the affected selection's order,
// src/measure/affected.ts). Every benchmark file that imports a barrel module reaches every file the
// barrel re-exports, so the module graph alone calls nearly all of them affected. So in the discover
// process each benchmark is called once under V8's precise coverage (call counts), and what it ran
// is read from the counts: a changed file one of whose functions was called.
// A module's top-level code is not counted: it ran when the file was imported, which the graph
// already says. A change only to top-level code (a constant outside any function) leaves its
// benchmarks affected through their imports, in the second group.
import { realpathSync } from 'node:fs';
import type { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';

/** The shape of `Profiler.takePreciseCoverage`'s result the recorder reads. */
export interface ScriptCoverage {
  url: string;
  functions: { functionName: string; ranges: { startOffset: number; endOffset: number; count: number }[] }[];
}

/**
 * What the module runner's evaluator (vitest/load.ts) added to a module's code, per script name: the
 * function that wraps the code ends where the script ends and is the module's top-level code; and
 * Vite's getters of the module's exports (offsets in the script), which run whenever an importer
 * reads a binding, a constant's included, without running any function of the source.
 */
export interface ModuleRunnerScript {
  end: number;
  exportGetters: [number, number][];
}
const moduleRunnerScripts = new Map<string, ModuleRunnerScript>();

/**
 * Vite's export getters: `__vite_ssr_exportName__("x", () => { try { return x } catch {} })` (Vite
 * 7+) and `Object.defineProperty(__vite_ssr_exports__, "x", { …configurable: true, get(){ return x }})`.
 */
const EXPORT_GETTER =
  /__vite_ssr_exportName__\(\s*"[^"]*"\s*,\s*\(\)\s*=>\s*\{[^\n]*?\}\s*\)|configurable:\s*true,\s*get\s*\(\s*\)\s*\{[^\n]*?\}/g;

/** Called by the module runner's evaluator for each script it compiles: `head` + `code` + its end. */
export function rememberModuleRunnerScript(
  filename: string,
  head: number,
  code: string,
  length: number,
): void {
  const exportGetters: [number, number][] = [];
  for (const match of code.matchAll(EXPORT_GETTER))
    exportGetters.push([head + match.index, head + match.index + match[0].length]);
  moduleRunnerScripts.set(filename, { end: length, exportGetters });
}

/** The file a coverage script URL names: native ESM (file://), CommonJS and module-runner paths. */
export function scriptPath(url: string): string | undefined {
  if (url.startsWith('file://')) {
    try {
      return fileURLToPath(url.replace(/[?#].*$/, ''));
    } catch {
      return undefined;
    }
  }
  // CommonJS and the module runner's scripts are named by absolute path (Vite may add a query).
  if (url.startsWith('/') || /^[A-Za-z]:[\\/]/.test(url)) return url.replace(/[?#].*$/, '');
  return undefined;
}

/**
 * The changed files (of `changed`, real paths) that had a function other than their top-level code
 * called, by these counts. `realpath` maps a script's file to the real path `changed` holds.
 */
export function changedFilesRun(
  scripts: ScriptCoverage[],
  changed: ReadonlySet<string>,
  realpath: (path: string) => string,
  runnerScript: (url: string) => ModuleRunnerScript | undefined = (url) => moduleRunnerScripts.get(url),
): string[] {
  const ran = new Set<string>();
  for (const script of scripts) {
    const path = scriptPath(script.url);
    if (!path) continue;
    const real = realpath(path);
    if (!changed.has(real) || ran.has(real)) continue;
    // A script's own top-level function starts at 0 (V8 leaves out functions not called since the
    // last take, so it need not be first); the module runner's wrapper ends where the script ends.
    const added = runnerScript(script.url);
    const called = script.functions.some((f) => {
      const range = f.ranges[0];
      if (!range || range.count === 0 || range.startOffset === 0 || range.endOffset === added?.end)
        return false;
      return !added?.exportGetters.some(([from, to]) => range.startOffset >= from && range.startOffset < to);
    });
    if (called) ran.add(real);
  }
  return [...ran].sort();
}

/** Reads which changed files the code run between two reads called into (one inspector session). */
export class ExecutionRecorder {
  private session?: Session;
  private readonly real = new Map<string, string>();
  private readonly changed: Set<string>;

  constructor(changed: string[]) {
    this.changed = new Set(changed.map((p) => this.realpath(p)));
  }

  /** The changed files (real paths) among `reached`: what a file's benchmarks are run for. */
  changedAmong(reached: string[]): string[] {
    return reached.filter((f) => this.changed.has(this.realpath(f)));
  }

  /**
   * Runs `work` (every benchmark of a file called once) and returns the changed files it called into.
   * Precise coverage starts at the first call: the loads before it need not pay for the counting.
   */
  async record(work: () => Promise<void>): Promise<string[]> {
    if (!this.session) {
      const { Session: InspectorSession } = await import('node:inspector/promises');
      this.session = new InspectorSession();
      this.session.connect();
      await this.session.post('Profiler.enable');
      await this.session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    }
    // Each take resets the counts: this one drops what loading the file ran.
    await this.session.post('Profiler.takePreciseCoverage');
    await work();
    const { result } = await this.session.post('Profiler.takePreciseCoverage');
    return changedFilesRun(result as ScriptCoverage[], this.changed, (p) => this.realpath(p));
  }

  private realpath(path: string): string {
    let real = this.real.get(path);
    if (real === undefined) {
      try {
        real = realpathSync(path);
      } catch {
        real = path;
      }
      this.real.set(path, real);
    }
    return real;
  }
}
