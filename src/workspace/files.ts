// Finds benchmark files in a checkout by the config's globs. node_modules and .git are never searched.
// A file matched only by the default folder glob (`bench/`, `benchmark(s)/`, `perf/`) is a benchmark
// file when it imports a harness flamegate runs: those folders also hold helpers and data.
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_FOLDER_GLOB } from '../config/config.js';
import { importsAHarness } from '../harness-imports.js';

const NEVER = new Set(['node_modules', '.git']);
/** How much of a folder file is read to find its imports: imports come first, and a data file can be big. */
const HEAD_BYTES = 256 * 1024;

async function headOf(path: string): Promise<string> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return '';
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

export async function listBenchmarkFiles(dir: string, globs: string[], exclude: string[]): Promise<string[]> {
  const named = globs.filter((g) => g !== DEFAULT_FOLDER_GLOB);
  const include = named.length > 0 ? picomatch(named, { dot: false }) : () => false;
  const inFolder = globs.includes(DEFAULT_FOLDER_GLOB)
    ? picomatch(DEFAULT_FOLDER_GLOB, { dot: false })
    : () => false;
  const skip = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
  const found: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (NEVER.has(entry.name)) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skip(path)) await walk(path);
      } else if (entry.isFile() && !skip(path)) {
        if (include(path) || (inFolder(path) && importsAHarness(await headOf(join(dir, path)))))
          found.push(path);
      }
    }
  };
  await walk('');
  return found;
}
