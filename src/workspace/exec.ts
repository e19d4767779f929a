// Runs commands for the workspace stage and turns failures into messages that show the command and
// the tail of its output, which is what a user needs to fix an install or a build.
import { spawn } from 'node:child_process';
import type { ExecResult } from './command-error.js';

// Where the entry points and the other stages have always imported them from.
export { CommandError, type ExecResult, tail } from './command-error.js';

export interface ExecOptions {
  cwd: string;
  shell?: boolean;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export function exec(command: string, args: string[], options: ExecOptions): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      shell: options.shell ?? false,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: options.signal,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
