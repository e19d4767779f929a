// The error of a command that failed (git, install, build): a message with the command and the tail
// of its output, which is what a user needs to fix it. Apart from exec.ts so that the entry points can
// tell it from other errors without loading node:child_process (~4 ms of every `flamegate` start).

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function tail(text: string, lines = 20): string {
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    readonly what: string,
    readonly command: string,
    readonly result: ExecResult,
    /** How the command ended, when not by an exit code ("was killed by SIGKILL", "was stopped after…"). */
    ending = `exited with code ${result.code}`,
  ) {
    const output = tail(`${result.stdout}\n${result.stderr}`.trim());
    super(`${what}: \`${command}\` ${ending}${output ? `\n${indent(output)}` : ''}`);
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
