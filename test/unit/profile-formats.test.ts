// The decoders behind `flamegate diff` and production weighting, on small inputs with known answers.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pathSegments, productionShares, shareOf } from '../../src/compare/production.js';
import { parseConfig } from '../../src/config/config.js';
import type { PackedProfile } from '../../src/model.js';
import { classifyProfile } from '../../src/profile/classify.js';
import { decodeCpuProfile } from '../../src/profile/cpuprofile.js';
import { decodeProfile, detectFormat, incomparable } from '../../src/profile/decode.js';
import { decodeFolded, parseFoldedFrame } from '../../src/profile/folded.js';
import { mergeProfiles } from '../../src/profile/packed.js';
import { decodePprof } from '../../src/profile/pprof.js';
import { UsageError } from '../../src/settings.js';
import { buildPprof } from '../helpers/pprof-builder.js';
import { packProfile, stacksOf as stackList } from '../helpers/stacks.js';

/** Each stack as `a;b;c=value`. */
function stacksOf(p: PackedProfile): string[] {
  return stackList(p).map((s) => `${s.frames.map((f) => p.frames[f]?.name).join(';')}=${s.value}`);
}

describe('folded stacks', () => {
  it('reads stacks and counts, root first, and skips blank and comment lines', () => {
    const p = decodeFolded('# perf\nmain;parse;lex 3\n\nmain;parse 1\nmain 2\n');
    expect(stacksOf(p)).toEqual(['main;parse;lex=3', 'main;parse=1', 'main=2']);
    expect(p.sampleType).toEqual({ type: 'samples', unit: 'count' });
    expect(Array.from(p.samples)).toEqual([3, 1, 2]);
  });

  it('splits file and line off frames, including perf-map V8 names', () => {
    expect(parseFoldedFrame('JS:*formatRecords /srv/app/app.js:7')).toEqual({
      name: 'formatRecords',
      file: '/srv/app/app.js',
      line: 7,
    });
    expect(parseFoldedFrame('LazyCompile:~parse file:///w/src/a.js:12:4')).toEqual({
      name: 'parse',
      file: 'file:///w/src/a.js',
      line: 12,
    });
    expect(parseFoldedFrame('render (src/view.js:30:2)')).toEqual({
      name: 'render',
      file: 'src/view.js',
      line: 30,
    });
    expect(parseFoldedFrame('[unknown]')).toEqual({ name: '[unknown]', file: '', line: 0 });
    expect(parseFoldedFrame('do_syscall_64_[k]')).toEqual({ name: 'do_syscall_64_[k]', file: '', line: 0 });
  });

  it('names the bad line', () => {
    expect(() => decodeFolded('main;a 1\nnot a stack\n')).toThrow('line 2 is not "frame;frame;… count"');
  });
});

describe('.cpuprofile', () => {
  const nodes = [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 5] },
    { id: 2, callFrame: { functionName: 'main', url: 'file:///w/app.js', lineNumber: 0 }, children: [3] },
    { id: 3, callFrame: { functionName: 'work', url: 'file:///w/app.js', lineNumber: 9 }, children: [4] },
    { id: 4, callFrame: { functionName: '', url: 'file:///w/app.js', lineNumber: 20 } },
    { id: 5, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
  ];

  it('gives each sample the time until the next one, and leaves out (root) and (idle)', () => {
    // Samples at node 3, 4, 4, 5; deltas before each: 0, 100, 200, 300 µs.
    const p = decodeCpuProfile({ nodes, samples: [3, 4, 4, 5], timeDeltas: [0, 100, 200, 300] });
    expect(stacksOf(p).sort()).toEqual(['main;work;(anonymous)=500000', 'main;work=100000']);
    expect(p.frames.find((f) => f.name === 'work')?.line).toBe(10);
    expect(p.sampleType).toEqual({ type: 'cpu', unit: 'nanoseconds' });
    // Classification names the anonymous function after its caller.
    const classified = classifyProfile(p);
    expect(classified.frames.map((f) => f.name)).toContain('(anonymous in work)');
  });

  it('falls back to hit counts over the profile duration', () => {
    const withHits = nodes.map((n) =>
      n.id === 3 ? { ...n, hitCount: 3 } : n.id === 4 ? { ...n, hitCount: 1 } : n,
    );
    const p = decodeCpuProfile({ nodes: withHits, startTime: 0, endTime: 4000 });
    expect(stacksOf(p).sort()).toEqual(['main;work;(anonymous)=1000000', 'main;work=3000000']);
  });
});

