import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  SAFE_NAME,
  STACKS_FILE,
  benchmarkKey,
  buildReportOutputs,
  exitCodeOf,
  nothingMeasured,
  readStacks,
  renderTerminal
} from "./cli-chunk-YAJCLAGG.js";
import {
  UsageError
} from "./cli-chunk-GQCJR3VD.js";
import "./cli-chunk-EDMONF26.js";
import {
  LIMITS,
  readJsonBounded
} from "./cli-chunk-4L6WBSUI.js";
import "./cli-chunk-LY4D7BNO.js";
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/cli/merge.ts
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join as join2, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";

// src/merge/merge.ts
import { cpSync, existsSync, lstatSync } from "node:fs";
import { join } from "node:path";
function loadShards(dirs) {
  if (dirs.length === 0) throw new UsageError("merge needs at least one shard directory");
  return dirs.map((dir) => {
    const path = join(dir, "report.json");
    if (!existsSync(path)) {
      throw new UsageError(
        `${dir} holds no report.json: that shard failed before writing its result (see its job's log), or this is not a shard's output directory`
      );
    }
    let report;
    try {
      report = readJsonBounded(path, LIMITS.reportBytes);
    } catch (error) {
      throw new UsageError(`${path} is not readable JSON: ${error.message}`);
    }
    if (report.schemaVersion !== 1) {
      throw new UsageError(`${path}: schemaVersion ${String(report.schemaVersion)} is not 1`);
    }
    if (!report.shard) {
      throw new UsageError(`${path} is not a shard's report (it was made without --shard i/N)`);
    }
    checkProfilePaths(report, path);
    const stacksPath = join(dir, STACKS_FILE);
    let flames = { stacks: {}, slugs: {} };
    try {
      if (existsSync(stacksPath)) flames = readStacks(stacksPath);
    } catch (error) {
      throw new UsageError(
        `${label(report)} (${dir}): cannot read ${STACKS_FILE}: ${error.message}`
      );
    }
    return { dir, report, stacks: flames.stacks, slugs: flames.slugs };
  });
}
__name(loadShards, "loadShards");
var label = /* @__PURE__ */ __name((r) => `shard ${r.shard?.index}/${r.shard?.count}`, "label");
function checkProfilePaths(report, path) {
  for (const field of ["profiles", "allocationProfiles"]) {
    for (const [key, sides] of Object.entries(report[field] ?? {})) {
      for (const rel of Object.values(sides ?? {})) {
        if (typeof rel !== "string" || !rel.split(/[\\/]/).every((name) => SAFE_NAME.test(name))) {
          throw new UsageError(
            `${label(report)} (${path}): the ${field} of ${JSON.stringify(key)} name ${JSON.stringify(rel)}, which is not a path of plain names inside the shard's folder`
          );
        }
      }
    }
  }
}
__name(checkProfilePaths, "checkProfilePaths");
function mergeShards(shards) {
  if (shards.length === 0) throw new UsageError("merge needs at least one shard");
  const first = shards[0];
  const f = first.report;
  const info = f.shard;
  if (!info) throw new UsageError(`${first.dir} is not a shard's report`);
  for (const { report: r, dir } of shards.slice(1)) {
    const s = r.shard;
    if (!s) throw new UsageError(`${dir} is not a shard's report`);
    if (r.base.sha !== f.base.sha || r.head.sha !== f.head.sha) {
      throw new UsageError(
        `shards measured different commits: ${label(f)} compared ${f.base.sha.slice(0, 7)}..${f.head.sha.slice(0, 7)}, ${label(r)} (${dir}) compared ${r.base.sha.slice(0, 7)}..${r.head.sha.slice(0, 7)}`
      );
    }
    if (r.configFingerprint !== f.configFingerprint) {
      throw new UsageError(
        `shards ran with different configs: ${label(f)} has config ${f.configFingerprint}, ${label(r)} (${dir}) has ${r.configFingerprint}`
      );
    }
    const settings = /* @__PURE__ */ __name((x) => JSON.stringify(x.settings ?? {}), "settings");
    if (settings(r) !== settings(f)) {
      throw new UsageError(
        `shards ran with different settings: ${label(f)} ${settings(f)}, ${label(r)} (${dir}) ${settings(r)}`
      );
    }
    if (s.count !== info.count) {
      throw new UsageError(`shards of different splits: ${label(f)} and ${label(r)} (${dir})`);
    }
    if (s.planDigest !== info.planDigest) {
      throw new UsageError(
        `shards split the benchmarks differently (${label(f)} plan ${info.planDigest}, ${label(r)} plan ${s.planDigest}): their discovery found different benchmarks, or they were given different --costs files`
      );
    }
  }
  const byIndex = /* @__PURE__ */ new Map();
  for (const shard of shards) {
    const index = shard.report.shard?.index;
    const twin = byIndex.get(index);
    if (twin) throw new UsageError(`${label(shard.report)} appears twice: ${twin.dir} and ${shard.dir}`);
    byIndex.set(index, shard);
  }
  const missing = [];
  for (let i = 1; i <= info.count; i++) if (!byIndex.has(i)) missing.push(`${i}/${info.count}`);
  if (missing.length > 0) {
    throw new UsageError(
      `shard ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} missing (have ${[...byIndex.keys()].sort((a, b) => a - b).map((i) => `${i}/${info.count}`).join(", ")}): its job failed or its result was not downloaded`
    );
  }
  const results = /* @__PURE__ */ new Map();
  for (const { report: r } of shards) {
    for (const b of r.benchmarks) {
      const key = benchmarkKey(b);
      if (info.plan[key] !== r.shard?.index) {
        throw new UsageError(
          `${label(r)} reports ${key}, which the plan gives to shard ${info.plan[key] ?? "(none)"}`
        );
      }
      results.set(key, b);
    }
  }
  const leftOut = shards.flatMap((s) => s.report.leftOut ?? []);
  const listed = new Set(leftOut.map(benchmarkKey));
  const absent = Object.keys(info.plan).filter((key) => !results.has(key) && !listed.has(key));
  if (absent.length > 0) {
    const shard = info.plan[absent[0]];
    throw new UsageError(
      `shard ${shard}/${info.count} is incomplete: ${absent.length} benchmark(s) missing, first ${absent[0]}`
    );
  }
  const benchmarks = Object.keys(info.plan).map((key) => results.get(key)).filter((b) => b !== void 0);
  const order = new Map(benchmarks.map((b, i) => [benchmarkKey(b), i]));
  const functions = shards.flatMap((s) => s.report.functions).map((fn, i) => ({ fn, i })).sort((a, b) => (order.get(a.fn.benchmark) ?? 0) - (order.get(b.fn.benchmark) ?? 0) || a.i - b.i).map((x) => x.fn);
  const failures = benchmarks.flatMap((b) => b.failures ?? []);
  for (const { report: r } of shards) {
    for (const line of r.failures ?? []) if (!failures.includes(line)) failures.push(line);
  }
  const report = { ...f };
  for (const key of Object.keys(f)) {
    const value = f[key];
    if (Array.isArray(value)) {
      report[key] = shards.flatMap(
        (s) => s.report[key] ?? []
      );
    }
  }
  report.benchmarks = benchmarks;
  if (leftOut.length > 0) report.leftOut = leftOut;
  report.functions = functions;
  report.failures = failures;
  report.verdict = failures.length > 0 || shards.some((s) => s.report.verdict === "fail") ? "fail" : "pass";
  report.profiles = Object.assign({}, ...shards.map((s) => s.report.profiles ?? {}));
  const packages = [...new Set(shards.flatMap((s) => s.report.packages ?? []))].sort();
  if (packages.length > 0) report.packages = packages;
  else delete report.packages;
  const notes = [...new Set(shards.flatMap((s) => s.report.harnessNotes ?? []))];
  if (notes.length > 0) report.harnessNotes = notes;
  const counts = shards.map((s) => s.report.measured);
  if (counts.every((m) => m !== void 0) && f.measured) {
    report.measured = {
      both: counts.reduce((sum, m) => sum + (m?.both ?? 0), 0),
      failedOnBoth: counts.reduce((sum, m) => sum + (m?.failedOnBoth ?? 0), 0),
      onNothing: f.measured.onNothing
    };
    const nothing = nothingMeasured(report);
    if (nothing) report.nothingMeasured = nothing;
    else delete report.nothingMeasured;
  }
  delete report.shard;
  report.merged = { shards: info.count, planDigest: info.planDigest };
  const profiles = Object.assign({}, ...shards.map((s) => s.stacks));
  const slugs = Object.assign({}, ...shards.map((s) => s.slugs));
  return { report, profiles, slugs };
}
__name(mergeShards, "mergeShards");
function copyProfiles(shards, outDir) {
  const plain = /* @__PURE__ */ __name((path) => {
    const stat = lstatSync(path);
    return stat.isDirectory() || stat.isFile();
  }, "plain");
  for (const shard of shards) {
    const from = join(shard.dir, "profiles");
    if (existsSync(from) && plain(from)) {
      cpSync(from, join(outDir, "profiles"), { recursive: true, force: false, filter: plain });
    }
  }
}
__name(copyProfiles, "copyProfiles");

