// Which sample type a production pprof is read as: production weighting gives shares of production
// CPU, so a profile holding CPU and wall time is read as CPU, while `flamegate diff` and every other
// reader keep reading wall time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { productionShares, shareOf } from '../../src/compare/production.js';
import { classifyProfile } from '../../src/profile/classify.js';
import { decodeProfile, readProductionProfile } from '../../src/profile/decode.js';
import { buildPprof, type PprofSpec } from '../helpers/pprof-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'flamegate-production-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A server that computes in `handler` and waits on the database in `waitForDb`: the wait is wall
// time but hardly any CPU, so the two sample types give `handler` very different shares.
const HANDLER = { wall: 40e6, cpu: 36e6 };
const WAIT = { wall: 60e6, cpu: 4e6 };
const frames = {
  handler: { name: 'handler', file: '/app/src/handler.js', line: 3 },
  waitForDb: { name: 'waitForDb', file: '/app/src/db.js', line: 9 },
  main: { name: 'main', file: '/app/src/main.js', line: 1 },
};

/** The server's profile with its sample types in the given order (values follow the same order). */
function serverProfile(types: ('wall' | 'cpu')[]): PprofSpec {
  return {
    sampleTypes: [['samples', 'count'], ...types.map((t): [string, string] => [t, 'nanoseconds'])],
    samples: [
      { stack: [frames.handler, frames.main], values: [40, ...types.map((t) => HANDLER[t])] },
      { stack: [frames.waitForDb, frames.main], values: [60, ...types.map((t) => WAIT[t])] },
    ],
  };
}

function write(name: string, spec: PprofSpec): string {
  const path = join(dir, name);
  writeFileSync(path, buildPprof(spec));
  return path;
}

const handlerShare = (path: string) =>
  shareOf(productionShares(classifyProfile(readProductionProfile(path))), 'handler', 'src/handler.js');

describe('production profile sample type', () => {
  const cpuShare = HANDLER.cpu / (HANDLER.cpu + WAIT.cpu);
  const wallShare = HANDLER.wall / (HANDLER.wall + WAIT.wall);

  it('reads a pprof holding cpu and wall time as cpu, whatever their order', () => {
    // The two readings must differ, or this test could not tell them apart.
    expect(Math.abs(cpuShare - wallShare)).toBeGreaterThan(0.1);
    for (const types of [
      ['wall', 'cpu'],
      ['cpu', 'wall'],
    ] as const) {
      const path = write(`${types.join('-')}.pb.gz`, serverProfile([...types]));
      expect(readProductionProfile(path).sampleType, types.join(',')).toEqual({
        type: 'cpu',
        unit: 'nanoseconds',
      });
      expect(handlerShare(path), types.join(',')).toBeCloseTo(cpuShare, 12);
    }
  });

  it('reads wall time when the profile has no cpu type', () => {
    const path = write('wall.pb.gz', serverProfile(['wall']));
    expect(readProductionProfile(path).sampleType.type).toBe('wall');
    expect(handlerShare(path)).toBeCloseTo(wallShare, 12);
  });

  it('leaves the other readers on wall time', () => {
    // decodeProfile is what `flamegate diff` reads both sides with.
    const bytes = buildPprof(serverProfile(['cpu', 'wall']));
    expect(decodeProfile(bytes).profile.sampleType.type).toBe('wall');
    expect(decodeProfile(bytes, { valueType: 'cpu' }).profile.sampleType.type).toBe('cpu');
  });
});
