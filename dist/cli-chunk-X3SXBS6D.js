import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  COMPARE_OPTIONS
} from "./cli-chunk-C3N4US4F.js";
import {
  optionLines
} from "./cli-chunk-THYTNRP2.js";

// src/cli/track-options.ts
var OWN = [
  {
    name: "anchor",
    type: "string",
    arg: "<ref>",
    help: "what to measure against: a tag glob (v*), a ref, or 'N days ago' (default: baseline:\nin the config, else the latest release tag like v1.2.3 reachable from --head)"
  },
  {
    name: "history-branch",
    type: "string",
    arg: "<name>",
    help: "the branch of origin that keeps the history (default: history.branch, else flamegate-data)"
  },
  { name: "no-push", type: "boolean", help: "measure and report, but add nothing to the history branch" },
  {
    name: "run-url",
    type: "string",
    arg: "<url>",
    help: "where this run's flame graphs are, linked from the trend page"
  }
];
var TRACK_OPTIONS = [
  ...COMPARE_OPTIONS.filter((o) => o.name !== "base" && o.name !== "shard" && o.name !== "costs"),
  ...OWN
];
var TRACK_USAGE = `Usage: flamegate track [--head <rev>] [--anchor <ref>] [options]

track: is the default branch getting slower? Measures --head (default HEAD) against its anchor, the
latest release by default, in one paired run as compare does (the same statistics, confirmation and
function attribution), gates it on thresholds.drift, and adds one file for the run to the history
branch of origin (flamegate-data), with the trend page regenerated. Run it in a clone whose origin is
the repository, with its tags. The config is read from --head.
${optionLines(TRACK_OPTIONS, 24)}

Exit codes: 0 nothing drifted past its threshold, 1 a benchmark is slower than the anchor beyond
thresholds.drift (or thresholds.benchmark), 2 usage, config, git, install or infrastructure error.`;

export {
  TRACK_OPTIONS,
  TRACK_USAGE
};
