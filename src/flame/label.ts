// Frame labels of the SVG flame graph, computed the same way when the SVG is drawn (server side) and
// when a click zooms it (in the browser, src/flame/browser/svg-viewer.ts).

/** SVG frame label font size, px. */
export const FONT_PX = 11;
/** Average glyph width of that font (Verdana), px. */
export const CHAR_W = FONT_PX * 0.59;

/** The label that fits a frame `w` px wide: the whole name, a truncated one ending in "..", or none. */
export function fitLabel(name: string, w: number, charW = CHAR_W): string {
  const chars = Math.floor((w - 6) / charW);
  if (chars < 3) return '';
  if (name.length <= chars) return name;
  return `${name.slice(0, chars - 2)}..`;
}
