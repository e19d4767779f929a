// V8's regular-expression frames (`RegExp: <source>`, no script) belong to the code that ran them:
// classified with their caller's kind, package and file, one row per caller and pattern. V8's
// builtins read as what they are (`from` → `Array.from`). Profiles are real pprof bytes, decoded and
// classified as the profile stage does.
import { describe, expect, it } from 'vitest';
import { compareFunctions } from '../../src/compare/functions.js';
import { sourceChange } from '../../src/compare/sources.js';
import { buildFlameTree } from '../../src/flame/tree.js';
import type { FunctionTable, SourceChanges } from '../../src/model.js';
import { builtinName } from '../../src/profile/builtins.js';
import { classifyProfile } from '../../src/profile/classify.js';
import { functionTable } from '../../src/profile/functions.js';
import { decodePprof } from '../../src/profile/pprof.js';
import { packageLabel } from '../../src/report/markdown.js';
import { buildPprof, type FrameSpec, type SampleSpec } from '../helpers/pprof-builder.js';

const ROOT = '/tmp/flamegate-x/head';
// semver's full version pattern, as V8 names the frame of its compiled code.
const SEMVER_SOURCE =
  '^v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][a-zA-Z0-9-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][a-zA-Z0-9-]*))*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$';
const SEMVER_REGEXP: FrameSpec = { name: `RegExp: ${SEMVER_SOURCE}` };
const semverParse: FrameSpec = {
  name: 'SemVer',
  file: `${ROOT}/node_modules/semver/classes/semver.js`,
  line: 17,
};
const bench: FrameSpec = { name: 'sortVersions', file: `${ROOT}/bench/sort.bench.js`, line: 4 };
const compareIdentifiers: FrameSpec = {
  name: 'compareIdentifiers',
  file: `${ROOT}/node_modules/semver/internal/identifiers.js`,
  line: 3,
};

const NS_PER_SAMPLE = 1_000_000;
/** A classified CPU profile: `regexp` samples in semver's pattern, `other` in compareIdentifiers. */
function cpuProfile(regexp: number, other: number) {
  const samples: SampleSpec[] = [
    { stack: [SEMVER_REGEXP, semverParse, bench], values: [regexp, regexp * NS_PER_SAMPLE] },
    { stack: [compareIdentifiers, bench], values: [other, other * NS_PER_SAMPLE] },
  ];
  return classifyProfile({ ...decodePprof(buildPprof({ samples })), ops: 1000 }, { roots: [ROOT] });
}

const sources: SourceChanges = {
  files: {},
  packages: { base: { 'node_modules/semver': '7.7.2' }, head: { 'node_modules/semver': '7.7.3' } },
};

describe('a regular expression run by a dependency', () => {
  it("carries its caller's kind, package, file and the package's version change", () => {
    const tables = (regexp: number): FunctionTable[] =>
      Array.from({ length: 6 }, () => functionTable(cpuProfile(regexp, 400)));
    const { rows } = compareFunctions({
      benchmark: 'bench/sort.bench.js > sort versions',
      benchmarkFile: 'bench/sort.bench.js',
      base: tables(400),
      head: tables(800),
      functionThreshold: 0.02,
      sourceOf: (f, onHead) => sourceChange(f.frame, sources, onHead),
    });
    const row = rows.find((r) => r.name.startsWith('RegExp: '));
    expect(row).toMatchObject({
      name: `RegExp: ${SEMVER_SOURCE} (in SemVer)`,
      file: 'node_modules/semver/classes/semver.js',
      line: 17,
      kind: 'dependency',
      package: 'semver',
      status: 'regressed',
      source: { changed: true, reason: 'dependency', packageVersions: { base: '7.7.2', head: '7.7.3' } },
    });
    expect(packageLabel(row as NonNullable<typeof row>)).toBe('📦 semver 7.7.2 → 7.7.3');
  });

  it('sits under its caller in the flame graph, collapsed with its package', () => {
    const profile = cpuProfile(10, 10);
    const tree = buildFlameTree(profile, profile, { collapse: { dependencies: true } });
    const top = tree.root.children.find((n) => n.name === 'sortVersions');
    // The regular expression's time is semver's: one collapsed node holds both of its frames.
    expect(top?.children.map((n) => n.name)).toEqual(['semver']);
    expect(top?.children[0]?.children).toEqual([]);
  });
});

describe('regular expressions of one source', () => {
  const digits = (caller: string, file: string, line: number): SampleSpec => ({
    stack: [{ name: 'RegExp: ^[0-9]+$' }, { name: caller, file: `${ROOT}/${file}`, line }, bench],
    values: [1, NS_PER_SAMPLE],
  });

  it('stay one row per caller, in one file or two', () => {
    const profile = classifyProfile(
      {
        ...decodePprof(
          buildPprof({
            samples: [
              digits('isMajor', 'src/version.js', 3),
              digits('isMinor', 'src/version.js', 9),
              digits('isPort', 'src/url.js', 5),
              digits('isMajor', 'src/version.js', 3),
            ],
          }),
        ),
        ops: 1,
      },
      { roots: [ROOT] },
    );
    const rows = functionTable(profile)
      .functions.filter((f) => f.frame.name.startsWith('RegExp: '))
      .map((f) => [f.frame.name, f.frame.file, f.frame.kind, f.selfSamples]);
    expect(rows.sort()).toEqual([
      ['RegExp: ^[0-9]+$ (in isMajor)', 'src/version.js', 'user', 2],
      ['RegExp: ^[0-9]+$ (in isMinor)', 'src/version.js', 'user', 1],
      ['RegExp: ^[0-9]+$ (in isPort)', 'src/url.js', 'user', 1],
    ]);
  });

  it('keep their own frame where no code ran them', () => {
    const profile = classifyProfile({
      ...decodePprof(buildPprof({ samples: [{ stack: [{ name: 'RegExp: a+' }], values: [1, 1] }] })),
      ops: 1,
    });
    expect(profile.frames).toEqual([{ name: 'RegExp: a+', file: '', line: 0, kind: 'node' }]);
  });
});

describe("V8's builtins", () => {
  it('read with their owner where the name says which builtin ran', () => {
    expect(builtinName('from')).toBe('Array.from');
    expect(builtinName('push')).toBe('Array.prototype.push');
    expect(builtinName('padStart')).toBe('String.prototype.padStart');
    expect(builtinName('stringify')).toBe('JSON.stringify');
    // Several builtins are named `slice` and `keys`, and a native function is no builtin of the language.
    expect(builtinName('slice')).toBe('slice');
    expect(builtinName('keys')).toBe('keys');
    expect(builtinName('utf8Write')).toBe('utf8Write');
  });

  it('are named so in a heap profile, and their bytes still go to their caller', () => {
    const heap = classifyProfile(
      {
        ...decodePprof(
          buildPprof({
            sampleTypes: [
              ['alloc_objects', 'count'],
              ['alloc_space', 'bytes'],
            ],
            samples: [{ stack: [{ name: 'from' }, bench], values: [1, 88] }],
          }),
          { valueType: 'alloc_space' },
        ),
        ops: 1,
      },
      { roots: [ROOT] },
    );
    expect(heap.frames.map((f) => f.name)).toContain('Array.from');
    const table = functionTable(heap, { builtinsToCaller: true });
    const self = (name: string) => table.functions.find((f) => f.frame.name === name)?.selfPerOp;
    expect(self('sortVersions')).toBe(88);
    expect(self('Array.from')).toBe(0);
  });
});
