// Production weighting on small production profiles with known shares: which benchmark rows the fleet
// gate may fail on, and how benchmark files are matched to production files (package-relative paths,
// user code against dependencies).
import { describe, expect, it } from 'vitest';
import {
  type ProductionShares,
  productionShares,
  shareOf,
  weighFunctions,
  weighReport,
} from '../../src/compare/production.js';
import type { FunctionResult, FunctionStatus, Report } from '../../src/model.js';
import { classifyProfile } from '../../src/profile/classify.js';
import { decodeFolded } from '../../src/profile/folded.js';
import { functionRow } from '../helpers/function-row.js';

/** A production profile of leaf functions, `[name, file, samples]`, each called from `main`. */
function production(leaves: [string, string, number][]): { shares: ProductionShares; total: number } {
  const text = leaves.map(([name, file, n]) => `main /app/main.js:1;${name} ${file}:1 ${n}`).join('\n');
  const total = leaves.reduce((sum, [, , n]) => sum + n, 0);
  return { shares: productionShares(classifyProfile(decodeFolded(text))), total };
}

const row = (name: string, file: string, change: number, status: FunctionStatus): FunctionResult =>
  functionRow(name, file, change, status, 'bench/hot.bench.js > hot');

function report(functions: FunctionResult[], packages?: string[]): Report {
  const r: Report = {
    schemaVersion: 1,
    verdict: 'pass',
    base: { ref: 'main', sha: 'a'.repeat(40) },
    head: { ref: 'HEAD', sha: 'b'.repeat(40) },
    benchmarks: [],
    functions,
  };
  if (packages) r.packages = packages;
  return r;
}

describe('fleet gate', () => {
  const HOT = 60;
  const OTHER = 40;
  const { shares, total } = production([
    ['hotPath', '/app/src/hot.js', HOT],
    ['render', '/app/src/render.js', OTHER],
  ]);
  const hotShare = HOT / total;
  const fleet = 0.01;

  it('never fails on noise: an unchanged row keeps its share and impact but no gate', () => {
    // The change is noise (status unchanged) but large: share × change is far over the threshold.
    const change = 0.5;
    expect(hotShare * change).toBeGreaterThan(10 * fleet);
    const { functions, failures } = weighFunctions(
      [row('hotPath', 'src/hot.js', change, 'unchanged')],
      shares,
      { fleet },
    );
    expect(failures).toEqual([]);
    expect(functions[0]?.fleetGate).toBeUndefined();
    expect(functions[0]?.productionShare).toBeCloseTo(hotShare, 12);
    expect(functions[0]?.fleetImpact).toBeCloseTo(hotShare * change, 12);
    expect(
      weighReport(report([row('hotPath', 'src/hot.js', change, 'unchanged')]), shares, { fleet }).verdict,
    ).toBe('pass');
  });

  it('fails on a regressed row over the threshold, and not under it', () => {
    const change = 0.1;
    expect(hotShare * change).toBeGreaterThan(fleet);
    const over = weighReport(report([row('hotPath', 'src/hot.js', change, 'regressed')]), shares, { fleet });
    expect(over.verdict).toBe('fail');
    expect(over.failures).toHaveLength(1);
    expect(over.failures?.[0]).toContain('hotPath (src/hot.js) estimated fleet CPU +');
    expect(over.functions[0]?.fleetGate).toBe(true);

    const under = weighReport(report([row('hotPath', 'src/hot.js', change, 'regressed')]), shares, {
      fleet: 2 * hotShare * change,
    });
    expect(under.verdict).toBe('pass');
    expect(under.functions[0]?.fleetGate).toBeUndefined();
  });

  it('fails on an added row (growth with evidence) but never on improved or removed ones', () => {
    // An added function's change is reported as +100%: its whole production share is new cost.
    const added = weighFunctions([row('hotPath', 'src/hot.js', 1, 'added')], shares, { fleet });
    expect(added.failures).toHaveLength(1);
    expect(added.functions[0]?.fleetGate).toBe(true);
    expect(added.functions[0]?.fleetImpact).toBeCloseTo(hotShare, 12);

    // A gate below zero would fail on any row whose impact is larger: only growth may fail it.
    for (const status of ['improved', 'removed'] as const) {
      const { functions, failures } = weighFunctions([row('hotPath', 'src/hot.js', -0.2, status)], shares, {
        fleet: -1,
      });
      expect(failures, status).toEqual([]);
      expect(functions[0]?.fleetImpact).toBeCloseTo(-0.2 * hotShare, 12);
    }
  });
});

