// Where flamegate's own benchmark harness lives, for the measure stage (to start it) and the profile
// stage (to cut its frames off the stacks). One place, so moving the runner cannot leave a stale path.

/** File name of the bundled child runner; it sits next to cli.js and action.js. */
export const RUNNER_BUNDLE = 'runner.js';
/** The CommonJS preload every benchmark process starts with (`--require`, before the repository's). */
export const PRELOAD_BUNDLE = 'pristine-preload.cjs';

/** The runner's source folder, seen in stacks when flamegate runs from src/ (tests, development). */
export const RUNNER_SOURCE_DIR = 'src/measure/child';

/** The folder the bundles are built into (`npm run build`). */
export const BUNDLE_DIR = 'dist';

const SEP = '[\\\\/]';
const pathPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\//g, SEP);
const HARNESS = new RegExp(
  [
    // tinybench drives every task: its frames are above the user's code in every sample. The script
    // harnesses' own code runs only where a benchmark calls it (mitata's `do_not_optimize`).
    `(^|${SEP})node_modules${SEP}(tinybench|mitata|benchmark|bench-node)${SEP}`,
    `${SEP}${pathPattern(RUNNER_SOURCE_DIR)}${SEP}`,
    `${SEP}${pathPattern(BUNDLE_DIR)}${SEP}${pathPattern(RUNNER_BUNDLE)}$`,
  ].join('|'),
);

/** Whether a file in a stack belongs to the benchmark machinery (a harness or flamegate's runner). */
export function isHarnessFile(file: string): boolean {
  // Every harness path names one of these: a plain search rules out nearly every file before the
  // pattern runs (it ran for each of a 100k-sample profile's thousands of frames).
  if (
    !file.includes('tinybench') &&
    !file.includes('mitata') &&
    !file.includes('bench') &&
    !file.includes(RUNNER_BUNDLE) &&
    !file.includes('child')
  )
    return false;
  return HARNESS.test(file);
}
