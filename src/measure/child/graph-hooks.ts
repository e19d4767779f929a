// Module hooks registered by the discover job only (src/measure/child/module-graph.ts): every import
// Node resolves is posted to the runner as a parent → child edge of file URLs, so the runner knows
// which files each benchmark file's imports reached. They run on Node's hooks thread; the port is the
// one way back. A `flamegate-graph-flush:<n>` import is answered with an empty module after all the
// edges posted before it, so the runner can wait until it has every edge of a file it loaded.
import type { MessagePort } from 'node:worker_threads';

export const FLUSH_PREFIX = 'flamegate-graph-flush:';

interface ResolveContext {
  parentURL?: string;
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string }>;

let port: MessagePort | undefined;

export function initialize(data: { port: MessagePort }): void {
  port = data.port;
}

export async function resolve(
  specifier: string,
  context: ResolveContext,
  nextResolve: NextResolve,
): Promise<unknown> {
  if (specifier.startsWith(FLUSH_PREFIX)) {
    port?.postMessage({ flush: specifier.slice(FLUSH_PREFIX.length) });
    return { url: `data:text/javascript,//${encodeURIComponent(specifier)}`, shortCircuit: true };
  }
  const resolved = await nextResolve(specifier, context);
  if (context.parentURL?.startsWith('file:') && resolved.url.startsWith('file:'))
    port?.postMessage({ from: context.parentURL, to: resolved.url });
  return resolved;
}
