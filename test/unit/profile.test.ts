import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Profile, StringTable } from 'pprof-format';
import { describe, expect, it } from 'vitest';
import { isHarnessFile } from '../../src/measure/harness.js';
import type { BenchmarkMeasurement, PackedProfile } from '../../src/model.js';
import { classifyProfile, HARNESS_FRAME, kindOf, npmPackageOf } from '../../src/profile/classify.js';
import { functionKey, functionTable } from '../../src/profile/functions.js';
import { decodePprof } from '../../src/profile/pprof.js';
import { profileStage } from '../../src/profile/profile.js';
import { buildPprof } from '../helpers/pprof-builder.js';
import { stacksOf } from '../helpers/stacks.js';

const main = { name: 'main', file: '/w/head/src/app.js', line: 1 };
const parse = { name: 'parse', file: '/w/head/src/parse.js', line: 10 };
const lex = { name: 'lex', file: '/w/head/src/lex.js', line: 3 };

function fn(table: ReturnType<typeof functionTable>, name: string) {
  const found = table.functions.find((f) => f.frame.name === name);
  if (!found) throw new Error(`no function ${name}`);
  return found;
}

describe('decodePprof + functionTable', () => {
  it('gives known self and total time per op for hand-built stacks', () => {
    // main→parse→lex 600 ns (3 samples), main→parse 300 ns (1), main 100 ns (1); 10 ops.
    const bytes = buildPprof({
      samples: [
        { stack: [lex, parse, main], values: [3, 600] },
        { stack: [parse, main], values: [1, 300] },
        { stack: [main], values: [1, 100] },
      ],
      comments: ['flamegate.ops=10'],
    });
    const profile = decodePprof(bytes);
    expect(profile.ops).toBe(10);
    const table = functionTable(profile);
    expect(table.totalPerOp).toBe(100);
    expect(table.totalSamples).toBe(5);
    expect(fn(table, 'lex')).toMatchObject({ selfPerOp: 60, totalPerOp: 60, selfSamples: 3 });
    expect(fn(table, 'parse')).toMatchObject({ selfPerOp: 30, totalPerOp: 90, selfSamples: 1 });
    expect(fn(table, 'main')).toMatchObject({ selfPerOp: 10, totalPerOp: 100 });
    // Stacks are root first.
    expect(stacksOf(profile)[0]?.frames.map((f) => profile.frames[f]?.name)).toEqual([
      'main',
      'parse',
      'lex',
    ]);
  });

  it('counts a recursive function once per stack in its total', () => {
    const profile = decodePprof(
      buildPprof({
        samples: [{ stack: [parse, parse, parse, main], values: [1, 500] }],
        comments: ['flamegate.ops=5'],
      }),
    );
    const table = functionTable(profile);
    expect(fn(table, 'parse').totalPerOp).toBe(100);
    expect(fn(table, 'parse').selfPerOp).toBe(100);
  });

  it('expands a location with inlined frames, innermost first', () => {
    const profile = decodePprof(buildPprof({ samples: [{ stack: [[lex, parse], main], values: [1, 100] }] }));
    expect(stacksOf(profile)[0]?.frames.map((f) => profile.frames[f]?.name)).toEqual([
      'main',
      'parse',
      'lex',
    ]);
    expect(fn(functionTable(profile), 'lex').selfPerOp).toBe(100);
  });

  it('skips a location id the profile does not define, and samples that count nothing', () => {
    const strings = new StringTable();
    const name = (s: string) => strings.dedup(s);
    const bytes = new Profile({
      sampleType: [
        { type: name('sample'), unit: name('count') },
        { type: name('wall'), unit: name('nanoseconds') },
      ],
      sample: [
        { locationId: [1, 99, 2], value: [1, 100] },
        { locationId: [2], value: [0, 0] },
        { locationId: [1, 2], value: [1, 50] },
      ],
      location: [
        { id: 1, line: [{ functionId: 1, line: 4 }] },
        { id: 2, line: [{ functionId: 2, line: 1 }] },
      ],
      function: [
        { id: 1, name: name('leaf'), filename: name('/w/a.js') },
        { id: 2, name: name('main'), filename: name('/w/a.js') },
      ],
      stringTable: strings,
    }).encode();
    const profile = decodePprof(bytes);
    const stacks = stacksOf(profile).map(
      (s) => `${s.frames.map((f) => profile.frames[f]?.name).join(';')} ${s.value}`,
    );
    expect(stacks).toEqual(['main;leaf 100', 'main;leaf 50']);
  });

  it('uses 1 op when the profile does not say, so per op means in total', () => {
    const profile = decodePprof(buildPprof({ samples: [{ stack: [main], values: [2, 250] }] }));
    expect(profile.ops).toBe(1);
    expect(functionTable(profile).totalPerOp).toBe(250);
  });

  it('prefers wall time, reads another sample type on request, and names the types when one is missing', () => {
    const bytes = buildPprof({
      sampleTypes: [
        ['samples', 'count'],
        ['cpu', 'nanoseconds'],
        ['wall', 'nanoseconds'],
      ],
      samples: [{ stack: [main], values: [4, 70, 90] }],
    });
    expect(functionTable(decodePprof(bytes)).totalPerOp).toBe(90);
    expect(functionTable(decodePprof(bytes, { valueType: 'cpu' })).totalPerOp).toBe(70);
    expect(functionTable(decodePprof(bytes)).totalSamples).toBe(4);
    expect(() => decodePprof(bytes, { valueType: 'alloc_space' })).toThrow(
      /samples\/count, cpu\/nanoseconds, wall\/nanoseconds/,
    );
  });

  it('reads an uncompressed profile too', () => {
    const raw = gunzipSync(buildPprof({ samples: [{ stack: [main], values: [1, 42] }] }));
    expect(functionTable(decodePprof(raw)).totalPerOp).toBe(42);
  });
});

