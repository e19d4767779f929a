import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  exitWith,
  printRun
} from "./cli-chunk-LPBPTIBN.js";
import {
  DRIFT_SHOWN,
  STACKS_FILE,
  median,
  nothingMeasured,
  readStacks,
  verdictFrom,
  writeRun
} from "./cli-chunk-GQVPOL35.js";
import {
  SAFE_NAME,
  benchmarkKey
} from "./cli-chunk-DUXRM7NM.js";
import {
  UsageError
} from "./cli-chunk-QWHOZFAX.js";
import "./cli-chunk-OAZ23ZZX.js";
import "./cli-chunk-QALXH7AD.js";
import {
  plural
} from "./cli-chunk-DZIVBFCG.js";
import {
  LIMITS,
  readJsonBounded
} from "./cli-chunk-4L6WBSUI.js";
import {
  HELP_OPTION,
  optionLines,
  parseOptions
} from "./cli-chunk-THYTNRP2.js";
import "./cli-chunk-2RKV4GHC.js";
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/cli/merge.ts
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2, resolve } from "node:path";

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
    return {
      dir,
      report,
      stacks: flames.stacks,
      allocationStacks: flames.allocationStacks,
      slugs: flames.slugs
    };
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
  const first2 = shards[0];
  const f = first2.report;
  const info = f.shard;
  if (!info) throw new UsageError(`${first2.dir} is not a shard's report`);
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
      `shard ${shard}/${info.count} is incomplete: ${plural(absent.length, "benchmark")} missing, first ${absent[0]}`
    );
  }
  const benchmarks = Object.keys(info.plan).map((key) => results.get(key)).filter((b) => b !== void 0);
  const inOrder = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, shard]) => shard.report);
  const failures = benchmarks.flatMap((b) => b.failures ?? []);
  for (const r of inOrder) {
    for (const line of r.failures ?? []) if (!failures.includes(line)) failures.push(line);
  }
  const report = mergeReports(inOrder, { info, benchmarks, failures });
  const union = /* @__PURE__ */ __name((pick) => Object.assign({}, ...shards.map((s) => pick(s) ?? {})), "union");
  return {
    report,
    cpuStacks: union((s) => s.stacks),
    allocationStacks: union((s) => s.allocationStacks),
    slugs: Object.assign({}, ...shards.map((s) => s.slugs))
  };
}
__name(mergeShards, "mergeShards");
var first = /* @__PURE__ */ __name((shards) => shards[0], "first");
var some = /* @__PURE__ */ __name((list) => list.length > 0 ? list : void 0, "some");
var defined = /* @__PURE__ */ __name((list) => list.filter((x) => x !== void 0), "defined");
var inPlanOrder = /* @__PURE__ */ __name((rows, context) => {
  const order = new Map(context.benchmarks.map((b, i) => [benchmarkKey(b), i]));
  return rows.map((row, i) => ({ row, i })).sort((a, b) => (order.get(a.row.benchmark) ?? 0) - (order.get(b.row.benchmark) ?? 0) || a.i - b.i).map((x) => x.row);
}, "inPlanOrder");
var RULES = {
  schemaVersion: /* @__PURE__ */ __name(() => 1, "schemaVersion"),
  // Checked equal across shards.
  base: /* @__PURE__ */ __name((shards) => first(shards).base, "base"),
  head: /* @__PURE__ */ __name((shards) => first(shards).head, "head"),
  configFingerprint: /* @__PURE__ */ __name((shards) => first(shards).configFingerprint, "configFingerprint"),
  settings: /* @__PURE__ */ __name((shards) => first(shards).settings, "settings"),
  // Every shard selects from the same discovery before the split, so each records the same selection.
  selection: /* @__PURE__ */ __name((shards) => first(shards).selection, "selection"),
  benchmarks: /* @__PURE__ */ __name((_, __, c) => c.benchmarks, "benchmarks"),
  functions: /* @__PURE__ */ __name((shards, _, c) => inPlanOrder(
    shards.flatMap((s) => s.functions),
    c
  ), "functions"),
  // Present as in a whole run: when any benchmark had an allocation pass.
  allocations: /* @__PURE__ */ __name((shards, _, c) => shards.some((s) => s.allocations) ? inPlanOrder(
    shards.flatMap((s) => s.allocations ?? []),
    c
  ) : void 0, "allocations"),
  failures: /* @__PURE__ */ __name((_, __, c) => c.failures, "failures"),
  // The same function as a single run, on the merged lines.
  verdict: /* @__PURE__ */ __name((_, merged) => verdictFrom(merged.failures), "verdict"),
  infrastructureErrors: /* @__PURE__ */ __name((shards) => some(shards.flatMap((s) => s.infrastructureErrors ?? [])), "infrastructureErrors"),
  leftOut: /* @__PURE__ */ __name((shards) => some(shards.flatMap((s) => s.leftOut ?? [])), "leftOut"),
  // Counts add up over shards; whether anything was measured is decided here, on the whole run.
  measured: /* @__PURE__ */ __name((shards) => {
    const counts = shards.map((s) => s.measured);
    const onNothing = first(shards).measured?.onNothing;
    if (!onNothing || counts.some((m) => m === void 0)) return void 0;
    return {
      both: counts.reduce((sum, m) => sum + (m?.both ?? 0), 0),
      failedOnBoth: counts.reduce((sum, m) => sum + (m?.failedOnBoth ?? 0), 0),
      onNothing
    };
  }, "measured"),
  nothingMeasured: /* @__PURE__ */ __name((_, merged) => merged.measured ? nothingMeasured(merged) : void 0, "nothingMeasured"),
  sampling: /* @__PURE__ */ __name((shards) => mergeSampling(defined(shards.map((s) => s.sampling))), "sampling"),
  // A merged run always lists its profiles, even none, as a whole run does.
  profiles: /* @__PURE__ */ __name((shards) => Object.assign({}, ...shards.map((s) => s.profiles ?? {})), "profiles"),
  allocationProfiles: /* @__PURE__ */ __name((shards) => {
    const merged = Object.assign({}, ...shards.map((s) => s.allocationProfiles ?? {}));
    return Object.keys(merged).length > 0 ? merged : void 0;
  }, "allocationProfiles"),
  // The pass's total time over the shards: what an unsharded run would report for the same work (the
  // shard jobs ran it side by side, so the wall time it added to the workflow was the largest shard's).
  allocationPassMs: /* @__PURE__ */ __name((shards) => {
    const times = defined(shards.map((s) => s.allocationPassMs));
    return times.length > 0 ? times.reduce((sum, ms) => sum + ms, 0) : void 0;
  }, "allocationPassMs"),
  shard: /* @__PURE__ */ __name(() => void 0, "shard"),
  // Every shard read the same track run; each listed its own benchmarks' drift.
  drift: /* @__PURE__ */ __name((shards) => {
    const notes = defined(shards.map((s) => s.drift));
    const firstNote = notes[0];
    if (!firstNote) return void 0;
    const seen = /* @__PURE__ */ new Set();
    const benchmarks = notes.flatMap((n) => n.benchmarks).filter((b) => !seen.has(`${b.file}\0${b.name}`) && seen.add(`${b.file}\0${b.name}`)).sort((x, y) => Math.abs(y.change) - Math.abs(x.change)).slice(0, DRIFT_SHOWN);
    return { ...firstNote, benchmarks };
  }, "drift"),
  // The whole run is reproduced without `--shard`; the shards share every other option.
  reproduce: /* @__PURE__ */ __name((shards) => {
    const args = first(shards).reproduce ?? [];
    const shardAt = args.indexOf("--shard");
    const whole = shardAt >= 0 ? [...args.slice(0, shardAt), ...args.slice(shardAt + 2)] : args;
    return whole.length > 0 ? whole : void 0;
  }, "reproduce"),
  merged: /* @__PURE__ */ __name((_, __, c) => ({ shards: c.info.count, planDigest: c.info.planDigest }), "merged"),
  packages: /* @__PURE__ */ __name((shards) => some([...new Set(shards.flatMap((s) => s.packages ?? []))].sort()), "packages"),
  // Every shard discovers every benchmark file, so each names the same unhonoured settings.
  harnessNotes: /* @__PURE__ */ __name((shards) => some([...new Set(shards.flatMap((s) => s.harnessNotes ?? []))]), "harnessNotes")
};
function mergeReports(shards, context) {
  const merged = {};
  for (const key of Object.keys(first(shards))) {
    if (key in RULES) continue;
    const value = first(shards)[key];
    merged[key] = Array.isArray(value) ? shards.flatMap((s) => s[key] ?? []) : value;
  }
  for (const [key, rule] of Object.entries(RULES)) {
    const value = rule(
      shards,
      merged,
      context
    );
    if (value !== void 0) merged[key] = value;
  }
  return merged;
}
__name(mergeReports, "mergeReports");
function mergeSampling(list) {
  const head = list[0];
  if (!head) return void 0;
  const sum = /* @__PURE__ */ __name((pick) => list.reduce((total, s) => total + (pick(s) ?? 0), 0), "sum");
  const summary = {
    processes: sum((s) => s.processes),
    maxProcesses: sum((s) => s.maxProcesses),
    seconds: sum((s) => s.seconds),
    savedSeconds: sum((s) => s.savedSeconds),
    resolved: sum((s) => s.resolved),
    unresolved: sum((s) => s.unresolved),
    alphaPerLook: head.alphaPerLook
  };
  const confirming = sum((s) => s.confirmProcesses);
  if (confirming > 0) summary.confirmProcesses = confirming;
  const floors = defined(list.map((s) => s.harnessFloorNs));
  if (floors.length > 0) summary.harnessFloorNs = median(floors);
  const cuts = defined(list.map((s) => s.trailing));
  if (cuts.length > 0) {
    summary.trailing = {
      profileMs: Math.min(...cuts.map((t) => t.profileMs)),
      allocationMs: Math.min(...cuts.map((t) => t.allocationMs))
    };
    const counted = cuts.filter((t) => t.allocated !== void 0 && t.allocatable !== void 0);
    if (counted.length > 0) {
      summary.trailing.allocated = counted.reduce((total, t) => total + (t.allocated ?? 0), 0);
      summary.trailing.allocatable = counted.reduce((total, t) => total + (t.allocatable ?? 0), 0);
    }
  }
  return summary;
}
__name(mergeSampling, "mergeSampling");
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
var MERGE_OPTIONS = [
  {
    name: "out",
    type: "string",
    arg: "<dir>",
    help: "where the merged report.json, comment.md, flame graphs and profiles go"
  },
  { name: "json", type: "string", arg: "<file>", help: "write the merged JSON report" },
  { name: "markdown", type: "string", arg: "<file>", help: "write the merged PR comment (Markdown)" },
  { name: "no-color", type: "boolean", help: "plain output" },
  HELP_OPTION
];
var MERGE_USAGE = `Usage: flamegate merge <shard-dir>... [--json FILE] [--markdown FILE] [--out DIR]

merge: combines the output directories of \`flamegate compare --shard i/N\` (one per shard) into one
report, one verdict and one set of flame graphs. Refuses shards of different commits, configs or
splits, and names a missing or failed shard.
${optionLines(MERGE_OPTIONS, 22)}`;
async function mergeCommand(args) {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseOptions(args, MERGE_OPTIONS, true));
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
  const written = await writeRun(
    { ...merged, outDir, reportPath: join2(outDir, "report.json") },
    { copies: { json: values.json, markdown: values.markdown } }
  );
  printRun(
    merged.report,
    `Merged ${shards.length} shard${shards.length === 1 ? "" : "s"}; report, flame graphs and profiles: ${outDir}`,
    values["no-color"] === true
  );
  return exitWith(written.exit);
}
__name(mergeCommand, "mergeCommand");
export {
  MERGE_OPTIONS,
  MERGE_USAGE,
  mergeCommand
};
