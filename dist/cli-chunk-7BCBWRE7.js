import { createRequire as __fgCreateRequire } from 'node:module';
import { fileURLToPath as __fgFileURLToPath } from 'node:url';
import { dirname as __fgDirname } from 'node:path';
const require = __fgCreateRequire(import.meta.url);
const __fg_filename = __fgFileURLToPath(import.meta.url);
const __fg_dirname = __fgDirname(__fg_filename);
import {
  __name
} from "./cli-chunk-XYLEW4VM.js";

// src/workspace/exec.ts
import { spawn } from "node:child_process";
function exec(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      shell: options.shell ?? false,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      signal: options.signal
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
__name(exec, "exec");
function tail(text, lines = 20) {
  const all = text.trimEnd().split("\n");
  return all.slice(-lines).join("\n");
}
__name(tail, "tail");
var CommandError = class extends Error {
  constructor(what, command, result) {
    const output = tail(`${result.stdout}
${result.stderr}`.trim());
    super(`${what}: \`${command}\` exited with code ${result.code}${output ? `
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
async function git(cwd, args, signal) {
  const result = await exec("git", args, { cwd, signal });
  if (result.code !== 0) throw new CommandError("git failed", `git ${args.join(" ")}`, result);
  return result.stdout.trim();
}
__name(git, "git");

export {
  exec,
  CommandError,
  git
};