describe('classifyProfile', () => {
  it('names packages from node_modules paths: scoped, nested (last wins) and pnpm layouts', () => {
    expect(npmPackageOf('/w/node_modules/lodash/index.js')).toBe('lodash');
    expect(npmPackageOf('node_modules/@babel/parser/lib/index.js')).toBe('@babel/parser');
    expect(npmPackageOf('/w/node_modules/a/node_modules/b/x.js')).toBe('b');
    expect(npmPackageOf('/w/node_modules/.pnpm/fast-xml@4.2.0/node_modules/fast-xml/src/p.js')).toBe(
      'fast-xml',
    );
    expect(npmPackageOf('/w/src/app.js')).toBeUndefined();
  });

  it('keeps runtime frames and Node internals apart from user code', () => {
    expect(kindOf('Garbage Collection', '').kind).toBe('runtime');
    expect(kindOf('(garbage collector)', '').kind).toBe('runtime');
    expect(kindOf('(idle)', '').kind).toBe('runtime');
    expect(kindOf('Node.js', '').kind).toBe('runtime');
    expect(kindOf('readFileSync', 'node:fs').kind).toBe('node');
    expect(kindOf('processTicksAndRejections', '').kind).toBe('node');
    expect(kindOf('parse', 'src/parse.js').kind).toBe('user');
    expect(kindOf('get', 'node_modules/@scope/pkg/i.js')).toEqual({
      kind: 'dependency',
      package: '@scope/pkg',
    });
  });

  it('strips the worktree prefix so the same function in base and head, at different lines, gets one key', () => {
    const base = classifyProfile(
      decodePprof(
        buildPprof({
          samples: [
            { stack: [{ name: 'parseXml', file: 'file:///w/base/src/xml.js', line: 203 }], values: [1, 1] },
          ],
        }),
      ),
      { roots: ['/w/base', '/w/head'] },
    );
    const head = classifyProfile(
      decodePprof(
        buildPprof({
          samples: [{ stack: [{ name: 'parseXml', file: '/w/head/src/xml.js', line: 303 }], values: [1, 1] }],
        }),
      ),
      { roots: ['/w/base', '/w/head'] },
    );
    expect(base.frames[0]?.file).toBe('src/xml.js');
    expect(head.frames[0]?.file).toBe('src/xml.js');
    expect(functionKey(base.frames[0] as never)).toBe(functionKey(head.frames[0] as never));
    expect(base.frames[0]?.line).toBe(203);
  });

  it('cuts tinybench and the runner off the stacks; harness-only time becomes one harness frame', () => {
    const runner = { name: 'runSlice', file: '/opt/flamegate/dist/runner.js', line: 80 };
    const tiny = { name: '#m', file: 'file:///w/head/node_modules/tinybench/dist/index.js', line: 400 };
    const now = { name: 'now', file: 'node:internal/perf/performance', line: 1 };
    const task = { name: '(anonymous:L#10:C#25)', file: '/w/head/bench/a.bench.js', line: 10 };
    const profile = classifyProfile(
      decodePprof(
        buildPprof({
          samples: [
            { stack: [lex, parse, task, tiny, runner], values: [1, 100] },
            { stack: [tiny, runner], values: [1, 30] },
            { stack: [now, tiny, runner], values: [1, 20] },
            { stack: [{ name: 'Garbage Collection' }, { name: 'Node.js' }], values: [1, 10] },
          ],
          comments: ['flamegate.ops=10'],
        }),
      ),
      { roots: ['/w/head'] },
    );
    const names = stacksOf(profile).map((s) => s.frames.map((f) => profile.frames[f]?.name).join(';'));
    expect(names).toContain('(anonymous);parse;lex');
    expect(names.filter((n) => n === HARNESS_FRAME)).toHaveLength(2);
    expect(names).toContain('Node.js;Garbage Collection');
    const table = functionTable(profile);
    expect(fn(table, HARNESS_FRAME).selfPerOp).toBe(5);
    expect(
      table.functions.some((f) => f.frame.package === 'tinybench' || f.frame.file.includes('runner.js')),
    ).toBe(false);
    expect(table.totalPerOp).toBe(16);
  });

  it('names anonymous functions after their nearest named caller, dropping the line @datadog/pprof adds', () => {
    const anon = { name: '(anonymous:L#12:C#5)', file: '/w/head/src/parse.js', line: 12 };
    const profile = classifyProfile(
      decodePprof(
        buildPprof({
          samples: [
            { stack: [anon, parse, main], values: [1, 10] },
            { stack: [anon, main], values: [1, 10] },
          ],
        }),
      ),
      { roots: ['/w/head'] },
    );
    const names = profile.frames.map((f) => f.name);
    expect(names).toContain('(anonymous in parse)');
    expect(names).toContain('(anonymous in main)');
    expect(names.some((n) => n.includes('L#'))).toBe(false);
  });
});

