import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });

// src/measure/child/graph-hooks.ts
var FLUSH_PREFIX = "flamegate-graph-flush:";
var port;
function initialize(data) {
  port = data.port;
}
__name(initialize, "initialize");
async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith(FLUSH_PREFIX)) {
    port?.postMessage({ flush: specifier.slice(FLUSH_PREFIX.length) });
    return { url: `data:text/javascript,//${encodeURIComponent(specifier)}`, shortCircuit: true };
  }
  const resolved = await nextResolve(specifier, context);
  if (context.parentURL?.startsWith("file:") && resolved.url.startsWith("file:"))
    port?.postMessage({ from: context.parentURL, to: resolved.url });
  return resolved;
}
__name(resolve, "resolve");
export {
  FLUSH_PREFIX,
  initialize,
  resolve
};
