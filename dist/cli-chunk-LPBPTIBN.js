import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  renderTerminal,
  wantsColor
} from "./cli-chunk-GQVPOL35.js";
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/cli/finish.ts
function printRun(report, where, noColorFlag) {
  process.stdout.write(`${renderTerminal(report, { color: wantsColor(noColorFlag) })}
`);
  process.stdout.write(`${where}
`);
}
__name(printRun, "printRun");
function exitWith(exit) {
  if (exit.message) process.stderr.write(`flamegate: ${exit.message}
`);
  return exit.code;
}
__name(exitWith, "exitWith");

export {
  printRun,
  exitWith
};