describe('profileStage', () => {
  it('decodes each process file once: merged stacks, one table per process, one pprof file for users', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flamegate-profile-'));
    const write = (name: string, bytes: Uint8Array) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    };
    const side = (process: number, ops: number, stack: (typeof parse)[], ns: number) => ({
      path: write(
        `head-${process}.pb.gz`,
        buildPprof({ samples: [{ stack, values: [ns / 100, ns] }], comments: [`flamegate.ops=${ops}`] }),
      ),
      ops,
    });
    const measurement: BenchmarkMeasurement = {
      id: { file: 'bench/a.bench.js', name: 'a' },
      slug: 'a',
      present: { base: true, head: true },
      timings: [],
      soloTimings: [],
      errors: {},
      profiles: { head: [side(0, 4, [parse, main], 100), side(1, 6, [lex, main], 300)] },
    };
    const { cpu: profiles, allocations } = profileStage({
      measurements: [measurement],
      roots: ['/w/head'],
      outDir: dir,
    });
    expect(allocations).toEqual({});
    const head = profiles['bench/a.bench.js > a']?.head;
    expect(head?.path).toBe('head.pb.gz');
    expect(head?.processes.map((t) => t.ops)).toEqual([4, 6]);
    expect(head?.processes.map((t) => t.totalPerOp)).toEqual([25, 50]);
    expect(head?.stacks.ops).toBe(10);
    expect(fn(functionTable(head?.stacks as PackedProfile), 'lex').selfPerOp).toBe(30);
    // The per-process files are gone; the merged one is a valid pprof with repo-relative files.
    expect(readdirSync(dir)).toEqual(['head.pb.gz']);
    const merged = readFileSync(join(dir, 'head.pb.gz'));
    const reread = decodePprof(merged);
    expect(reread.ops).toBe(10);
    expect(functionTable(reread).totalPerOp).toBe(40);
    expect(reread.frames.find((f) => f.name === 'parse')?.file).toBe('src/parse.js');
    const decoded = Profile.decode(gunzipSync(merged));
    expect(decoded.sample).toHaveLength(2);
    expect(decoded.stringTable.strings).toContain('flamegate.side=head');
  });
});

describe('isHarnessFile (one place for where the harness lives)', () => {
  it('matches tinybench and flamegate runner, bundled or from source, on any path separator', () => {
    expect(isHarnessFile('/w/head/node_modules/tinybench/dist/index.js')).toBe(true);
    expect(isHarnessFile('file:///w/node_modules/.pnpm/tinybench@6.2.4/node_modules/tinybench/x.js')).toBe(
      true,
    );
    expect(isHarnessFile('/home/u/flamegate/src/measure/child/runner.ts')).toBe(true);
    expect(isHarnessFile('/runner/_actions/o/flamegate/v1/dist/runner.js')).toBe(true);
    expect(isHarnessFile('C:\\a\\flamegate\\dist\\runner.js')).toBe(true);
    expect(isHarnessFile('/w/head/src/runner.js')).toBe(false);
    expect(isHarnessFile('/w/head/src/measure/childish/x.ts')).toBe(false);
    expect(isHarnessFile('/w/head/dist/runnerXjs')).toBe(false);
  });
});
