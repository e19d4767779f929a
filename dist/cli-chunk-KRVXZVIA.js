import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  CommandError,
  tail
} from "./cli-chunk-O7CZO647.js";
import {
  require_ajv
} from "./cli-chunk-DUXRM7NM.js";
import {
  UsageError
} from "./cli-chunk-QWHOZFAX.js";
import {
  __name,
  __toESM
} from "./cli-chunk-XYLEW4VM.js";

// src/history/layout.ts
var DEFAULT_HISTORY_BRANCH = "flamegate-data";
var DEFAULT_MAX_RUNS = 1e3;
var RUNS_DIR = "runs";
var PAGE_FILE = "index.html";
function runFileName(isoTime, sha, randomHex) {
  const compact = new Date(isoTime).toISOString().replace(/[-:]/g, "");
  return `${compact}-${sha.slice(0, 7)}-${randomHex}.json`;
}
__name(runFileName, "runFileName");
function isRunFileName(name) {
  return /^\d{8}T\d{6}(\.\d+)?Z-[0-9a-f]{7}-[0-9a-f]+\.json$/.test(name);
}
__name(isRunFileName, "isRunFileName");
function runFilesToPrune(names, maxRuns) {
  const runs = names.filter(isRunFileName).sort();
  return runs.slice(0, Math.max(0, runs.length - maxRuns));
}
__name(runFilesToPrune, "runFilesToPrune");

