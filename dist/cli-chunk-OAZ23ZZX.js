import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/harness-imports.ts
var SCRIPT_HARNESSES = {
  mitata: { title: "mitata", majors: [1], supported: "mitata 1.x" },
  benchmark: { title: "benchmark.js", majors: [2], supported: "benchmark.js 2.x" },
  "bench-node": { title: "bench-node", majors: [0], supported: "bench-node 0.x" }
};
var importOf = /* @__PURE__ */ __name((name) => new RegExp(
  `(?:\\bfrom\\s*|\\bimport\\s*\\(\\s*|\\brequire\\s*\\(\\s*|\\bimport\\s+)['"]${name.replace(/[.-]/g, "\\$&")}(?:/[^'"]*)?['"]`
), "importOf");
var SCRIPT_IMPORTS = Object.keys(SCRIPT_HARNESSES).map((name) => ({
  name,
  pattern: importOf(name)
}));
var OWN = [importOf("vitest"), importOf("tinybench")];
function importsAHarness(source) {
  return OWN.some((p) => p.test(source)) || SCRIPT_IMPORTS.some(({ pattern }) => pattern.test(source));
}
__name(importsAHarness, "importsAHarness");

export {
  SCRIPT_HARNESSES,
  importsAHarness
};
