// Which script harness a benchmark file is written for (`src/harness-imports.ts` reads its imports),
// and whether the copy it would import is a version flamegate runs. A file is told the harness and the
// version it found, never another harness's error.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SCRIPT_HARNESSES, type ScriptHarness, scriptHarnessIn } from '../../../harness-imports.js';
import { findPackage } from '../vitest/resolve.js';

const sources = new Map<string, string | undefined>();
function sourceOf(file: string): string | undefined {
  if (!sources.has(file)) {
    let source: string | undefined;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      source = undefined;
    }
    sources.set(file, source);
  }
  return sources.get(file);
}

/** The script harness `file` is written for (read, not run). */
export function scriptHarnessOf(file: string): ScriptHarness | undefined {
  const source = sourceOf(file);
  return source === undefined ? undefined : scriptHarnessIn(source);
}

/**
 * Throws, naming the harness and the version found, when the copy of `harness` that `file` resolves
 * is missing or of a major version flamegate does not run (another major's API differs: mitata 0.x
 * has no generators or parameters, and its `run` takes other options).
 */
export function checkHarnessVersion(file: string, harness: ScriptHarness): void {
  const { title, majors, supported } = SCRIPT_HARNESSES[harness];
  const installed = findPackage(dirname(file), harness);
  if (!installed)
    throw new Error(
      `this file is written for ${title} (it imports '${harness}'), but ${harness} is not installed where the file can resolve it`,
    );
  const major = Number(/^(\d+)\./.exec(installed.version)?.[1]);
  if (!majors.includes(major))
    throw new Error(
      `this file is written for ${title} (it imports '${harness}'), and ${harness} ${installed.version} is installed: ` +
        `flamegate runs ${supported} files. Leave it out with "exclude" in .github/flamegate.yml, or update ${harness}.`,
    );
}
