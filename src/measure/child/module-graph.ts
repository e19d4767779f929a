// The files each benchmark file's imports reach, recorded by the discover job from the resolutions
// Node itself makes (not from reading import statements): ES modules through a resolve hook
// (graph-hooks.ts), CommonJS through each cached module's `children`, which Node fills on every
// `require`, a module already cached by an earlier file included. A module shared by several
// benchmark files is reached by each of them, because reach is walked over the edges, not taken from
// what a file newly loaded.
import { realpathSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { FLUSH_PREFIX } from './graph-hooks.js';

/** How long the last edges of a loaded file may take to arrive from the hooks thread. */
const FLUSH_TIMEOUT_MS = 5_000;

interface CjsModule {
  filename?: string;
  children?: CjsModule[];
}

export class ModuleGraph {
  /** Absolute path → the absolute paths its imports resolved to. */
  private edges = new Map<string, Set<string>>();
  private flushed = new Map<string, () => void>();
  private flushes = 0;
  /** False once an edge may have been missed: then no reach is reported (the parent measures all). */
  private complete = true;

  private constructor(private port: MessagePort) {}

  /** Starts recording; undefined when Node refuses the hooks (then nothing can be said about reach). */
  static start(): ModuleGraph | undefined {
    try {
      const { port1, port2 } = new MessageChannel();
      const graph = new ModuleGraph(port1);
      port1.on('message', (message: { from?: string; to?: string; flush?: string }) =>
        graph.onMessage(message),
      );
      port1.unref();
      const here = dirname(fileURLToPath(import.meta.url));
      register(pathToFileURL(join(here, 'graph-hooks.js')).href, {
        data: { port: port2 },
        transferList: [port2],
      });
      return graph;
    } catch {
      return undefined;
    }
  }

  private onMessage(message: { from?: string; to?: string; flush?: string }): void {
    if (message.flush !== undefined) {
      this.flushed.get(message.flush)?.();
      return;
    }
    if (message.from && message.to) this.add(fileURLToPath(message.from), fileURLToPath(message.to));
  }

  private add(from: string, to: string): void {
    let children = this.edges.get(from);
    if (!children) this.edges.set(from, (children = new Set()));
    children.add(to);
  }

  /** Waits until every edge resolved so far has arrived from the hooks thread. */
  async settle(): Promise<void> {
    if (!this.complete) return;
    const id = String(++this.flushes);
    // Referenced while waiting: with nothing else pending, the process would exit before it arrives.
    this.port.ref();
    const arrived = new Promise<boolean>((resolve) => {
      this.flushed.set(id, () => resolve(true));
      setTimeout(() => resolve(false), FLUSH_TIMEOUT_MS).unref();
    });
    try {
      await import(`${FLUSH_PREFIX}${id}`);
      // Another loader hook (the repository's own) may answer the import before ours sees it.
      if (!(await arrived)) this.complete = false;
    } catch {
      this.complete = false;
    } finally {
      this.flushed.delete(id);
      this.port.unref();
    }
  }

  /**
   * Every file `file`'s imports reached (itself included), real paths; `also` adds edges recorded
   * elsewhere (Vite's module graph). Undefined when the recording may have missed an import.
   */
  reachedFrom(file: string, also: Iterable<[string, string]> = []): string[] | undefined {
    if (!this.complete) return undefined;
    this.addCommonJsEdges();
    for (const [from, to] of also) this.add(from, to);
    // Node's resolutions name real paths; Vite's may keep the path it was given.
    const reached = new Set<string>([realPath(file), file]);
    const queue = [...reached];
    for (let next = queue.pop(); next !== undefined; next = queue.pop())
      for (const child of this.edges.get(next) ?? [])
        if (!reached.has(child)) {
          reached.add(child);
          queue.push(child);
        }
    return [...reached].sort();
  }

  /** Every file the process loaded through an import: what some module, not only a benchmark file, reached. */
  loaded(): string[] {
    this.addCommonJsEdges();
    const files = new Set<string>();
    for (const [from, children] of this.edges) {
      files.add(from);
      for (const child of children) files.add(child);
    }
    return [...files].sort();
  }

  private addCommonJsEdges(): void {
    const cache = createRequire(import.meta.url).cache as Record<string, CjsModule | undefined>;
    for (const module of Object.values(cache))
      for (const child of module?.children ?? [])
        if (module?.filename && child.filename) this.add(module.filename, child.filename);
  }
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** The parts of Vite's module graphs read here: the module runner's (Vite 6+) and the server's (Vite 5). */
interface ViteGraphNode {
  file?: string | null;
  imports?: Set<string>;
  importedModules?: Set<ViteGraphNode>;
  ssrImportedModules?: Set<ViteGraphNode>;
}
export interface ViteGraphs {
  runner?: { evaluatedModules?: { idToModuleMap: Map<string, ViteGraphNode> } };
  server?: { moduleGraph?: { idToModuleMap: Map<string, ViteGraphNode> } };
}

/**
 * The import edges (file → file) of the modules Vite loaded, from the module runner's evaluated
 * modules, else the server's module graph; undefined when neither can be read.
 */
export function viteModuleEdges({ runner, server }: ViteGraphs): [string, string][] | undefined {
  const edges: [string, string][] = [];
  const evaluated = runner?.evaluatedModules?.idToModuleMap;
  if (evaluated) {
    for (const node of evaluated.values())
      for (const id of node.imports ?? []) {
        const to = evaluated.get(id)?.file;
        if (node.file && to) edges.push([node.file, to]);
      }
    return edges;
  }
  const modules = server?.moduleGraph?.idToModuleMap;
  if (!modules) return undefined;
  for (const node of modules.values())
    for (const child of [...(node.importedModules ?? []), ...(node.ssrImportedModules ?? [])])
      if (node.file && child.file) edges.push([node.file, child.file]);
  return edges;
}
