import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  DEFAULT_HISTORY_BRANCH,
  readHistory
} from "./cli-chunk-KRVXZVIA.js";
import "./cli-chunk-O7CZO647.js";
import {
  benchmarkKey
} from "./cli-chunk-DUXRM7NM.js";
import {
  UsageError
} from "./cli-chunk-QWHOZFAX.js";
import {
  formatInterval,
  formatPercent,
  shortSha
} from "./cli-chunk-DZIVBFCG.js";
import {
  HELP_OPTION,
  optionLines,
  parseOptions
} from "./cli-chunk-THYTNRP2.js";
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/cli/history.ts
import { resolve } from "node:path";

// src/history/table.ts
var HEADER = ["commit", "time (UTC)", "anchor", "change", "interval", "status", "run"];
function historyTables(entries) {
  const rowsByBenchmark = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    const anchor = entry.anchor.tag ?? shortSha(entry.anchor.sha);
    const time = entry.time.slice(0, 16).replace("T", " ");
    for (const benchmark of entry.benchmarks) {
      const key = benchmarkKey(benchmark);
      const row = [
        shortSha(entry.commit.sha),
        time,
        anchor,
        benchmark.change === void 0 ? "–" : formatPercent(benchmark.change),
        benchmark.ci === void 0 ? "–" : formatInterval(benchmark.ci),
        benchmark.status,
        entry.verdict
      ];
      const rows = rowsByBenchmark.get(key);
      if (rows) rows.push(row);
      else rowsByBenchmark.set(key, [row]);
    }
  }
  return [...rowsByBenchmark].map(([key, rows]) => `${key}
${table([HEADER, ...rows])}`).join("\n\n");
}
__name(historyTables, "historyTables");
function table(rows) {
  const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => [...row[column] ?? ""].length)));
  return rows.map(
    (row) => row.map((cell, column) => cell + " ".repeat((widths[column] ?? 0) - [...cell].length)).join("  ").trimEnd()
  ).map((line) => `  ${line}`).join("\n");
}
__name(table, "table");

// src/cli/history.ts
var HISTORY_OPTIONS = [
  {
    name: "branch",
    type: "string",
    arg: "<name>",
    default: DEFAULT_HISTORY_BRANCH,
    help: `the history branch (default ${DEFAULT_HISTORY_BRANCH})`
  },
  {
    name: "remote",
    type: "string",
    arg: "<name>",
    default: "origin",
    help: "the remote it is read from (default origin)"
  },
  {
    name: "fetch",
    type: "boolean",
    help: "fetch the branch from the remote first (default: read the clone as it is)"
  },
  { name: "cwd", type: "string", arg: "<dir>", help: "the repository (default: current directory)" },
  { name: "json", type: "boolean", help: "print the entries as JSON instead of tables" },
  HELP_OPTION
];
var HISTORY_USAGE = `Usage: flamegate history [--fetch] [--branch NAME] [--cwd DIR] [--json]

history: the track runs kept on the history branch (one file per run), a table per benchmark: the
commit measured, when, its anchor, the change against the anchor with its 95% interval, the
benchmark's status and the run's verdict. Reads <remote>/<branch> (else a local branch of that name).
${optionLines(HISTORY_OPTIONS, 22)}`;
async function historyCommand(args, io) {
  let values;
  try {
    ({ values } = parseOptions(args, HISTORY_OPTIONS, false));
  } catch (error) {
    throw new UsageError(`${error.message} (see flamegate history --help)`);
  }
  if (values.help) {
    io.stdout(`${HISTORY_USAGE}
`);
    return 0;
  }
  const repoDir = resolve(String(values.cwd ?? "."));
  const listing = await readHistory(repoDir, {
    branch: String(values.branch),
    remote: String(values.remote),
    fetch: values.fetch === true
  });
  for (const bad of listing.bad) io.stderr(`flamegate: skipped ${bad.message}
`);
  if (values.json) {
    io.stdout(`${JSON.stringify(listing.entries, null, 2)}
`);
    return 0;
  }
  const runs = listing.entries.length;
  io.stdout(
    `${runs} track run${runs === 1 ? "" : "s"} on ${values.branch} (${listing.commit.slice(0, 7)})${runs ? `

${historyTables(listing.entries)}` : ""}
`
  );
  return 0;
}
__name(historyCommand, "historyCommand");
export {
  HISTORY_OPTIONS,
  HISTORY_USAGE,
  historyCommand
};