// src/processes.ts
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
var TAG_VARIABLE = "FLAMEGATE_PROCESS_TAGS";
var PIPE_GRACE_MS = 1e3;
var STOP_WAIT_MS = 2e3;
var live = /* @__PURE__ */ new Map();
var GROUPS = process.platform !== "win32";
var RUN_TAG = `${process.pid}.`;
var spawned = 0;
function spawnInGroup(command, args, { sweep = false, ...options }) {
  const tag = `${RUN_TAG}${++spawned}`;
  const env = options.env ?? process.env;
  const inherited = env[TAG_VARIABLE];
  const child = spawn(command, args, {
    ...options,
    detached: GROUPS,
    env: { ...env, [TAG_VARIABLE]: inherited ? `${inherited} ${tag}` : tag }
  });
  const pid = child.pid;
  if (pid !== void 0) live.set(pid, { tag, leader: child });
  const finished = new Promise((resolve) => {
    let exit;
    let settled = false;
    const finish = /* @__PURE__ */ __name(async (end) => {
      if (settled) return;
      settled = true;
      for (const stream of child.stdio) stream?.destroy();
      if (child.connected) child.disconnect();
      if (pid !== void 0) await stopGroup(pid, sweep ? tag : void 0);
      resolve(end);
    }, "finish");
    child.on("error", (error) => {
      if (pid === void 0) void finish({ code: null, signal: null, error });
    });
    child.on("exit", (code, signal) => {
      exit = { code, signal };
      setTimeout(() => setImmediate(() => void finish({ code, signal })), PIPE_GRACE_MS);
    });
    child.on("close", (code, signal) => void finish(exit ?? { code, signal }));
  });
  return { child, finished, kill: /* @__PURE__ */ __name(() => pid !== void 0 && killMembers(pid, sweep ? tag : void 0), "kill") };
}
__name(spawnInGroup, "spawnInGroup");
async function stopAllGroups() {
  const groups = [...live];
  killEverything();
  await Promise.all(groups.map(([pgid, { tag }]) => stopGroup(pgid, tag)));
  return groups.length;
}
__name(stopAllGroups, "stopAllGroups");
function killEverything() {
  for (const [pgid] of live) signalGroup(pgid);
  for (const pid of members(void 0, RUN_TAG)) signalProcess(pid);
}
__name(killEverything, "killEverything");
async function stopGroup(pgid, tag) {
  const started = Date.now();
  while (killMembers(pgid, tag) && Date.now() - started < STOP_WAIT_MS)
    await new Promise((resolve) => setTimeout(resolve, 20));
  live.delete(pgid);
}
__name(stopGroup, "stopGroup");
function killMembers(pgid, tag) {
  signalGroup(pgid);
  if (process.platform !== "linux") return groupExists(pgid);
  if (!tag && !groupExists(pgid)) return false;
  const left = members(pgid, tag);
  for (const pid of left) signalProcess(pid);
  return left.length > 0;
}
__name(killMembers, "killMembers");
function signalGroup(pgid) {
  try {
    if (GROUPS) process.kill(-pgid, "SIGKILL");
    else live.get(pgid)?.leader.kill("SIGKILL");
  } catch {
  }
}
__name(signalGroup, "signalGroup");
function signalProcess(pid) {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
  }
}
__name(signalProcess, "signalProcess");
function groupExists(pgid) {
  if (!GROUPS) {
    const leader = live.get(pgid)?.leader;
    return !!leader && leader.exitCode === null && leader.signalCode === null;
  }
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
__name(groupExists, "groupExists");
var OWN_START = (() => {
  try {
    return process.platform === "linux" ? statFields(String(process.pid))?.startTime : void 0;
  } catch {
    return void 0;
  }
})();
function members(pgid, tag) {
  if (process.platform !== "linux") return [];
  const found = [];
  let entries;
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = statFields(entry);
      if (!stat || stat.state === "Z" || stat.state === "X") continue;
      if (stat.pgrp === pgid) found.push(Number(entry));
      else if (tag && (OWN_START === void 0 || stat.startTime >= OWN_START) && carriesTag(entry, tag))
        found.push(Number(entry));
    } catch {
    }
  }
  return found;
}
__name(members, "members");
function statFields(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  if (fields.length < 20) return void 0;
  return { state: fields[0] ?? "", pgrp: Number(fields[2]), startTime: Number(fields[19]) };
}
__name(statFields, "statFields");
function carriesTag(pid, tag) {
  const environ = readFileSync(`/proc/${pid}/environ`, "latin1");
  const start = environ.indexOf(`${TAG_VARIABLE}=`);
  if (start === -1) return false;
  const end = environ.indexOf("\0", start);
  const tags = environ.slice(start + TAG_VARIABLE.length + 1, end === -1 ? void 0 : end).split(" ");
  return tags.some((t) => tag.endsWith(".") ? t.startsWith(tag) : t === tag);
}
__name(carriesTag, "carriesTag");
var SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 };
function interruptOnSignals(controller, onFirst) {
  let received;
  const handler = /* @__PURE__ */ __name((signal) => {
    if (received) {
      killEverything();
      process.exit(128 + (SIGNAL_NUMBERS[received] ?? 15));
    }
    received = signal;
    onFirst(signal);
    killEverything();
    controller.abort(new Error(`cancelled by ${signal}`));
  }, "handler");
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    get received() {
      return received;
    },
    get exitCode() {
      return received && 128 + (SIGNAL_NUMBERS[received] ?? 15);
    },
    remove() {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    }
  };
}
__name(interruptOnSignals, "interruptOnSignals");
function describeExit(code, signal) {
  if (signal === "SIGKILL") return "was killed by SIGKILL (likely the out-of-memory killer)";
  if (signal) return `was killed by ${signal}`;
  return `exited with code ${code ?? "unknown"}`;
}
__name(describeExit, "describeExit");
function fatalLine(output) {
  return /^(?:FATAL ERROR: .+|Fatal JavaScript .+|# Fatal error in .+|Fatal error: .+)$/m.exec(output)?.[0]?.trim();
}
__name(fatalLine, "fatalLine");

// src/history/store.ts
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

// src/workspace/exec.ts
function exec(command, args, options) {
  if (options.signal?.aborted) return Promise.reject(abortError(command));
  return new Promise((resolve, reject) => {
    const { child, finished, kill } = spawnInGroup(command, args, {
      cwd: options.cwd,
      shell: options.shell ?? false,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      sweep: options.sweep
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
    });
    let timedOut = false;
    const timer = options.timeoutMs === void 0 ? void 0 : setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    const onAbort = /* @__PURE__ */ __name(() => kill(), "onAbort");
    options.signal?.addEventListener("abort", onAbort, { once: true });
    finished.then((end) => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      if (end.error) reject(end.error);
      else if (options.signal?.aborted) reject(abortError(command));
      else resolve({ code: end.code ?? 1, signal: end.signal, timedOut, stdout, stderr });
    });
  });
}
__name(exec, "exec");
function abortError(command) {
  return Object.assign(new Error(`${command} was stopped: the run was cancelled`), { name: "AbortError" });
}
__name(abortError, "abortError");

