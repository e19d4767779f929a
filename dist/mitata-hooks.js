import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });

// src/measure/child/harness/mitata-hooks.ts
var MITATA_ENTRY = /[\\/]mitata[\\/]src[\\/]main\.mjs$/;
var RUN = /export\s+async\s+function\s+run\s*\(([^)]*)\)\s*\{/;
var LIST = /\blet\s+COLLECTIONS\s*=/;
var KEY = "Symbol.for('flamegate.mitata')";
function text(source) {
  if (source === void 0) return void 0;
  if (typeof source === "string") return source;
  const bytes = ArrayBuffer.isView(source) ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength) : new Uint8Array(source);
  return new TextDecoder().decode(bytes);
}
__name(text, "text");
function instrumentMitata(source) {
  if (!RUN.test(source) || !LIST.test(source)) return void 0;
  const run = source.replace(
    RUN,
    (whole) => `${whole} const fg$flamegate = globalThis[${KEY}]; if (fg$flamegate) return fg$flamegate.run();`
  );
  const take = `
;globalThis[${KEY}]?.instance({ take() { const taken = COLLECTIONS; COLLECTIONS = [{ id: 0, name: null, types: [], trials: [] }]; return taken; } });
`;
  return run + take;
}
__name(instrumentMitata, "instrumentMitata");
async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!MITATA_ENTRY.test(url.split("?")[0] ?? "")) return result;
  const source = text(result.source);
  const instrumented = source === void 0 ? void 0 : instrumentMitata(source);
  return instrumented === void 0 ? result : { ...result, source: instrumented };
}
__name(load, "load");
export {
  MITATA_ENTRY,
  instrumentMitata,
  load
};
