import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  compareCommand,
  writeOutputs
} from "./cli-chunk-4LUOM2DQ.js";
import "./cli-chunk-SNHGW7YF.js";
import "./cli-chunk-FMTPEQG4.js";
import "./cli-chunk-YAJCLAGG.js";
import "./cli-chunk-GQCJR3VD.js";
import "./cli-chunk-EDMONF26.js";
import "./cli-chunk-4L6WBSUI.js";
import "./cli-chunk-LY4D7BNO.js";
import "./cli-chunk-XYLEW4VM.js";
export {
  compareCommand,
  writeOutputs
};
