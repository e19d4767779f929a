import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/settings.ts
import { basename, isAbsolute, posix, relative, sep } from "node:path";
var UsageError = class extends Error {
  static {
    __name(this, "UsageError");
  }
  name = "UsageError";
};
function splitList(value) {
  const items = [];
  let depth = 0;
  let item = "";
  for (const char of value) {
    if (char === "{") depth++;
    else if (char === "}") depth = Math.max(0, depth - 1);
    if (char === "\n" || char === "," && depth === 0) {
      items.push(item);
      item = "";
    } else item += char;
  }
  items.push(item);
  return items.map((s) => s.trim()).filter(Boolean);
}
__name(splitList, "splitList");
function reproduceArgs(settings, prefix) {
  const args = [];
  if (prefix) args.push("--cwd", prefix);
  const config = configArg(settings, prefix);
  if (config) args.push("--config", config);
  const o = settings.inputOverrides ?? {};
  for (const glob of o.benchmarks ?? []) args.push("--benchmarks", glob);
  if (o.install !== void 0) args.push("--install", o.install);
  if (o.build !== void 0) args.push("--build", o.build);
  const b = o.budget ?? {};
  const flags = [
    ["--processes", b.processes],
    ["--max-processes", b.maxProcesses],
    ["--max-minutes", b.maxMinutes],
    ["--parallel", b.parallel],
    ["--time", b.timePerProcessMs]
  ];
  for (const [flag, value] of flags) if (value !== void 0) args.push(flag, String(value));
  if (settings.packages?.length) args.push("--packages", settings.packages.join(","));
  if (settings.productionProfile) args.push("--production-profile", settings.productionProfile);
  if (settings.shard) args.push("--shard", `${settings.shard.index}/${settings.shard.count}`);
  return args;
}
__name(reproduceArgs, "reproduceArgs");
function configArg(settings, prefix) {
  const path = settings.configPath;
  if (path) {
    if (!isAbsolute(path)) return path;
    const inside = relative(settings.cwd, path);
    return inside.startsWith("..") || isAbsolute(inside) ? basename(path) : inside.split(sep).join("/");
  }
  const inRepo = settings.configInRepo;
  if (!inRepo || inRepo === ".github/flamegate.yml") return void 0;
  return posix.relative(prefix || ".", inRepo);
}
__name(configArg, "configArg");

export {
  UsageError,
  splitList,
  reproduceArgs
};
