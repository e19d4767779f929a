// The flame-graph delta's entry point for the report stage and the `diff` command: one call per
// benchmark gives the merged tree and its three renderings.
import type { PackedProfile } from '../model.js';
import { type HtmlOptions, renderFlameHtml } from './html.js';
import { renderFlameSvg, type SvgOptions } from './svg.js';
import { renderFlameText } from './text.js';
import { type BenchmarkTiming, buildFlameTree, type CollapseOptions, type FlameTree } from './tree.js';

export { renderFlameHtml } from './html.js';
export { renderFlameSvg } from './svg.js';
export { renderFlameText } from './text.js';
export type { FlameFunction, FlameNode, FlameTree } from './tree.js';
export { buildFlameTree, flameFunctions } from './tree.js';

export interface FlameOutputOptions {
  /** Benchmark name, used in titles and the text summary. */
  title?: string;
  collapse?: CollapseOptions;
  /** Source links in the HTML viewer: `${repoUrl}/blob/${headSha}/${file}#L${line}`. */
  repoUrl?: string;
  headSha?: string;
  /** Character budget of the Markdown section; default 6000. */
  maxTextChars?: number;
  /** Most frames in the Markdown section; default 40. */
  maxTextFrames?: number;
  svg?: SvgOptions;
  html?: HtmlOptions;
  /** The benchmark's figures, leading every header (see `ValueOptions.timing`). */
  timing?: BenchmarkTiming;
}

export interface FlameDeltaRenderings {
  tree: FlameTree;
  /** Interactive SVG (two panels: sized by head, then by base). */
  svg: string;
  /** Self-contained HTML viewer. */
  html: string;
  /** Markdown `<details>` section for the PR comment, within maxTextChars. */
  text: string;
}

/** Merges base and head (either may be missing) and renders all outputs, in their sample type's unit. */
export function renderFlameOutputs(
  base: PackedProfile | undefined,
  head: PackedProfile | undefined,
  options: FlameOutputOptions = {},
): FlameDeltaRenderings {
  const tree = buildFlameTree(base, head, { collapse: options.collapse });
  const title = options.title ? `Flame graph delta: ${options.title}` : 'Flame graph delta';
  const timing = options.timing;
  const svg = renderFlameSvg(tree, { title, timing, ...options.svg });
  const html = renderFlameHtml(tree, {
    title,
    repoUrl: options.repoUrl,
    headSha: options.headSha,
    timing,
    ...options.html,
  });
  const text = renderFlameText(tree, {
    maxChars: options.maxTextChars ?? 6000,
    maxFrames: options.maxTextFrames,
    title: options.title,
    timing,
  });
  return { tree, svg, html, text };
}
