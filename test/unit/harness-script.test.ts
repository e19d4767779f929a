// The pure parts of the script harnesses: mitata's parameter combinations in mitata's own order, the
// identity a benchmark gets, names told apart, and the instrumentation of mitata's entry (refused,
// never guessed, for a layout that is not 1.x's).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { combinations } from '../../src/measure/child/harness/mitata.js';
import { instrumentMitata, MITATA_ENTRY } from '../../src/measure/child/harness/mitata-hooks.js';
import { identity, uniqueNames } from '../../src/measure/child/harness/script.js';

describe('script harness names', () => {
  it('joins group, name and parameters, and tells repeated names apart', () => {
    expect(identity('parse', 'json', { size: 1024 })).toBe('parse > json [size=1024]');
    expect(identity(undefined, 'sum', { a: 1, b: 'x' })).toBe('sum [a=1, b=x]');
    expect(identity(null, 'plain')).toBe('plain');
    expect(uniqueNames(['a', 'b', 'a', 'a'])).toEqual(['a', 'b', 'a (2)', 'a (3)']);
  });

  it("lists mitata's parameter combinations with the first parameter varying fastest, as mitata runs them", () => {
    expect(combinations({})).toEqual([{}]);
    expect(combinations({ x: [1, 2], y: ['a', 'b'] })).toEqual([
      { x: 1, y: 'a' },
      { x: 2, y: 'a' },
      { x: 1, y: 'b' },
      { x: 2, y: 'b' },
    ]);
  });
});

describe("mitata's entry, instrumented", () => {
  const entry = createRequire(import.meta.url).resolve('mitata');
  const source = readFileSync(entry, 'utf8');

  it('is recognised by its path and gets its run() replaced and its list handed over', () => {
    expect(MITATA_ENTRY.test(entry)).toBe(true);
    const instrumented = instrumentMitata(source) ?? '';
    expect(instrumented).toContain(
      "export async function run(opts = {}) { const fg$flamegate = globalThis[Symbol.for('flamegate.mitata')]; if (fg$flamegate) return fg$flamegate.run();",
    );
    expect(instrumented).toContain('?.instance({ take()');
    // Everything else is mitata's own text.
    expect(instrumented.length - source.length).toBeLessThan(400);
  });

  it('is left alone when it is not laid out as 1.x', () => {
    expect(instrumentMitata('export function run() {}')).toBeUndefined();
    expect(instrumentMitata(source.replace('let COLLECTIONS', 'var COLLECTIONS'))).toBeUndefined();
  });
});
