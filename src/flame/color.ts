// Differential colouring: a frame's colour says how its SELF time per op changed, red for grew and blue
// for shrank (the convention of Brendan Gregg's differential flame graphs). Intensity is the change as a
// share of the benchmark's time per op, not of the frame's own time, so that a 3x change in a frame
// that costs nothing does not shout louder than a 5% change in the hot loop.

export type Change = 'grew' | 'shrank' | 'same';

export interface ColorScale {
  /** Changes smaller than this share of the benchmark total read as unchanged. */
  noise: number;
  /** A change of this share of the benchmark total gets the full colour. */
  saturate: number;
}

export const DEFAULT_SCALE: ColorScale = { noise: 0.001, saturate: 0.05 };

export function changeOf(delta: number, total: number, scale: ColorScale = DEFAULT_SCALE): Change {
  if (!(total > 0)) return delta > 0 ? 'grew' : delta < 0 ? 'shrank' : 'same';
  const share = delta / total;
  if (share > scale.noise) return 'grew';
  if (share < -scale.noise) return 'shrank';
  return 'same';
}

/** 0..1: how strongly to colour a change. */
export function intensityOf(delta: number, total: number, scale: ColorScale = DEFAULT_SCALE): number {
  if (!(total > 0)) return delta === 0 ? 0 : 1;
  const share = Math.abs(delta) / total;
  if (share <= scale.noise) return 0;
  // The square root keeps small but real changes visible next to one dominant change.
  return Math.min(1, Math.sqrt((share - scale.noise) / (scale.saturate - scale.noise)));
}

/** Fill colour for a frame whose self value changed by `delta` per op in a benchmark of `total` per op (one unit). */
export function deltaColor(delta: number, total: number, scale: ColorScale = DEFAULT_SCALE): string {
  const change = changeOf(delta, total, scale);
  // Unchanged frames are light grey rather than white so that they still read as boxes.
  if (change === 'same') return 'rgb(224,224,224)';
  const i = intensityOf(delta, total, scale);
  // Faint changes start from a clearly tinted colour, never from the grey of "unchanged".
  const t = 0.25 + 0.75 * i;
  const strong = 255;
  const weak = Math.round(215 * (1 - t));
  return change === 'grew'
    ? `rgb(${strong},${weak},${weak})`
    : `rgb(${weak},${weak + Math.round(40 * (1 - t))},${strong})`;
}

/** Black or white, whichever reads better on `fill` (an `rgb(r,g,b)` string). */
export function textColor(fill: string): string {
  const m = /rgb\((\d+),(\d+),(\d+)\)/.exec(fill);
  if (!m) return 'rgb(0,0,0)';
  const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Relative luminance with the sRGB weights; the saturated blues of "shrank" need white text.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110 ? 'rgb(255,255,255)' : 'rgb(0,0,0)';
}

/** Neutral colours by frame kind, for the plain base and head views. */
export const KIND_COLORS: Record<string, string> = {
  user: 'rgb(240,160,60)',
  dependency: 'rgb(200,190,70)',
  node: 'rgb(110,190,110)',
  runtime: 'rgb(170,170,190)',
  harness: 'rgb(190,150,210)',
};
