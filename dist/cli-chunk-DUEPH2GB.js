import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  COMPARE_OPTIONS,
  COMPARE_USAGE
} from "./cli-chunk-C3N4US4F.js";
import {
  exitWith,
  printRun
} from "./cli-chunk-LPBPTIBN.js";
import {
  createProgress,
  finishRemoval,
  runPipeline
} from "./cli-chunk-F37VU2VI.js";
import {
  interruptOnSignals
} from "./cli-chunk-KRVXZVIA.js";
import {
  parseShard,
  readCostsFile,
  writeRun
} from "./cli-chunk-GQVPOL35.js";
import {
  UsageError,
  splitList
} from "./cli-chunk-QWHOZFAX.js";
import {
  parseOptions
} from "./cli-chunk-THYTNRP2.js";
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/cli/compare.ts
import { resolve } from "node:path";
async function compareCommand(args) {
  let values;
  try {
    ({ values } = parseOptions(args, COMPARE_OPTIONS, false));
  } catch (error) {
    throw new UsageError(`${error.message} (see flamegate compare --help)`);
  }
  if (values.help) {
    process.stdout.write(`${COMPARE_USAGE}
`);
    return 0;
  }
  if (!values.base) throw new UsageError("--base <rev> is required (for example --base main)");
  const controller = new AbortController();
  const interruption = interruptOnSignals(
    controller,
    (signal) => process.stderr.write(
      `
flamegate: interrupted (${signal}), stopping its processes and removing the checkouts…
`
    )
  );
  const quiet = values.quiet === true;
  const progress = quiet ? void 0 : createProgress(process.stderr);
  const settings = settingsFromOptions(values, controller.signal, progress);
  try {
    const result = await runPipeline(settings).catch((error) => {
      if (controller.signal.aborted) throw new UsageError("interrupted; the checkouts were removed");
      throw error;
    });
    progress?.line("writing the flame graphs, the comment and the summary");
    const written = await writeRun(result, {
      copies: { json: values.json, markdown: values.markdown }
    });
    printRun(
      result.report,
      `Profiles, flame graphs and report: ${result.outDir}`,
      values["no-color"] === true
    );
    await finishRemoval(result, progress && ((line) => progress.line(line)));
    return exitWith(written.exit);
  } finally {
    progress?.stop();
    interruption.remove();
    if (interruption.exitCode !== void 0) process.exitCode = interruption.exitCode;
  }
}
__name(compareCommand, "compareCommand");
function settingsFromOptions(values, signal, progress) {
  return {
    cwd: resolve(String(values.cwd ?? ".")),
    base: String(values.base),
    head: String(values.head),
    configPath: values.config,
    outDir: values.out,
    node: values.node,
    keepWorktrees: values["keep-worktrees"] === true,
    productionProfile: values["production-profile"],
    shard: values.shard !== void 0 ? parseShard(String(values.shard)) : void 0,
    costs: values.costs ? readCostsFile(String(values.costs), "--costs") : void 0,
    packages: values.packages ? splitList(String(values.packages)) : void 0,
    signal,
    inputOverrides: {
      benchmarks: benchmarksFlag(values.benchmarks),
      install: commandFlag("--install", values.install),
      build: commandFlag("--build", values.build),
      budget: {
        ...values.processes ? { processes: positiveInt("--processes", values.processes) } : {},
        ...values.time ? { timePerProcessMs: positiveInt("--time", values.time) } : {},
        ...values["max-processes"] ? { maxProcesses: positiveInt("--max-processes", values["max-processes"]) } : {},
        ...values["max-minutes"] ? { maxMinutes: positiveNumber("--max-minutes", values["max-minutes"]) } : {},
        ...values.parallel ? { parallel: positiveInt("--parallel", values.parallel) } : {}
      }
    },
    onProgress: progress && ((line) => progress.line(line)),
    onStatus: progress && ((status) => progress.update(status)),
    onDeadline: progress && ((at) => progress.deadline(at))
  };
}
__name(settingsFromOptions, "settingsFromOptions");
function benchmarksFlag(value) {
  if (value === void 0) return void 0;
  const globs = value.flatMap(splitList);
  return globs.length > 0 ? globs : void 0;
}
__name(benchmarksFlag, "benchmarksFlag");
function commandFlag(flag, value) {
  if (value === void 0) return void 0;
  if (String(value).trim() === "") throw new UsageError(`${flag} needs a command, got an empty string`);
  return String(value);
}
__name(commandFlag, "commandFlag");
function positiveInt(flag, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`${flag} must be a positive whole number, got "${value}"`);
  return n;
}
__name(positiveInt, "positiveInt");
function positiveNumber(flag, value) {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`${flag} must be a positive number, got "${value}"`);
  return n;
}
__name(positiveNumber, "positiveNumber");

export {
  compareCommand,
  settingsFromOptions
};