// src/workspace/git.ts
var HARDENED_CONFIG = [
  "core.hooksPath=/dev/null",
  "core.fsmonitor=false",
  "protocol.ext.allow=never",
  "core.pager=cat",
  "gc.auto=0",
  "maintenance.auto=false"
].flatMap((setting) => ["-c", setting]);
var BASE_VARIABLES = [
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "TMPDIR",
  "TZ",
  "LANG",
  "LANGUAGE",
  "XDG_CONFIG_HOME",
  "GIT_CONFIG_GLOBAL",
  "GIT_CONFIG_SYSTEM",
  "GIT_CONFIG_NOSYSTEM"
];
var NETWORK_VARIABLES = [
  "SSH_AUTH_SOCK",
  "GIT_SSH",
  "GIT_SSH_COMMAND",
  "GIT_SSL_CAINFO",
  "GIT_SSL_CAPATH",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "ALL_PROXY",
  "NO_PROXY"
];
function gitEnv(env = process.env, network = false) {
  const names = new Set(network ? [...BASE_VARIABLES, ...NETWORK_VARIABLES] : BASE_VARIABLES);
  const result = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== void 0 && (names.has(name.toUpperCase()) || name.startsWith("LC_")))
      result[name] = value;
  }
  return { ...result, GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0" };
}
__name(gitEnv, "gitEnv");
function runGit(cwd, args, options = {}) {
  return exec("git", [...HARDENED_CONFIG, ...args], {
    cwd,
    env: gitEnv(process.env, options.network),
    signal: options.signal
  });
}
__name(runGit, "runGit");
async function git(cwd, args, signal) {
  const result = await runGit(cwd, args, { signal });
  if (result.code !== 0) throw new CommandError("git failed", `git ${args.join(" ")}`, result);
  return result.stdout.trim();
}
__name(git, "git");
function runGitBytes(cwd, args, options = {}) {
  if (options.signal?.aborted) return Promise.reject(new Error("git was stopped: the run was cancelled"));
  return new Promise((resolve, reject) => {
    const { child, finished, kill } = spawnInGroup("git", [...HARDENED_CONFIG, ...args], {
      cwd,
      env: gitEnv(process.env, options.network),
      stdio: [options.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"]
    });
    const chunks = [];
    let stderr = "";
    child.stdout?.on("data", (chunk) => chunks.push(chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdin?.on("error", () => {
    });
    child.stdin?.end(options.input);
    const onAbort = /* @__PURE__ */ __name(() => kill(), "onAbort");
    options.signal?.addEventListener("abort", onAbort, { once: true });
    finished.then((end) => {
      options.signal?.removeEventListener("abort", onAbort);
      if (end.error) reject(end.error);
      else if (options.signal?.aborted) reject(new Error("git was stopped: the run was cancelled"));
      else resolve({ code: end.code ?? 1, stdout: Buffer.concat(chunks), stderr });
    });
  });
}
__name(runGitBytes, "runGitBytes");

// src/history/parse.ts
var import_ajv = __toESM(require_ajv(), 1);
var HISTORY_FILE_MAX_BYTES = 4 * 1024 * 1024;
var NAME = { type: "string", maxLength: 4e3 };
var number = { type: "number" };
var object = /* @__PURE__ */ __name((properties, required = []) => ({ type: "object", properties, required }), "object");
var revision = {
  ref: { type: "string", maxLength: 256 },
  // Links to /commit/<sha> use it raw: hex only (SHA-1 or SHA-256 object names).
  sha: { type: "string", pattern: "^([0-9a-f]{40}|[0-9a-f]{64})$" }
};
var mover = object(
  { name: NAME, file: NAME, package: NAME, deltaNsPerOp: number, shareOfBenchmark: number },
  ["name", "file", "deltaNsPerOp"]
);
var benchmark = object(
  {
    name: NAME,
    file: NAME,
    status: { enum: ["regressed", "improved", "unchanged", "added", "removed", "failed"] },
    change: number,
    ci: { type: "array", items: number, minItems: 2, maxItems: 2 },
    baseNs: number,
    headNs: number,
    // A newer flamegate may keep more movers; this one shows at most 5 but reads up to 50.
    movers: { type: "array", items: mover, maxItems: 50 }
  },
  ["name", "file", "status", "movers"]
);
var schema = object(
  {
    schemaVersion: { const: 1 },
    // ISO 8601 in UTC, as entryFromReport writes it: the listing sorts by it.
    time: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$" },
    commit: object(revision, ["ref", "sha"]),
    anchor: object({ ...revision, tag: { type: "string", maxLength: 256 } }, ["ref", "sha"]),
    verdict: { enum: ["pass", "fail"] },
    drift: number,
    // The page links to it: a web address only, never `javascript:`.
    runUrl: { type: "string", maxLength: 2e3, pattern: "^https?://" },
    benchmarks: { type: "array", items: benchmark, maxItems: 2e4 }
  },
  ["schemaVersion", "time", "commit", "anchor", "verdict", "benchmarks"]
);
var compiled;
var validator = /* @__PURE__ */ __name(() => compiled ??= new import_ajv.Ajv({ allErrors: false, strict: true, removeAdditional: "all" }).compile(schema), "validator");
var HistoryFileError = class extends Error {
  static {
    __name(this, "HistoryFileError");
  }
  name = "HistoryFileError";
};
function parseHistoryEntry(text, name) {
  const size = typeof text === "string" ? Buffer.byteLength(text) : text.length;
  if (size > HISTORY_FILE_MAX_BYTES) {
    throw new HistoryFileError(
      `${name} is ${size} bytes, more than a history file holds (${HISTORY_FILE_MAX_BYTES})`
    );
  }
  let raw;
  try {
    raw = JSON.parse(typeof text === "string" ? text : text.toString("utf8"));
  } catch (error) {
    throw new HistoryFileError(`${name} is not JSON: ${error.message}`);
  }
  const validate = validator();
  if (!validate(raw)) {
    throw new HistoryFileError(`${name} is not a flamegate history entry: ${describe(validate.errors?.[0])}`);
  }
  const entry = raw;
  if (Number.isNaN(Date.parse(entry.time))) {
    throw new HistoryFileError(`${name} is not a flamegate history entry: field "time" is not a date`);
  }
  return entry;
}
__name(parseHistoryEntry, "parseHistoryEntry");
function describe(error) {
  if (!error) return "unknown schema error";
  const path = error.instancePath.replace(/^\//, "") || "(top level)";
  if (error.keyword === "required") {
    return `field "${path}" is missing "${error.params.missingProperty}"`;
  }
  return `field "${path}" ${error.message ?? "is invalid"}`;
}
__name(describe, "describe");

// src/history/store.ts
var AUTHOR = ["-c", "user.name=flamegate", "-c", "user.email=flamegate@users.noreply.github.com"];
var MAX_FILES_READ = 2e4;
async function appendRun(repoDir, entry, options = {}) {
  const branch = options.branch ?? DEFAULT_HISTORY_BRANCH;
  const remote = options.remote ?? "origin";
  const maxRuns = options.maxRuns ?? DEFAULT_MAX_RUNS;
  const retries = options.retries ?? 5;
  checkNames(branch, remote);
  if (!Number.isInteger(maxRuns) || maxRuns < 1)
    throw new UsageError(`history: maxRuns must be a positive integer, not ${maxRuns}`);
  await checkRepository(repoDir);
  const name = runFileName(entry.time, entry.commit.sha, randomBytes(4).toString("hex"));
  const blob = await hashObject(repoDir, `${JSON.stringify(entry, null, 1)}
`);
  let lastRejection = "";
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    const tip = await fetchTip(repoDir, remote, branch);
    const built = await buildCommit(repoDir, tip, { name, blob, entry, maxRuns, page: options.page });
    await options.beforePush?.(attempt);
    const pushed = await push(repoDir, remote, branch, built.commit);
    if (pushed.ok)
      return { commit: built.commit, file: `${RUNS_DIR}/${name}`, pruned: built.pruned, attempts: attempt };
    lastRejection = pushed.reason;
    if (attempt <= retries) await sleep(50 + Math.random() * 200 * attempt);
  }
  throw new UsageError(
    `history: could not push to branch "${branch}" of ${remote} after ${retries + 1} attempt${retries === 0 ? "" : "s"}, other runs kept pushing first (last: ${lastRejection})`
  );
}
__name(appendRun, "appendRun");
async function readHistory(repoDir, options = {}) {
  const branch = options.branch ?? DEFAULT_HISTORY_BRANCH;
  const remote = options.remote ?? "origin";
  checkNames(branch, remote);
  await checkRepository(repoDir);
  let tip;
  if (options.fetch) {
    tip = await fetchTip(repoDir, remote, branch);
    if (tip === void 0)
      throw new UsageError(`no history branch "${branch}" on ${remote}: no track run has pushed one yet`);
  } else {
    tip = await revParse(repoDir, `refs/remotes/${remote}/${branch}`) ?? await revParse(repoDir, `refs/heads/${branch}`);
    if (tip === void 0) {
      throw new UsageError(
        `no history branch "${branch}" in ${repoDir} (neither ${remote}/${branch} nor a local ${branch}); fetch it with --fetch, or check the name with --branch`
      );
    }
  }
  return { commit: tip, ...await readEntries(repoDir, tip) };
}
__name(readHistory, "readHistory");
async function buildCommit(repoDir, tip, run) {
  const root = tip === void 0 ? [] : await listTree(repoDir, tip);
  const runsTree = root.find((e) => e.name === RUNS_DIR && e.type === "tree");
  const runs = runsTree === void 0 ? [] : await listTree(repoDir, runsTree.sha);
  const withNew = [
    ...runs.filter((e) => e.name !== run.name),
    { mode: "100644", type: "blob", sha: run.blob, size: void 0, name: run.name }
  ];
  const pruned = runFilesToPrune(
    withNew.map((e) => e.name),
    run.maxRuns
  );
  const prunedSet = new Set(pruned);
  const kept = withNew.filter((e) => !prunedSet.has(e.name));
  const newRunsTree = await makeTree(repoDir, kept);
  const newRoot = root.filter((e) => e.name !== RUNS_DIR && !(run.page && e.name === PAGE_FILE));
  newRoot.push({ mode: "040000", type: "tree", sha: newRunsTree, size: void 0, name: RUNS_DIR });
  if (run.page) {
    const { entries } = await readEntries(repoDir, void 0, kept);
    newRoot.push({
      mode: "100644",
      type: "blob",
      sha: await hashObject(repoDir, run.page(entries)),
      size: void 0,
      name: PAGE_FILE
    });
  }
  const tree = await makeTree(repoDir, newRoot);
  const when = run.entry.time;
  const message = `flamegate: run of ${run.entry.commit.sha.slice(0, 7)} at ${when}${pruned.length ? ` (pruned ${pruned.length} old run${pruned.length === 1 ? "" : "s"})` : ""}
`;
  const commit = await gitText(
    repoDir,
    [
      ...AUTHOR,
      "commit-tree",
      // A configured commit.gpgSign would run gpg: the branch's commits are never signed.
      "--no-gpg-sign",
      ...tip === void 0 ? [] : ["-p", tip],
      "-F",
      "-",
      tree
    ],
    message
  );
  return { commit, pruned };
}
__name(buildCommit, "buildCommit");
async function fetchTip(repoDir, remote, branch) {
  const tracking = `refs/remotes/${remote}/${branch}`;
  const fetched = await runGitBytes(
    repoDir,
    ["fetch", "--no-tags", "--depth=1", remote, `+refs/heads/${branch}:${tracking}`],
    {
      network: true
    }
  );
  if (fetched.code === 0) return revParse(repoDir, tracking);
  const listed = await runGitBytes(repoDir, ["ls-remote", "--exit-code", remote, `refs/heads/${branch}`], {
    network: true
  });
  if (listed.code === 2) return void 0;
  throw new UsageError(
    `history: could not fetch branch "${branch}" from ${remote}: ${tail(fetched.stderr, 3).replace(/\n/g, " ")}`
  );
}
__name(fetchTip, "fetchTip");
async function push(repoDir, remote, branch, commit) {
  const pushed = await runGitBytes(
    repoDir,
    ["push", "--porcelain", "--no-verify", remote, `${commit}:refs/heads/${branch}`],
    {
      network: true
    }
  );
  if (pushed.code === 0) return { ok: true };
  const refused = pushed.stdout.toString("utf8").split("\n").find((line) => line.startsWith("!	"));
  if (refused) return { ok: false, reason: refused.split("	").slice(2).join(" ").trim() };
  throw new UsageError(
    `history: could not push branch "${branch}" to ${remote} (the workflow needs \`permissions: contents: write\`): ` + tail(pushed.stderr, 3).replace(/\n/g, " ")
  );
}
__name(push, "push");
async function readEntries(repoDir, tip, listing) {
  let runs = listing;
  if (runs === void 0) {
    const root = tip === void 0 ? [] : await listTree(repoDir, tip);
    const runsTree = root.find((e) => e.name === RUNS_DIR && e.type === "tree");
    runs = runsTree === void 0 ? [] : await listTree(repoDir, runsTree.sha);
  }
  const bad = [];
  const wanted = [];
  const candidates = runs.filter((e) => e.name.endsWith(".json")).sort((a, b) => a.name < b.name ? 1 : -1);
  for (const [index, file] of candidates.entries()) {
    const path = `${RUNS_DIR}/${file.name}`;
    if (index >= MAX_FILES_READ)
      bad.push({ file: path, message: `${path} was not read: more than ${MAX_FILES_READ} run files` });
    else if (file.type !== "blob") bad.push({ file: path, message: `${path} is not a file` });
    else if (file.size !== void 0 && file.size > HISTORY_FILE_MAX_BYTES)
      bad.push({
        file: path,
        message: `${path} is ${file.size} bytes, more than a history file holds (${HISTORY_FILE_MAX_BYTES})`
      });
    else wanted.push(file);
  }
  const blobs = await readBlobs(
    repoDir,
    wanted.map((e) => e.sha)
  );
  const entries = [];
  for (const file of wanted) {
    const path = `${RUNS_DIR}/${file.name}`;
    const content = blobs.get(file.sha);
    if (content === void 0) {
      bad.push({ file: path, message: `${path} could not be read from git` });
      continue;
    }
    try {
      entries.push({ entry: parseHistoryEntry(content, path), file: file.name });
    } catch (error) {
      bad.push({ file: path, message: error.message });
    }
  }
  entries.sort((a, b) => compare(a.entry.time, b.entry.time) || compare(a.file, b.file));
  bad.sort((a, b) => compare(a.file, b.file));
  return { entries: entries.map((e) => e.entry), bad };
}
__name(readEntries, "readEntries");
function compare(a, b) {
  const da = Date.parse(a);
  const db = Date.parse(b);
  if (!Number.isNaN(da) && !Number.isNaN(db) && da !== db) return da - db;
  return a < b ? -1 : a > b ? 1 : 0;
}
__name(compare, "compare");
async function listTree(repoDir, treeish) {
  const out = await gitBytes(repoDir, ["ls-tree", "-z", "-l", treeish]);
  const entries = [];
  for (const record of out.toString("utf8").split("\0")) {
    if (!record) continue;
    const match = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(record);
    if (!match) continue;
    const [, mode = "", type = "", sha = "", size = "-", name = ""] = match;
    entries.push({ mode, type, sha, size: size === "-" ? void 0 : Number(size), name });
  }
  return entries;
}
__name(listTree, "listTree");
async function makeTree(repoDir, entries) {
  const input = entries.map((e) => `${e.mode} ${e.type} ${e.sha}	${e.name}\0`).join("");
  return gitText(repoDir, ["mktree", "-z"], input);
}
__name(makeTree, "makeTree");
async function hashObject(repoDir, content) {
  return gitText(repoDir, ["hash-object", "-w", "--no-filters", "--stdin"], content);
}
__name(hashObject, "hashObject");
async function readBlobs(repoDir, shas) {
  const blobs = /* @__PURE__ */ new Map();
  const unique = [...new Set(shas)];
  if (unique.length === 0) return blobs;
  const out = await gitBytes(repoDir, ["cat-file", "--batch"], `${unique.join("\n")}
`);
  let at = 0;
  while (at < out.length) {
    const lineEnd = out.indexOf(10, at);
    if (lineEnd < 0) break;
    const header = out.subarray(at, lineEnd).toString("utf8");
    at = lineEnd + 1;
    const match = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
    if (!match) continue;
    const size = Number(match[3]);
    if (match[2] === "blob") blobs.set(match[1] ?? "", out.subarray(at, at + size));
    at += size + 1;
  }
  return blobs;
}
__name(readBlobs, "readBlobs");
async function revParse(repoDir, ref) {
  const result = await runGitBytes(repoDir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  return result.code === 0 ? result.stdout.toString("utf8").trim() : void 0;
}
__name(revParse, "revParse");
async function checkRepository(repoDir) {
  const result = await runGitBytes(repoDir, ["rev-parse", "--git-dir"]).catch(
    (error) => ({ code: 1, stdout: Buffer.alloc(0), stderr: error.message })
  );
  if (result.code !== 0)
    throw new UsageError(`${repoDir} is not a git repository (the history branch is read from one)`);
}
__name(checkRepository, "checkRepository");
function checkNames(branch, remote) {
  if (!/^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]{1,200}(?<![/.])$/.test(branch) || branch.endsWith(".lock")) {
    throw new UsageError(
      `history: "${branch}" is not a branch name flamegate uses (letters, digits, . _ - /)`
    );
  }
  if (!/^(?!-)[A-Za-z0-9._-]{1,100}$/.test(remote))
    throw new UsageError(`history: "${remote}" is not a remote name`);
}
__name(checkNames, "checkNames");
async function gitBytes(repoDir, args, input) {
  const result = await runGitBytes(repoDir, args, input === void 0 ? {} : { input });
  if (result.code !== 0) {
    throw new UsageError(
      `history: \`git ${args.join(" ")}\` failed: ${tail(result.stderr, 3).replace(/\n/g, " ")}`
    );
  }
  return result.stdout;
}
__name(gitBytes, "gitBytes");
async function gitText(repoDir, args, input) {
  return (await gitBytes(repoDir, args, input)).toString("utf8").trim();
}
__name(gitText, "gitText");

export {
  DEFAULT_HISTORY_BRANCH,
  spawnInGroup,
  stopAllGroups,
  interruptOnSignals,
  describeExit,
  fatalLine,
  exec,
  runGit,
  git,
  appendRun,
  readHistory
};
