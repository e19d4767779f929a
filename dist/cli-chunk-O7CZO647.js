import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/workspace/command-error.ts
function tail(text, lines = 20) {
  const all = text.trimEnd().split("\n");
  return all.slice(-lines).join("\n");
}
__name(tail, "tail");
var CommandError = class extends Error {
  constructor(what, command, result, ending = `exited with code ${result.code}`) {
    const output = tail(`${result.stdout}
${result.stderr}`.trim());
    super(`${what}: \`${command}\` ${ending}${output ? `
${indent(output)}` : ""}`);
    this.what = what;
    this.command = command;
    this.result = result;
  }
  what;
  command;
  result;
  static {
    __name(this, "CommandError");
  }
  name = "CommandError";
};
function indent(text) {
  return text.split("\n").map((line) => `    ${line}`).join("\n");
}
__name(indent, "indent");

export {
  tail,
  CommandError
};
