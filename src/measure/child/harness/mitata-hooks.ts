// Module hooks for mitata 1.x files, registered by the mitata adapter before the first one loads.
// mitata keeps what `bench`, `group` and the plot blocks register in a module-private list and
// measures it in `run()`. Its entry module is given two lines, in place: `run()` first asks the runner
// (which says the file is done registering and never settles), and the module hands the runner a way
// to take the list. Nothing else in mitata changes; a copy laid out differently is left as it is, and
// the adapter says it could not read it.
interface LoadContext {
  format?: string;
}
type LoadResult = {
  format?: string;
  source?: string | ArrayBuffer | ArrayBufferView;
  shortCircuit?: boolean;
};
type NextLoad = (url: string, context: LoadContext) => Promise<LoadResult>;

/** mitata 1.x's entry module, by its path or URL (node_modules, pnpm's store, a Yarn zip). */
export const MITATA_ENTRY = /[\\/]mitata[\\/]src[\\/]main\.mjs$/;
const RUN = /export\s+async\s+function\s+run\s*\(([^)]*)\)\s*\{/;
const LIST = /\blet\s+COLLECTIONS\s*=/;
const KEY = "Symbol.for('flamegate.mitata')";

function text(source: LoadResult['source']): string | undefined {
  if (source === undefined) return undefined;
  if (typeof source === 'string') return source;
  const bytes = ArrayBuffer.isView(source)
    ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
    : new Uint8Array(source);
  return new TextDecoder().decode(bytes);
}

/** mitata's entry with the runner's two lines, or undefined when it is not laid out as 1.x's. */
export function instrumentMitata(source: string): string | undefined {
  if (!RUN.test(source) || !LIST.test(source)) return undefined;
  const run = source.replace(
    RUN,
    (whole) =>
      `${whole} const fg$flamegate = globalThis[${KEY}]; if (fg$flamegate) return fg$flamegate.run();`,
  );
  const take = `\n;globalThis[${KEY}]?.instance({ take() { const taken = COLLECTIONS; COLLECTIONS = [{ id: 0, name: null, types: [], trials: [] }]; return taken; } });\n`;
  return run + take;
}

export async function load(url: string, context: LoadContext, nextLoad: NextLoad): Promise<LoadResult> {
  const result = await nextLoad(url, context);
  if (!MITATA_ENTRY.test(url.split('?')[0] ?? '')) return result;
  const source = text(result.source);
  const instrumented = source === undefined ? undefined : instrumentMitata(source);
  return instrumented === undefined ? result : { ...result, source: instrumented };
}
