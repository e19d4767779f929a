// Finds benchmark files in a checkout by the config's globs. node_modules and .git are never searched.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';

const NEVER = new Set(['node_modules', '.git']);

export async function listBenchmarkFiles(dir: string, globs: string[], exclude: string[]): Promise<string[]> {
  const include = picomatch(globs, { dot: false });
  const skip = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
  const found: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (NEVER.has(entry.name)) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skip(path)) await walk(path);
      } else if (entry.isFile() && include(path) && !skip(path)) {
        found.push(path);
      }
    }
  };
  await walk('');
  return found;
}
