// `experimental.viteModuleRunner: false`: bench files load with Node's own `import`, as Vitest then
// loads them, so no Vite module-runner frames (its namespace getters, `runInlinedModule`) sit between
// a benchmark and the code it calls. Their `import 'vitest'` still reaches flamegate's recording
// stand-in, through a module resolution hook that maps that one specifier.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

// Runs on Node's hooks thread: the stand-in's own source is handed over at registration.
const HOOKS = `let standIn;
export function initialize(data) { standIn = data.standIn; }
export async function resolve(specifier, context, next) {
  if (specifier === 'vitest') return { url: standIn, shortCircuit: true };
  return next(specifier, context);
}`;

let registered = false;

/** Maps every later `import 'vitest'` to the module `standInSource` (once per process). */
export function mapVitestImports(standInSource: string): void {
  if (registered) return;
  register(`data:text/javascript,${encodeURIComponent(HOOKS)}`, {
    data: { standIn: `data:text/javascript,${encodeURIComponent(standInSource)}` },
  });
  registered = true;
}

let setupRuns = 0;

/**
 * Imports a file natively. A setup file gets a query of its own for each bench file, so that it runs
 * again before each one, as Vitest re-imports setup files.
 */
export function importNatively(file: string, asSetup = false): Promise<unknown> {
  const url = pathToFileURL(file).href;
  return import(asSetup ? `${url}?flamegate-setup=${++setupRuns}` : url);
}

/**
 * The repository's `execArgv` this process was not started with: Node flags cannot be added to a
 * running process, so such a file is loaded only by a process the parent starts with them.
 */
export function missingFlags(execArgv: string[]): string[] {
  const have = new Set(process.execArgv);
  return execArgv.filter((flag) => !have.has(flag));
}