// src/cli/merge.ts
var MERGE_USAGE = `Usage: flamegate merge <shard-dir>... [--json FILE] [--markdown FILE] [--out DIR]

merge: combines the output directories of \`flamegate compare --shard i/N\` (one per shard) into one
report, one verdict and one set of flame graphs. Refuses shards of different commits, configs or
splits, and names a missing or failed shard.
  --out <dir>         where the merged report.json, comment.md, flame graphs and profiles go
  --json <file>       write the merged JSON report
  --markdown <file>   write the merged PR comment (Markdown)
  --no-color          plain output`;
async function mergeCommand(args) {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        json: { type: "string" },
        markdown: { type: "string" },
        "no-color": { type: "boolean" },
        help: { type: "boolean", short: "h" }
      }
    }));
  } catch (error) {
    throw new UsageError(`${error.message} (see flamegate merge --help)`);
  }
  if (values.help) {
    process.stdout.write(`${MERGE_USAGE}
`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(`merge needs the shard directories

${MERGE_USAGE}`);
  const shards = loadShards(positionals.map((p) => resolve(p)));
  const merged = mergeShards(shards);
  const outDir = values.out ? resolve(String(values.out)) : mkdtempSync(join2(tmpdir(), "flamegate-merged-"));
  mkdirSync(outDir, { recursive: true });
  copyProfiles(shards, outDir);
  const outputs = buildReportOutputs(merged);
  for (const file of outputs.files) {
    const path = resolve(outDir, file.path);
    const inside = relative(outDir, path);
    if (inside.split(sep)[0] === ".." || isAbsolute(inside)) {
      throw new UsageError(`refusing to write ${file.path} for ${file.key}: it is outside ${outDir}`);
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  const json = `${JSON.stringify(merged.report, null, 2)}
`;
  writeFileSync(join2(outDir, "report.json"), json);
  writeFileSync(join2(outDir, "comment.md"), outputs.markdown);
  if (values.json) writeFileSync(String(values.json), json);
  if (values.markdown) writeFileSync(String(values.markdown), outputs.markdown);
  const color = values["no-color"] !== true && process.stdout.isTTY === true && !process.env.NO_COLOR;
  process.stdout.write(`${renderTerminal(merged.report, { color })}
`);
  process.stdout.write(`Merged ${shards.length} shard(s); report, flame graphs and profiles: ${outDir}
`);
  return exitCodeOf(merged.report, (line) => process.stderr.write(line));
}
__name(mergeCommand, "mergeCommand");
export {
  MERGE_USAGE,
  mergeCommand
};
