// The runner's end-to-end tests start from fixtures/runner-lib copied as base and head, each with the
// repository's tinybench linked in, as an installed checkout would have it.
import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIB = fileURLToPath(new URL('../../fixtures/runner-lib', import.meta.url));
const TINYBENCH = fileURLToPath(new URL('../../node_modules/tinybench', import.meta.url));

/** A temp folder holding `base/` and `head/`, both copies of fixtures/runner-lib with tinybench. */
export function runnerLibSides(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const side of ['base', 'head']) {
    cpSync(LIB, join(dir, side), { recursive: true });
    mkdirSync(join(dir, side, 'node_modules'));
    symlinkSync(TINYBENCH, join(dir, side, 'node_modules/tinybench'));
  }
  return dir;
}
