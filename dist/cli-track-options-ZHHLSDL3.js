import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  TRACK_OPTIONS,
  TRACK_USAGE
} from "./cli-chunk-X3SXBS6D.js";
import "./cli-chunk-C3N4US4F.js";
import "./cli-chunk-OAZ23ZZX.js";
import "./cli-chunk-THYTNRP2.js";
import "./cli-chunk-XYLEW4VM.js";
export {
  TRACK_OPTIONS,
  TRACK_USAGE
};
