// Module hooks that strip TypeScript types on Node versions without built-in type stripping, using
// the same stripper Node itself ships (amaro), so a .ts benchmark behaves as it would on Node 24.
import { readFile } from 'node:fs/promises';
import { transformSync } from 'amaro';

interface LoadContext {
  format?: string;
}
type NextLoad = (url: string, context: LoadContext) => Promise<unknown>;

export async function load(url: string, context: LoadContext, nextLoad: NextLoad): Promise<unknown> {
  if (url.startsWith('file:') && /\.(m|c)?ts$/.test(new URL(url).pathname)) {
    const source = await readFile(new URL(url), 'utf8');
    const { code } = transformSync(source, { mode: 'strip-only' });
    return { format: url.endsWith('.cts') ? 'commonjs' : 'module', source: code, shortCircuit: true };
  }
  return nextLoad(url, context);
}
