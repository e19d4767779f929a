import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  compareCommand,
  settingsFromOptions
} from "./cli-chunk-DUEPH2GB.js";
import "./cli-chunk-C3N4US4F.js";
import "./cli-chunk-LPBPTIBN.js";
import "./cli-chunk-F37VU2VI.js";
import "./cli-chunk-KRVXZVIA.js";
import "./cli-chunk-O7CZO647.js";
import "./cli-chunk-GQVPOL35.js";
import "./cli-chunk-DUXRM7NM.js";
import "./cli-chunk-QWHOZFAX.js";
import "./cli-chunk-OAZ23ZZX.js";
import "./cli-chunk-QALXH7AD.js";
import "./cli-chunk-DZIVBFCG.js";
import "./cli-chunk-7IJ5P7PH.js";
import "./cli-chunk-4L6WBSUI.js";
import "./cli-chunk-THYTNRP2.js";
import "./cli-chunk-2RKV4GHC.js";
import "./cli-chunk-XYLEW4VM.js";
export {
  compareCommand,
  settingsFromOptions
};
