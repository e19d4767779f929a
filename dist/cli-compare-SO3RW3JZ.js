import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  compareCommand,
  writeOutputs
} from "./cli-chunk-YQ2WWEZK.js";
import "./cli-chunk-DRGU5FL6.js";
import "./cli-chunk-KUSY6ATX.js";
import "./cli-chunk-7KEUKMQJ.js";
import "./cli-chunk-GQCJR3VD.js";
import "./cli-chunk-CC2FQFTS.js";
import "./cli-chunk-LY4D7BNO.js";
import "./cli-chunk-XYLEW4VM.js";
export {
  compareCommand,
  writeOutputs
};
