import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  SCRIPT_HARNESSES
} from "./cli-chunk-OAZ23ZZX.js";
import {
  HELP_OPTION,
  optionLines
} from "./cli-chunk-THYTNRP2.js";
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/cli/compare-options.ts
var COMPARE_OPTIONS = [
  { name: "base", type: "string", arg: "<rev>", help: "base revision (required): branch, tag or SHA" },
  { name: "head", type: "string", arg: "<rev>", default: "HEAD", help: "head revision (default HEAD)" },
  {
    name: "config",
    type: "string",
    arg: "<file>",
    help: "config file on disk (default: .github/flamegate.yml as committed in base)"
  },
  {
    name: "cwd",
    type: "string",
    arg: "<dir>",
    help: "directory of the package to benchmark (default: current directory)"
  },
  {
    name: "out",
    type: "string",
    arg: "<dir>",
    help: "where raw profiles (pprof), flame graphs and report.json go"
  },
  { name: "json", type: "string", arg: "<file>", help: "write the JSON report" },
  { name: "markdown", type: "string", arg: "<file>", help: "write the PR comment (Markdown)" },
  {
    name: "benchmarks",
    type: "string",
    multiple: true,
    arg: "<globs>",
    help: "override the config's benchmark globs: comma separated, or the flag\nrepeated (a comma inside braces stays in its glob)"
  },
  {
    name: "install",
    type: "string",
    arg: "<cmd>",
    help: "install command run in each checkout (default: the config's install, else\nchosen from the lockfile and package.json's packageManager: npm ci,\npnpm install --frozen-lockfile, yarn install --immutable with the repo's own\nYarn (yarnPath) or the declared version through npx, bun install --frozen-lockfile)"
  },
  {
    name: "build",
    type: "string",
    arg: "<cmd>",
    help: "build command run in each checkout after the install (default: the config's)"
  },
  {
    name: "processes",
    type: "string",
    arg: "<n>",
    help: "minimum timing processes per benchmark (default from config: 4)"
  },
  {
    name: "max-processes",
    type: "string",
    arg: "<n>",
    help: "most timing processes per benchmark (default from config: 40)"
  },
  {
    name: "max-minutes",
    type: "string",
    arg: "<m>",
    help: "wall-clock budget of the run; sampling stops early to meet it (default 3)"
  },
  {
    name: "parallel",
    type: "string",
    arg: "<n>",
    help: "measuring processes side by side (default from config: one per core, at most 8)"
  },
  { name: "time", type: "string", arg: "<ms>", help: "measured time per side per benchmark per process" },
  { name: "node", type: "string", arg: "<path>", help: "node binary for benchmarks (default: node on PATH)" },
  {
    name: "production-profile",
    type: "string",
    arg: "<file>",
    help: "a CPU profile from production (pprof or .cpuprofile): function rows get\ntheir share of production CPU and the estimated fleet impact (thresholds.fleet)"
  },
  {
    name: "shard",
    type: "string",
    arg: "<i/N>",
    help: "measure only shard i of N (a CI matrix); combine the shards with merge"
  },
  {
    name: "costs",
    type: "string",
    arg: "<file>",
    help: "a previous JSON report whose measured costs balance the shards"
  },
  {
    name: "packages",
    type: "string",
    arg: "<list>",
    help: "monorepo: package directories or globs (comma separated), relative to --cwd"
  },
  { name: "keep-worktrees", type: "boolean", help: "do not remove the checkouts (debugging)" },
  { name: "quiet", type: "boolean", help: "no progress lines" },
  { name: "no-color", type: "boolean", help: "plain output" },
  HELP_OPTION
];
function harnessNames() {
  const names = ["tinybench", "vitest bench", ...Object.values(SCRIPT_HARNESSES).map((h) => h.title)];
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
__name(harnessNames, "harnessNames");
var COMPARE_USAGE = `Usage: flamegate compare --base <rev> [--head <rev>] [options]

compare: measures the repo's benchmarks on two revisions (throwaway checkouts, installed and built),
profiles them, and compares time per op and each function's self time per op. It reads benchmark files
written for ${harnessNames()}.
${optionLines(COMPARE_OPTIONS, 22)}

Exit codes: 0 nothing exceeded a threshold, 1 a threshold was exceeded or a benchmark broke on head,
2 usage, config, git or install error, or an infrastructure error (a fault of flamegate or the machine).`;

export {
  COMPARE_OPTIONS,
  harnessNames,
  COMPARE_USAGE
};
