import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  createProgress,
  finishRemoval,
  runPipeline
} from "./cli-chunk-F37VU2VI.js";
import "./cli-chunk-KRVXZVIA.js";
import "./cli-chunk-O7CZO647.js";
import {
  renderTerminal,
  writeRun
} from "./cli-chunk-GQVPOL35.js";
import "./cli-chunk-DUXRM7NM.js";
import {
  UsageError
} from "./cli-chunk-QWHOZFAX.js";
import "./cli-chunk-OAZ23ZZX.js";
import "./cli-chunk-QALXH7AD.js";
import "./cli-chunk-DZIVBFCG.js";
import "./cli-chunk-7IJ5P7PH.js";
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

// src/cli/demo.ts
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
var DEMO_OPTIONS = [
  {
    name: "out",
    type: "string",
    arg: "<dir>",
    help: "folder for the repository and the results (default: a new temp folder, printed)"
  },
  { name: "quiet", type: "boolean", help: "no progress lines" },
  HELP_OPTION
];
var DEMO_USAGE = `Usage: flamegate demo [--out <dir>] [--quiet]

Builds a throwaway git repository from the sample project bundled with flamegate (a base commit, and a
head commit that makes the function slowPath three times slower), runs the full compare on it, and
prints the verdict and the function it blames. About 30 s; npm installs the sample's one dependency.
${optionLines(DEMO_OPTIONS, 16)}`;
var DEMO_SLOWED = "slowPath";
var DEMO_EDIT = { file: "src/records.js", from: "i < WORK * 8;", to: "i < WORK * 24;" };
function sampleProjectDir() {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of ["../fixtures/sample-project", "../../fixtures/sample-project"]) {
    const dir = resolve(here, candidate);
    if (existsSync(join(dir, "package.json"))) return dir;
  }
  throw new UsageError(
    `the bundled sample project is missing (looked for fixtures/sample-project next to ${here}); reinstall flamegate`
  );
}
__name(sampleProjectDir, "sampleProjectDir");
function git(cwd, args) {
  try {
    execFileSync(
      "git",
      [
        "-c",
        "user.name=flamegate demo",
        "-c",
        "user.email=demo@flamegate.invalid",
        "-c",
        "commit.gpgsign=false",
        "-c",
        "init.defaultBranch=main",
        ...args
      ],
      { cwd, stdio: ["ignore", "ignore", "pipe"] }
    );
  } catch (error) {
    const stderr = String(error.stderr ?? "").trim();
    const missing = error.code === "ENOENT";
    throw new UsageError(
      missing ? "the demo needs git on PATH" : `git ${args.join(" ")} failed in ${cwd}: ${stderr}`
    );
  }
}
__name(git, "git");
function createDemoRepo(repo) {
  mkdirSync(repo, { recursive: true });
  const sample = sampleProjectDir();
  cpSync(sample, repo, {
    recursive: true,
    filter: /* @__PURE__ */ __name((source) => !/(^|[\\/])node_modules([\\/]|$)/.test(relative(sample, source)), "filter")
  });
  git(repo, ["init", "-q"]);
  git(repo, ["add", "-A"]);
  git(repo, ["commit", "-q", "-m", "base: the sample project"]);
  const path = join(repo, DEMO_EDIT.file);
  const text = readFileSync(path, "utf8");
  if (!text.includes(DEMO_EDIT.from)) {
    throw new Error(`the sample project changed: ${DEMO_EDIT.file} no longer contains "${DEMO_EDIT.from}"`);
  }
  writeFileSync(path, text.replace(DEMO_EDIT.from, DEMO_EDIT.to));
  git(repo, ["commit", "-q", "-a", "-m", `head: ${DEMO_SLOWED} does three times the work`]);
}
__name(createDemoRepo, "createDemoRepo");
function blamedFunction(report) {
  const grew = /* @__PURE__ */ __name((rows) => rows.filter((f) => f.deltaNsPerOp > 0).sort((a, b) => b.deltaNsPerOp - a.deltaNsPerOp)[0], "grew");
  return grew(report.functions.filter((f) => f.gate)) ?? grew(report.functions.filter((f) => f.status === "regressed"));
}
__name(blamedFunction, "blamedFunction");
async function runDemo(argv, io) {
  let values;
  try {
    ({ values } = parseOptions(argv, DEMO_OPTIONS, false));
  } catch (error) {
    io.stderr(`flamegate demo: ${error.message}

${DEMO_USAGE}
`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${DEMO_USAGE}
`);
    return 0;
  }
  const folder = values.out ? resolve(String(values.out)) : mkdtempSync(join(tmpdir(), "flamegate-demo-"));
  const repo = join(folder, "repo");
  const results = join(folder, "results");
  if (existsSync(repo)) {
    io.stderr(`flamegate demo: ${repo} already exists; pick an empty --out folder
`);
    return 2;
  }
  const lines = values.quiet ? void 0 : createProgress({ write: /* @__PURE__ */ __name((text) => io.stderr(text), "write") });
  const progress = lines && ((line) => lines.line(line));
  progress?.(`demo repository: ${repo} (base: the sample project; head: ${DEMO_SLOWED} three times slower)`);
  createDemoRepo(repo);
  const { result, written } = await (async () => {
    try {
      const result2 = await runPipeline({
        cwd: repo,
        base: "HEAD~1",
        head: "HEAD",
        outDir: results,
        onProgress: progress,
        onDeadline: lines && ((at) => lines.deadline(at))
      });
      const written2 = await writeRun(result2);
      await finishRemoval(result2, progress);
      return { result: result2, written: written2 };
    } finally {
      lines?.stop();
    }
  })();
  const report = result.report;
  const blamed = blamedFunction(report);
  const viewer = written.flames.files.find((f) => f.key === blamed?.benchmark && f.path.endsWith(".html")) ?? written.flames.files.find((f) => f.path.endsWith(".html"));
  const html = viewer ? join(results, viewer.path) : void 0;
  io.stdout(`${renderTerminal(report, { color: false })}

`);
  io.stdout(`Demo folder: ${folder}
`);
  io.stdout(`  comment Markdown: ${join(results, "comment.md")}
`);
  if (html) io.stdout(`  HTML viewer:      ${html}
`);
  io.stdout(`  flame graphs:     ${join(results, "flame")}
`);
  io.stdout(`  JSON report:      ${result.reportPath}

`);
  io.stdout(
    `Demo verdict: ${report.verdict.toUpperCase()} (the head commit made ${DEMO_SLOWED} three times slower)
`
  );
  if (!blamed) {
    io.stdout("Blamed function: none (the run did not single out a function; the machine may be too busy)\n");
    return 1;
  }
  const where = `${blamed.file}${blamed.line > 0 ? `:${blamed.line}` : ""}`;
  io.stdout(`Blamed function: ${blamed.name} (${where}) in ${blamed.benchmark}
`);
  return report.verdict === "fail" && blamed.name === DEMO_SLOWED ? 0 : 1;
}
__name(runDemo, "runDemo");
export {
  DEMO_OPTIONS,
  DEMO_SLOWED,
  DEMO_USAGE,
  blamedFunction,
  createDemoRepo,
  runDemo,
  sampleProjectDir
};
