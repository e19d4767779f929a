import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  compareCommand,
  writeOutputs
} from "./cli-chunk-25D73KUL.js";
import "./cli-chunk-7BCBWRE7.js";
import "./cli-chunk-ZIEQGWPN.js";
import "./cli-chunk-XWAQUHMY.js";
import "./cli-chunk-GQCJR3VD.js";
import "./cli-chunk-2B2HUTZC.js";
import "./cli-chunk-LY4D7BNO.js";
import "./cli-chunk-XYLEW4VM.js";
export {
  compareCommand,
  writeOutputs
};
