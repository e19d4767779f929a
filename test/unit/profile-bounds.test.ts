// The .cpuprofile and folded readers on malformed and extreme input: a call tree that names unknown
// nodes or times samples with no number is refused, naming what is wrong; a 20,000-deep call tree is
// read in one pass over its nodes; a folded line is read whole, however long.
import { describe, expect, it } from 'vitest';
import { deepChain } from '../../scripts/hostile-inputs.mjs';
import { decodeProfile } from '../../src/profile/decode.js';

const node = (id: number, children: number[] = []) => ({
  id,
  callFrame: { functionName: `f${id}`, url: 'file:///a.js', lineNumber: id },
  children,
});
const tree = [node(1, [2]), node(2, [3]), node(3)];

/** decodeProfile on a .cpuprofile's JSON. */
function read(profile: unknown) {
  return decodeProfile(Buffer.from(JSON.stringify(profile)));
}

describe('.cpuprofile input that is not what V8 writes', () => {
  it('refuses a sample of a node id that is not in the tree', () => {
    expect(() => read({ nodes: tree, samples: [3, 99], timeDeltas: [10, 10] })).toThrow(
      "samples[1] is 99, which is no node's id",
    );
  });

  it('refuses a child id that is not in the tree', () => {
    expect(() => read({ nodes: [node(1, [2]), node(2, [7])], samples: [2], timeDeltas: [10] })).toThrow(
      "node 2 lists child 7, which is no node's id",
    );
  });

  it('refuses a time delta that is not a number, and samples without one delta each', () => {
    expect(() => read({ nodes: tree, samples: [3, 3], timeDeltas: [10, 'x'] })).toThrow(
      'timeDeltas[1] is "x", not a number of microseconds',
    );
    expect(() => read({ nodes: tree, samples: [3, 3], timeDeltas: [10, null] })).toThrow(
      'timeDeltas[1] is null',
    );
    expect(() => read({ nodes: tree, samples: [3, 3, 3], timeDeltas: [10, 10] })).toThrow(
      'it has 3 samples but 2 timeDeltas',
    );
  });

  it('reads a negative delta as V8 writes one (a sample taken out of order) without refusing it', () => {
    const { profile } = read({ nodes: tree, samples: [3, 2, 3], timeDeltas: [0, 100, -5] });
    expect(Array.from(profile.samples)).toEqual([1, 2]);
    // A sample lasts until the next: the one followed by the −5 µs delta lasts 0, not −5 µs.
    expect(Array.from(profile.values)).toEqual([0, 100_000]);
  });

  it('refuses a cycle and a node listed twice', () => {
    expect(() => read({ nodes: [node(1, [2]), node(2, [1])], samples: [2], timeDeltas: [1] })).toThrow(
      'cycle',
    );
    expect(() => read({ nodes: [node(1), node(1)], samples: [1], timeDeltas: [1] })).toThrow(
      'node id 1 appears twice',
    );
  });
});

describe('a 20,000-deep .cpuprofile call tree', () => {
  it('is read in one pass when its leaf holds the time', () => {
    const chain = deepChain({ depth: 20_000 });
    const started = performance.now();
    const { profile } = decodeProfile(chain);
    const seconds = (performance.now() - started) / 1000;
    console.log(`20,000-deep chain, leaf sampled: read in ${seconds.toFixed(3)} s`);
    expect(profile.stackStart.length - 1).toBe(1);
    expect(profile.stackFrames.length).toBe(20_000);
    expect(seconds).toBeLessThan(5);
  });

  it('is refused at the cap on frames, before any stack is made, when every node holds time', () => {
    const chain = deepChain({ depth: 20_000, everyNode: true });
    const started = performance.now();
    expect(() => decodeProfile(chain)).toThrow(
      "it holds 200,010,000 frames over all its stacks, over flamegate's cap of 64,000,000",
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`20,000-deep chain, every node sampled (200 M frames): refused in ${seconds.toFixed(3)} s`);
    expect(seconds).toBeLessThan(5);
  });
});

describe('folded stacks with long lines', () => {
  it('reads a file whose first line is longer than 4 kB', () => {
    const deep = Array.from({ length: 600 }, (_, i) => `frame_number_${i}`).join(';');
    expect(deep.length).toBeGreaterThan(4096);
    const { format, profile } = decodeProfile(Buffer.from(`${deep} 7\nmain 1\n`));
    expect(format).toBe('folded');
    expect(profile.stackStart[1]).toBe(600);
    expect(Array.from(profile.samples)).toEqual([7, 1]);
  });
});
