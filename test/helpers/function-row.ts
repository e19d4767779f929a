// A changed-function row of a report, as the compare stage writes one, for tests of what reads rows.
import type { FunctionResult, FunctionStatus } from '../../src/model.js';

/** `name` in `file` whose self time moved by `change` (100 ns/op on base), a user function. */
export function functionRow(
  name: string,
  file: string,
  change: number,
  status: FunctionStatus,
  benchmark = 'bench/records.bench.js > parse records',
): FunctionResult {
  return {
    benchmark,
    name,
    file,
    line: 1,
    baseSelfNsPerOp: 100,
    headSelfNsPerOp: 100 * (1 + change),
    deltaNsPerOp: 100 * change,
    change,
    status,
    kind: 'user',
  };
}
