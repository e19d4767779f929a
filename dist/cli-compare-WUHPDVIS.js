import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  compareCommand,
  writeOutputs
} from "./cli-chunk-WQIQGTPG.js";
import "./cli-chunk-DRGU5FL6.js";
import "./cli-chunk-3IB55Q7R.js";
import "./cli-chunk-LA4G27VG.js";
import "./cli-chunk-GQCJR3VD.js";
import "./cli-chunk-F3Q45YEB.js";
import "./cli-chunk-LY4D7BNO.js";
import "./cli-chunk-XYLEW4VM.js";
export {
  compareCommand,
  writeOutputs
};