describe('matching benchmark files to production files', () => {
  it('matches a top-level package file by its path inside its package', () => {
    const { shares, total } = production([
      ['handler', '/app/index.js', 30],
      ['parse', '/app/src/parse.js', 70],
    ]);
    const packages = ['packages/a', 'packages/b'];
    // `packages/a/index.js` is `index.js` to its package: production's /app/index.js.
    expect(shareOf(shares, 'handler', 'packages/a/index.js', { packages })).toBeCloseTo(30 / total, 12);
    // Without the package directories one shared segment is too little to match.
    expect(shareOf(shares, 'handler', 'packages/a/index.js')).toBeUndefined();
    // Deeper files match as before, package directories or not.
    expect(shareOf(shares, 'parse', 'packages/a/src/parse.js', { packages })).toBeCloseTo(70 / total, 12);
    expect(shareOf(shares, 'parse', 'packages/a/src/parse.js')).toBeCloseTo(70 / total, 12);

    // weighReport takes the package directories from the report.
    const weighed = weighReport(
      report([row('handler', 'packages/a/index.js', 0.1, 'regressed')], packages),
      shares,
    );
    expect(weighed.functions[0]?.productionShare).toBeCloseTo(30 / total, 12);
    expect(weighed.functions[0]?.notInProduction).toBeUndefined();
  });

  it('does not match a file that production ran from another package of the run', () => {
    const packages = ['packages/a', 'packages/b'];
    const onlyB = production([['handler', '/app/packages/b/index.js', 10]]);
    expect(shareOf(onlyB.shares, 'handler', 'packages/a/index.js', { packages })).toBeUndefined();
    const both = production([
      ['handler', '/app/packages/a/index.js', 10],
      ['handler', '/app/packages/b/index.js', 30],
    ]);
    expect(shareOf(both.shares, 'handler', 'packages/a/index.js', { packages })).toBeCloseTo(
      10 / both.total,
      12,
    );
    // The two-segment rule used to give a's src/x.js the time of b's.
    const deep = production([['parse', '/app/packages/b/src/parse.js', 10]]);
    expect(shareOf(deep.shares, 'parse', 'packages/a/src/parse.js', { packages })).toBeUndefined();
  });

  it('never matches a user file to a file production ran from node_modules', () => {
    const inDependency = production([
      ['handler', '/app/node_modules/some-dep/index.js', 50],
      ['parse', '/app/node_modules/some-lib/src/parse.js', 50],
    ]);
    // A single-package repo: `index.js` is the whole path, which the dependency's path ends with.
    expect(shareOf(inDependency.shares, 'handler', 'index.js')).toBeUndefined();
    expect(shareOf(inDependency.shares, 'parse', 'src/parse.js')).toBeUndefined();
    // Nor in a monorepo, by the package-relative path.
    expect(
      shareOf(inDependency.shares, 'handler', 'packages/a/index.js', { packages: ['packages/a'] }),
    ).toBeUndefined();
    // With the user's own file in production as well, the share is that file's alone.
    const both = production([
      ['handler', '/app/node_modules/some-dep/index.js', 50],
      ['handler', '/app/index.js', 20],
    ]);
    expect(shareOf(both.shares, 'handler', 'index.js')).toBeCloseTo(20 / both.total, 12);
    expect(shareOf(both.shares, 'handler', 'packages/a/index.js', { packages: ['packages/a'] })).toBeCloseTo(
      20 / both.total,
      12,
    );
  });

  it('matches a dependency by its path inside its package, in any node_modules layout', () => {
    const { shares, total } = production([
      ['map', '/app/node_modules/.pnpm/lodash@4.17.21/node_modules/lodash/map.js', 20],
      ['map', '/app/node_modules/lodash/fp/map.js', 5],
      ['map', '/app/vendor/lodash/map.js', 7],
      ['format', '/app/node_modules/@acme/utils/index.js', 11],
      ['format', '/app/node_modules/@other/utils/index.js', 13],
      ['format', '/app/lib/utils/index.js', 17],
    ]);
    const lodash = { kind: 'dependency' as const, package: 'lodash' };
    // npm layout in the benchmark, pnpm in production: the same lodash/map.js. lodash/fp/map.js is
    // another file of the package, vendor/lodash/map.js is not a dependency at all.
    expect(shareOf(shares, 'map', 'node_modules/lodash/map.js', lodash)).toBeCloseTo(20 / total, 12);
    expect(shareOf(shares, 'map', 'node_modules/lodash/fp/map.js', lodash)).toBeCloseTo(5 / total, 12);
    // A top-level file of a scoped package (one segment inside it) matches only that package.
    const acme = { kind: 'dependency' as const, package: '@acme/utils' };
    expect(shareOf(shares, 'format', 'node_modules/@acme/utils/index.js', acme)).toBeCloseTo(11 / total, 12);
    // Another package (or a user file) of the same file name is never the dependency's.
    const missing = { kind: 'dependency' as const, package: '@acme/missing' };
    expect(shareOf(shares, 'format', 'node_modules/@acme/missing/utils/index.js', missing)).toBeUndefined();

    // weighFunctions reads kind and package off the row.
    const dependencyRow: FunctionResult = {
      ...row(
        'format',
        'node_modules/.pnpm/@acme+utils@1.0.0/node_modules/@acme/utils/index.js',
        0.1,
        'regressed',
      ),
      kind: 'dependency',
      package: '@acme/utils',
    };
    const { functions } = weighFunctions([dependencyRow], shares);
    expect(functions[0]?.productionShare).toBeCloseTo(11 / total, 12);
  });
});
