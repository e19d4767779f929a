import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  compareCommand,
  writeOutputs
} from "./cli-chunk-6YHW55DK.js";
import "./cli-chunk-7BCBWRE7.js";
import "./cli-chunk-YMVDUG3W.js";
import "./cli-chunk-SWS6AUC4.js";
import "./cli-chunk-GQCJR3VD.js";
import "./cli-chunk-Q4ZICH5N.js";
import "./cli-chunk-QI4UG6YH.js";
import "./cli-chunk-XYLEW4VM.js";
export {
  compareCommand,
  writeOutputs
};