describe('format detection and sample types', () => {
  const pprof = buildPprof({
    sampleTypes: [
      ['samples', 'count'],
      ['cpu', 'microseconds'],
    ],
    samples: [
      {
        stack: [
          { name: 'leaf', file: 'a.js' },
          { name: 'main', file: 'a.js' },
        ],
        values: [2, 30],
      },
    ],
  });

  it('tells the formats apart by content, gzipped or not', () => {
    expect(detectFormat(new TextEncoder().encode('  {"nodes": []}'))).toBe('cpuprofile');
    expect(detectFormat(new TextEncoder().encode('a;b 1\n'))).toBe('folded');
    expect(decodeProfile(pprof).format).toBe('pprof');
    expect(decodeProfile(gzipSync(new TextEncoder().encode('a;b 4\n'))).format).toBe('folded');
    expect(() => detectFormat(new TextEncoder().encode('hello world\n'))).toThrow(
      'text but not folded stacks',
    );
  });

  it('converts pprof time units to nanoseconds and reads the count as samples', () => {
    const p = decodePprof(pprof);
    expect(p.sampleType).toEqual({ type: 'cpu', unit: 'nanoseconds' });
    expect(stacksOf(p)).toEqual(['main;leaf=30000']);
    expect(Array.from(p.samples)).toEqual([2]);
    const counts = decodePprof(pprof, { valueType: 'samples' });
    expect(counts.sampleType).toEqual({ type: 'samples', unit: 'count' });
  });

  it('compares time with time, and refuses other mixes', () => {
    const time = decodeProfile(pprof);
    const folded = decodeProfile(new TextEncoder().encode('main;leaf 2\n'));
    const bytes = decodeProfile(buildPprof({ sampleTypes: [['alloc_space', 'bytes']], samples: [] }));
    const cpu = {
      format: 'cpuprofile' as const,
      profile: decodeCpuProfile({ nodes: [], samples: [], timeDeltas: [] }),
    };
    expect(incomparable(time, cpu)).toBeUndefined();
    expect(incomparable(time, folded)).toContain(
      'base is cpu/nanoseconds (pprof), head is samples/count (folded stacks)',
    );
    expect(incomparable(bytes, time)).toContain('--value-type');
  });

  it('merges profiles of one sample type, empty stacks kept, and refuses to merge time with bytes', () => {
    const frames = [{ name: 'a', file: '', line: 0, kind: 'user' as const }];
    const stacks = [
      { frames: [0, 0], value: 5, samples: 1 },
      { frames: [], value: 7, samples: 2 },
    ];
    const heap = { type: 'alloc_space', unit: 'bytes' };
    const merged = mergeProfiles([
      packProfile({ frames, ops: 3, stacks }, heap),
      packProfile({ frames, ops: 2, stacks }, heap),
    ]);
    expect(stackList(merged)).toEqual([...stacks, ...stacks]);
    expect(merged.ops).toBe(5);
    expect(merged.sampleType).toEqual(heap);
    expect(() =>
      mergeProfiles([packProfile({ frames, ops: 3, stacks }), packProfile({ frames, ops: 3, stacks }, heap)]),
    ).toThrow('cannot merge a alloc_space/bytes profile into wall/nanoseconds ones');
  });
});

describe('production matching', () => {
  it('matches files by their trailing path segments', () => {
    expect(pathSegments('file:///srv/app/src/records.js')).toEqual(['srv', 'app', 'src', 'records.js']);
    expect(pathSegments('/app/node_modules/.pnpm/lodash@4/node_modules/lodash/map.js')).toEqual([
      'lodash',
      'map.js',
    ]);
    const profile = decodeFolded(
      [
        'main /srv/app/src/main.js:1;slowPath /srv/app/src/records.js:14 6',
        'main /srv/app/src/main.js:1;slowPath /srv/app/lib/records.js:3 2',
        'main /srv/app/src/main.js:1;map /srv/app/node_modules/lodash/map.js:1 1',
        'main /srv/app/src/main.js:1;(garbage collector) 1',
      ].join('\n'),
    );
    const shares = productionShares(classifyProfile(profile));
    expect(shareOf(shares, 'slowPath', 'src/records.js')).toBeCloseTo(0.6);
    expect(shareOf(shares, 'slowPath', 'file:///tmp/wt/head/src/records.js')).toBeCloseTo(0.6);
    expect(shareOf(shares, 'slowPath', 'records.js')).toBeCloseTo(0.8);
    expect(shareOf(shares, 'slowPath', 'test/records.js')).toBeUndefined();
    expect(shareOf(shares, 'map', 'node_modules/lodash/map.js')).toBeCloseTo(0.1);
    expect(shareOf(shares, '(garbage collector)', '')).toBeCloseTo(0.1);
    expect(shareOf(shares, 'main', 'src/main.js')).toBe(0);
  });

  it('reads production-profile and thresholds.fleet from the config', () => {
    const config = parseConfig('production-profile: perf/prod.pb.gz\nthresholds:\n  fleet: 0.5%\n', 'f.yml');
    expect(config.productionProfile).toBe('perf/prod.pb.gz');
    expect(config.thresholds.fleet).toBeCloseTo(0.005);
    expect(() => parseConfig('thresholds:\n  fleet: 50\n', 'f.yml')).toThrow(UsageError);
    expect(() => parseConfig('overrides:\n  - match: x\n    thresholds: { fleet: 1% }\n', 'f.yml')).toThrow(
      'unknown key',
    );
  });
});
