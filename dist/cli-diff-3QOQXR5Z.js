import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  prepareBoth
} from "./cli-chunk-BZAKPT6C.js";
import {
  FORMAT_NAMES,
  incomparable
} from "./cli-chunk-7IJ5P7PH.js";
import "./cli-chunk-4L6WBSUI.js";
import {
  HELP_OPTION,
  optionLines,
  parseOptions
} from "./cli-chunk-THYTNRP2.js";
import "./cli-chunk-2RKV4GHC.js";
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/cli/diff.ts
var DIFF_OPTIONS = [
  {
    name: "json",
    type: "string",
    arg: "<file>",
    help: "write the function rows (name, file, line, baseSelf, headSelf, delta, unit)"
  },
  { name: "svg", type: "string", arg: "<file>", help: "write an interactive SVG flame graph delta" },
  { name: "html", type: "string", arg: "<file>", help: "write a self-contained HTML viewer" },
  {
    name: "text",
    type: "boolean",
    help: "print the Markdown section (as in the PR comment) instead of the summary"
  },
  { name: "max-chars", type: "string", arg: "<n>", help: "budget of the Markdown section (default 6000)" },
  {
    name: "collapse",
    type: "string",
    arg: "<list>",
    help: "merge frames: deps (one node per package), node (Node internals)"
  },
  {
    name: "value-type",
    type: "string",
    arg: "<type>",
    help: "sample type to read, e.g. wall, cpu, alloc_space (default: the profile's time type)"
  },
  {
    name: "repo-url",
    type: "string",
    arg: "<url>",
    help: "with --sha, link functions to their source in the HTML viewer"
  },
  { name: "sha", type: "string", arg: "<sha>", help: "head commit for source links" },
  { name: "title", type: "string", arg: "<text>", help: "title of the outputs" },
  { name: "top", type: "string", arg: "<n>", help: "functions in the summary (default 15)" },
  HELP_OPTION
];
var DIFF_USAGE = `Usage: flamegate diff <base> <head> [options]

Compares two profiles frame by frame and prints the functions whose self time changed most. Reads
pprof (gzipped or not), .cpuprofile (node --cpu-prof, Chrome DevTools) and folded stacks
("main;parse;lex 42" lines, from perf or 0x), told apart by their content. Values are per operation
when pprof profiles carry a flamegate.ops=N comment (as flamegate's own do).
${optionLines(DIFF_OPTIONS, 24)}

Exit codes: 0 done, 2 usage error, unreadable profile, or profiles of different sample types.`;
var DiffUsageError = class extends Error {
  static {
    __name(this, "DiffUsageError");
  }
};
async function runDiff(argv, io) {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`flamegate diff: ${error.message}

${DIFF_USAGE}
`);
    return 2;
  }
  if (parsed === "help") {
    io.stdout(`${DIFF_USAGE}
`);
    return 0;
  }
  const o = parsed;
  let base;
  let head;
  let outputs;
  try {
    const job = /* @__PURE__ */ __name((path, side) => ({
      path,
      side,
      collapse: o.collapse,
      roots: [process.cwd()],
      ...o.valueType ? { valueType: o.valueType } : {}
    }), "job");
    const preparing = prepareBoth(job(o.basePath, "base"), job(o.headPath, "head"));
    outputs = import("./cli-diff-output-ESZLWXOW.js");
    outputs.catch(() => void 0);
    [base, head] = await preparing;
    const refused = incomparable(base, head);
    if (refused) throw new Error(refused);
  } catch (error) {
    io.stderr(`flamegate diff: ${error.message}
`);
    return 2;
  }
  const formats = [FORMAT_NAMES[base.format], FORMAT_NAMES[head.format]];
  const { writeOutputs } = await outputs;
  return writeOutputs(base, head, formats, o, io);
}
__name(runDiff, "runDiff");
function parse(argv) {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseOptions(argv, DIFF_OPTIONS, true));
  } catch (error) {
    throw new DiffUsageError(error.message);
  }
  if (values.help) return "help";
  if (positionals.length !== 2) {
    throw new DiffUsageError(`expected two profiles, base and head; got ${positionals.length}`);
  }
  const collapse = {};
  if (typeof values.collapse === "string") {
    for (const item of values.collapse.split(",").map((s) => s.trim()).filter(Boolean)) {
      if (item === "deps" || item === "dependencies") collapse.dependencies = true;
      else if (item === "node") collapse.node = true;
      else throw new DiffUsageError(`--collapse takes deps and/or node, not "${item}"`);
    }
  }
  const int = /* @__PURE__ */ __name((name, fallback, min) => {
    const raw = values[name];
    if (raw === void 0) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min)
      throw new DiffUsageError(`--${name} must be an integer ≥ ${min}, not "${raw}"`);
    return n;
  }, "int");
  if (values["repo-url"] === void 0 !== (values.sha === void 0)) {
    throw new DiffUsageError("--repo-url and --sha go together");
  }
  const str = /* @__PURE__ */ __name((name) => typeof values[name] === "string" ? values[name] : void 0, "str");
  return {
    basePath: positionals[0],
    headPath: positionals[1],
    svg: str("svg"),
    html: str("html"),
    json: str("json"),
    text: values.text === true,
    maxChars: int("max-chars", 6e3, 1),
    collapse,
    valueType: str("value-type"),
    repoUrl: str("repo-url"),
    sha: str("sha"),
    title: str("title"),
    top: int("top", 15, 0)
  };
}
__name(parse, "parse");
export {
  DIFF_OPTIONS,
  DIFF_USAGE,
  runDiff
};
