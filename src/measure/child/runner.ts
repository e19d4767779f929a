// The child runner: a process started under the user's `node` that loads benchmark files from the
// base and head worktrees and runs one job (protocol.ts) on them. This file is the entry: it reads
// and checks the job, runs its kind's module (`jobs/`), and says `done`. Base and head share one
// process so that a pair of slices milliseconds apart sees the same machine speed (`slices.ts`);
// a benchmark file is loaded by its harness's adapter (`harness/`). Only `profiler.ts` imports the
// profiler, and the profile job starts it before any benchmark module loads.
import { readFileSync } from 'node:fs';
import type { Job } from '../protocol.js';
import { parseJob } from '../protocol-parse.js';
import { errorText } from './failures.js';
import { disposeLoaded } from './harness/load.js';
import { runAllocation } from './jobs/allocation.js';
import { runDiscover } from './jobs/discover.js';
import { runOverhead } from './jobs/overhead.js';
import { runProfile } from './jobs/profile.js';
import { runTiming } from './jobs/timing.js';
import { sendToParent } from './pristine.js';

/** Each job kind's module. */
const RUN: { [K in Job['kind']]: (job: Extract<Job, { kind: K }>) => Promise<void> } = {
  discover: runDiscover,
  timing: runTiming,
  profile: runProfile,
  overhead: runOverhead,
  allocation: runAllocation,
};

async function main(): Promise<void> {
  const jobFile = process.argv[2];
  if (!jobFile) throw new Error('usage: runner.js <job.json>');
  const job = parseJob(JSON.parse(readFileSync(jobFile, 'utf8')));
  await (RUN[job.kind] as (job: Job) => Promise<void>)(job);
  await disposeLoaded();
  await sendToParent({ type: 'done' });
  // Benchmarks may leave timers or sockets open; the parent has everything it needs.
  process.exit(0);
}

main().catch(async (error) => {
  process.stderr.write(`flamegate runner: ${errorText(error)}\n`);
  process.exit(70);
});
