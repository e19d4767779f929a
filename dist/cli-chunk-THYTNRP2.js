import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/cli/options.ts
import { parseArgs } from "node:util";
var HELP_OPTION = {
  name: "help",
  type: "boolean",
  short: "h",
  help: "print this command's help and exit"
};
function parseOptions(args, specs, allowPositionals) {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals,
    options: parseArgsOptions(specs)
  });
  return { values, positionals };
}
__name(parseOptions, "parseOptions");
function parseArgsOptions(specs) {
  const options = {};
  for (const spec of specs) {
    options[spec.name] = {
      type: spec.type,
      ...spec.short ? { short: spec.short } : {},
      ...spec.multiple ? { multiple: true } : {},
      ...spec.default !== void 0 ? { default: spec.default } : {}
    };
  }
  return options;
}
__name(parseArgsOptions, "parseArgsOptions");
function optionLines(specs, column) {
  const indent = " ".repeat(column);
  return specs.map((spec) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ""}--${spec.name}${spec.arg ? ` ${spec.arg}` : ""}`;
    const head = `  ${flag}`;
    const [first = "", ...rest] = spec.help.split("\n");
    const lead = head.length < column ? head.padEnd(column) : `${head}  `;
    return [`${lead}${first}`, ...rest.map((line) => `${indent}${line}`)].join("\n");
  }).join("\n");
}
__name(optionLines, "optionLines");
function asksForHelp(args) {
  for (const arg of args) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}
__name(asksForHelp, "asksForHelp");

export {
  HELP_OPTION,
  parseOptions,
  optionLines,
  asksForHelp
};
