import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  prepareBoth
} from "./cli-chunk-POQL4WWR.js";
import {
  FORMAT_NAMES,
  incomparable
} from "./cli-chunk-HLXPCY55.js";
import "./cli-chunk-4L6WBSUI.js";
import "./cli-chunk-2RKV4GHC.js";
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/cli/diff.ts
import { parseArgs } from "node:util";
var DIFF_USAGE = `Usage: flamegate diff <base> <head> [options]

Compares two profiles frame by frame and prints the functions whose self time changed most. Reads
pprof (gzipped or not), .cpuprofile (node --cpu-prof, Chrome DevTools) and folded stacks
("main;parse;lex 42" lines, from perf or 0x), told apart by their content. Values are per operation
when pprof profiles carry a flamegate.ops=N comment (as flamegate's own do).
  --json <file>         write the function rows (name, file, line, baseSelf, headSelf, delta, unit)
  --svg <file>          write an interactive SVG flame graph delta
  --html <file>         write a self-contained HTML viewer
  --text                print the Markdown section (as in the PR comment) instead of the summary
  --max-chars <n>       budget of the Markdown section (default 6000)
  --collapse <list>     merge frames: deps (one node per package), node (Node internals)
  --value-type <type>   sample type to read, e.g. wall, cpu, alloc_space (default: the profile's time type)
  --repo-url <url>      with --sha, link functions to their source in the HTML viewer
  --sha <sha>           head commit for source links
  --title <text>        title of the outputs
  --top <n>             functions in the summary (default 15)

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
    outputs = import("./cli-diff-output-TNKUTFEO.js");
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
    ({ values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        svg: { type: "string" },
        html: { type: "string" },
        json: { type: "string" },
        text: { type: "boolean" },
        "max-chars": { type: "string" },
        collapse: { type: "string" },
        "value-type": { type: "string" },
        "repo-url": { type: "string" },
        sha: { type: "string" },
        title: { type: "string" },
        top: { type: "string" },
        help: { type: "boolean", short: "h" }
      }
    }));
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
  DIFF_USAGE,
  runDiff
};
