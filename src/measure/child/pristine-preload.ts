// Preloaded (`--require`, first) into every benchmark process, before any flag the repository gives
// its processes: a Yarn Plug'n'Play `.pnp.cjs` or a vitest `execArgv` preload is the pull request's
// code, and it runs before the runner's own modules load. Whatever the runner times with and reports
// through is taken here first and kept where later code cannot replace it (pristine.ts reads it).
// Built to a CommonJS file of its own with no imports: `--require` loads it before any ES module.
import { PRISTINE_KEY, type PristineGlobals } from './pristine-key.js';

const ipc = process as unknown as { _send?: unknown; send?: unknown };
const taken: PristineGlobals = Object.freeze({
  performance: globalThis.performance,
  now: globalThis.performance.now,
  hrtime: process.hrtime,
  hrtimeBigint: process.hrtime.bigint,
  log: Math.log,
  FunctionConstructor: Function,
  send: ipc._send ?? ipc.send,
});
// Not writable, not configurable: a later preload can neither replace nor delete it.
Object.defineProperty(globalThis, Symbol.for(PRISTINE_KEY), { value: taken });
