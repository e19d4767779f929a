// Two profiles of the same code run from two folders: functions must still meet their namesake.
import { describe, expect, it } from 'vitest';
import { alignSides, sideRoots } from '../../src/flame/align.js';
import { sideStacks } from '../../src/flame/side.js';
import { mergeSides } from '../../src/flame/tree.js';
import type { Frame, PackedProfile } from '../../src/model.js';
import { packProfile } from '../helpers/stacks.js';

const frame = (name: string, file: string, kind: Frame['kind'] = 'user'): Frame => ({
  name,
  file,
  line: 1,
  kind,
});

/** One stack main → work → leaf per entry, `ns` each. */
function profile(files: { main: string; leaf: string; leafName?: string }, ns: number[]): PackedProfile {
  const frames = [
    frame('main', files.main),
    frame(files.leafName ?? 'parse', files.leaf),
    frame('(garbage collector)', '', 'runtime'),
    frame('readFile', 'node:fs', 'node'),
  ];
  return packProfile({
    frames,
    stacks: [
      { frames: [0, 1], value: ns[0] ?? 0, samples: 1 },
      { frames: [0, 3], value: ns[1] ?? 0, samples: 1 },
      { frames: [2], value: 5, samples: 1 },
    ],
    ops: 1,
  });
}

describe('alignSides', () => {
  it('finds the folders two copies of the code ran from, below their first differing folder', () => {
    expect(sideRoots(['/w/v1/src/a.js', '/w/v1/src/lib/b.js'], ['/w/v2/src/a.js'])).toEqual({
      base: '/w/v1',
      head: '/w/v2',
    });
    // Relative paths (already stripped of the working directory) too.
    expect(sideRoots(['base/app.js'], ['head/app.js'])).toEqual({ base: 'base', head: 'head' });
    // One tree, one side deeper in it, or no file: nothing to align.
    expect(sideRoots(['/w/src/a.js'], ['/w/src/a.js'])).toBeUndefined();
    expect(sideRoots(['/w/a.js'], ['/w/src/deep/b.js'])).toBeUndefined();
    expect(sideRoots([], ['/w/a.js'])).toBeUndefined();
  });

  it('pairs every function of two checkouts, so only the changed one moves', () => {
    const base = sideStacks(
      profile({ main: '/ck/base/src/main.js', leaf: '/ck/base/src/parse.js' }, [100, 20]),
    );
    const head = sideStacks(
      profile({ main: '/ck/head/src/main.js', leaf: '/ck/head/src/parse.js' }, [160, 20]),
    );
    const aligned = alignSides(base, head);
    expect(aligned.roots).toEqual({ base: '/ck/base', head: '/ck/head' });
    const tree = mergeSides(aligned.base, aligned.head);
    const parse = tree.functions.filter((f) => f.name === 'parse');
    expect(parse).toHaveLength(1);
    expect(parse[0]).toMatchObject({ file: 'src/parse.js', baseSelf: 100, headSelf: 160 });
    // Runtime frames and Node internals are untouched and still pair.
    expect(tree.functions.filter((f) => f.name === 'readFile')).toHaveLength(1);
    expect(tree.functions.find((f) => f.name === 'readFile')?.file).toBe('node:fs');
    // Without the alignment the same function was one removed and one added row.
    const unaligned = mergeSides(base, head).functions.filter((f) => f.name === 'parse');
    expect(unaligned).toHaveLength(2);
  });

  it('leaves profiles of one folder as they are', () => {
    const base = sideStacks(profile({ main: '/w/main.js', leaf: '/w/parse.js' }, [100, 20]));
    const head = sideStacks(profile({ main: '/w/main.js', leaf: '/w/parse.js' }, [150, 20]));
    const aligned = alignSides(base, head);
    expect(aligned.roots).toBeUndefined();
    expect(aligned.base).toBe(base);
    expect(aligned.head).toBe(head);
  });

  it('keeps the paths when moving them would pair no more functions', () => {
    // Different functions in different folders: aligning would invent no pair, so it is not done.
    const base = sideStacks(profile({ main: '/w/a/main.js', leaf: '/w/a/x.js', leafName: 'x' }, [100, 20]));
    const head = sideStacks(profile({ main: '/w/b/start.js', leaf: '/w/b/y.js', leafName: 'y' }, [100, 20]));
    const aligned = alignSides(base, head);
    expect(aligned.roots).toBeUndefined();
    expect(aligned.base.keys.map((k) => k.file)).toContain('/w/a/x.js');
  });
});
