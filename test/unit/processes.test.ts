// Process groups with real processes: a command is done at its exit plus a grace for its pipes, and
// whatever it left behind (in its group, or escaped with setsid) is killed; timeouts and aborts kill
// the whole group. Plus the messages a crash and a timeout produce, and the config key for timeouts.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { crashMessage } from '../../src/measure/child-process.js';
import { describeExit, fatalLine, PIPE_GRACE_MS, stopAllGroups } from '../../src/processes.js';
import { UsageError } from '../../src/settings.js';
import { exec } from '../../src/workspace/exec.js';

/** Live processes whose command line contains `marker`. */
function alive(marker: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) found.push(Number(pid));
    } catch {
      // ended meanwhile
    }
  }
  return found;
}

let markers = 0;
const marker = () => `flamegate-unit-sleeper-${process.pid}-${++markers}`;
const sleeper = (name: string) => `"${process.execPath}" -e "setTimeout(() => {}, 300000)" ${name}`;

describe.runIf(process.platform === 'linux')('exec: process groups', () => {
  it('is done when the command exits, though a grandchild holds its stdout; the grandchild is killed', async () => {
    const inGroup = marker();
    const escaped = marker();
    const started = Date.now();
    const result = await exec('sh', ['-c', `${sleeper(inGroup)} & setsid ${sleeper(escaped)} & echo built`], {
      cwd: process.cwd(),
      sweep: true,
    });
    expect(result).toMatchObject({ code: 0, signal: null, timedOut: false, stdout: 'built\n' });
    expect(Date.now() - started).toBeLessThan(PIPE_GRACE_MS + 3000);
    expect(alive(inGroup)).toEqual([]);
    expect(alive(escaped)).toEqual([]);
  });

  it('kills the whole group at the timeout and says so', async () => {
    const name = marker();
    const result = await exec('sh', ['-c', `${sleeper(name)} & ${sleeper(name)}`], {
      cwd: process.cwd(),
      timeoutMs: 300,
    });
    expect(result.timedOut).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    expect(alive(name)).toEqual([]);
  });

  it('kills the whole group on abort and rejects with an AbortError', async () => {
    const name = marker();
    const controller = new AbortController();
    const running = exec('sh', ['-c', `${sleeper(name)} & ${sleeper(name)}`], {
      cwd: process.cwd(),
      signal: controller.signal,
    });
    while (alive(name).length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(alive(name)).toEqual([]);
  });

  it('stopAllGroups kills every live group and waits for it', async () => {
    const name = marker();
    const running = exec('sh', ['-c', sleeper(name)], { cwd: process.cwd() });
    while (alive(name).length < 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await stopAllGroups()).toBe(1);
    expect(alive(name)).toEqual([]);
    expect((await running).signal).toBe('SIGKILL');
  });
});

// What V8 prints when a benchmark exhausts its heap (Node 20; Node 24 alike), cut short.
const OOM_OUTPUT = `<--- Last few GCs --->

[5626:0x2bfcfe20]       52 ms: Mark-Compact 16.3 (32.8) -> 16.3 (48.8) MB, 4.32 / 0.00 ms  allocation failure

<--- JS stacktrace --->

FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
----- Native stack trace -----

 1: 0xb78db3 node::OOMErrorHandler(char const*, v8::OOMDetails const&) [node]
 2: 0xee8300 v8::Utils::ReportOOMFailure(v8::internal::Isolate*, char const*, v8::OOMDetails const&) [node]`;

describe('crash messages', () => {
  it('names the signal, and an unexplained SIGKILL as the likely out-of-memory killer', () => {
    expect(describeExit(3, null)).toBe('exited with code 3');
    expect(describeExit(null, 'SIGABRT')).toBe('was killed by SIGABRT');
    expect(describeExit(null, 'SIGKILL')).toBe('was killed by SIGKILL (likely the out-of-memory killer)');
  });

  it("quotes V8's fatal line and leaves out the native stack trace", () => {
    expect(fatalLine(OOM_OUTPUT)).toBe(
      'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
    );
    expect(fatalLine('Error: boom\n    at x (a.js:1:1)')).toBeUndefined();
    const message = crashMessage(OOM_OUTPUT, null, 'SIGABRT');
    expect(message.split('\n')[0]).toBe(
      'the benchmark process was killed by SIGABRT before it finished: FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
    );
    expect(message).not.toContain('OOMErrorHandler');
    expect(crashMessage('', 70, null)).toBe('the benchmark process exited with code 70 before it finished');
  });
});

describe('config: timeouts', () => {
  it('reads install and build timeouts in minutes', () => {
    expect(parseConfig('timeouts: { install: 45, build: 2.5 }', 'f.yml').timeouts).toEqual({
      install: 45,
      build: 2.5,
    });
    expect(parseConfig('', 'f.yml').timeouts).toBeUndefined();
  });

  it('names a bad timeout', () => {
    for (const [text, named] of [
      ['timeouts: { install: 0 }', 'timeouts.install'],
      ['timeouts: { test: 5 }', 'timeouts.test'],
    ] as const) {
      expect(() => parseConfig(text, 'f.yml')).toThrow(UsageError);
      expect(() => parseConfig(text, 'f.yml')).toThrow(named);
    }
  });
});
