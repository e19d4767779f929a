// Track mode's pure parts and its anchor: the config keys, the creep gate, the drift line of a pull
// request's comment, and which commit a track run measures against (real git, no measuring).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftNote } from '../../src/compare/drift.js';
import { parseConfig } from '../../src/config/config.js';
import { creepGate, NO_GATE, thresholdsFor } from '../../src/config/overrides.js';
import type { HistoryEntry } from '../../src/model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { parseReport } from '../../src/report/schema.js';
import { resolveAnchor } from '../../src/track/anchor.js';
import { bench, FILE, report } from './compare-fixtures.js';

describe('the config of track mode', () => {
  it('reads thresholds.drift, baseline and history.branch, and refuses a bad branch name', () => {
    const config = parseConfig(
      'thresholds:\n  drift: 3%\nbaseline: "v*"\nhistory:\n  branch: perf-data\n',
      'flamegate.yml',
    );
    expect(config.thresholds.drift).toBeCloseTo(0.03, 10);
    expect(config.baseline).toBe('v*');
    expect(config.historyBranch).toBe('perf-data');
    expect(() => parseConfig('history:\n  branch: "-x; rm"\n', 'flamegate.yml')).toThrow(/history/);
  });

  it('the creep gate: drift is every benchmark threshold and the only gate', () => {
    const config = parseConfig(
      'thresholds:\n  benchmark: 5%\n  drift: 3%\noverrides:\n  - match: "bench/a*"\n    thresholds:\n      benchmark: 50%\n',
      'flamegate.yml',
    );
    const gated = creepGate(config);
    const id = { file: 'bench/a.bench.js', name: 'x' };
    expect(thresholdsFor(gated, id).benchmark).toBeCloseTo(0.03, 10);
    expect(thresholdsFor(gated, id).function).toBe(NO_GATE);
    // Without drift, a track run gates as a pull request does.
    const plain = parseConfig('thresholds:\n  benchmark: 5%\n', 'flamegate.yml');
    expect(creepGate(plain)).toBe(plain);
  });
});

function entry(changes: Record<string, [number, [number, number]]>): HistoryEntry {
  return {
    schemaVersion: 1,
    time: '2026-12-01T10:00:00.000Z',
    commit: { ref: 'main', sha: 'c'.repeat(40) },
    anchor: { ref: 'v2.3.0', sha: 'd'.repeat(40), tag: 'v2.3.0' },
    verdict: 'pass',
    benchmarks: Object.entries(changes).map(([name, [change, ci]]) => ({
      name,
      file: FILE,
      status: 'unchanged',
      change,
      ci,
      movers: [],
    })),
  };
}

describe('the drift line of a pull request', () => {
  const history = entry({
    parse: [0.041, [0.032, 0.05]],
    flat: [0.002, [-0.01, 0.014]],
    gone: [0.2, [0.1, 0.3]],
  });

  it('lists the benchmarks that drifted and that this run measured, with this PR’s change', () => {
    const r = report([bench('parse', 'unchanged', 0.008), bench('flat', 'unchanged', 0.001)]);
    const note = driftNote(history, r);
    expect(note?.benchmarks.map((b) => b.name)).toEqual(['parse']);
    expect(note?.benchmarks[0]?.prChange).toBeCloseTo(0.008, 10);
    r.drift = note;
    const md = renderMarkdown(r);
    expect(md).toContain(
      `- 📈 \`parse\`: +4.1% (95% CI +3.2% … +5.0%) since \`v2.3.0\` (the default branch at \`ccccccc\`); this PR +0.8%`,
    );
    expect(md).not.toContain('📈 `flat`');
    // A saved report with the note reads back (post-only mode renders it again).
    expect(parseReport(JSON.stringify(r), 'r.json').drift?.benchmarks[0]?.name).toBe('parse');
  });

  it('says nothing when nothing has drifted', () => {
    const r = report([bench('flat', 'unchanged')]);
    expect(driftNote(entry({ flat: [0.002, [-0.01, 0.014]] }), r)).toBeUndefined();
    expect(renderMarkdown(r)).not.toContain('since the');
  });
});

describe('the anchor', () => {
  let dir: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  const commit = (message: string) => {
    writeFileSync(join(dir, 'f.txt'), message);
    git('add', '-A');
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  const shas: Record<string, string> = {};

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'flamegate-anchor-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 't');
    git('config', 'commit.gpgsign', 'false');
    shas.one = commit('one');
    git('tag', 'v1.9.0');
    shas.two = commit('two');
    git('tag', '-a', 'v1.10.0', '-m', 'release');
    git('tag', 'v2.0.0-rc.1');
    shas.three = commit('three');
    git('tag', 'nightly-3');
    shas.four = commit('four');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the highest release tag reachable, by version (v1.10.0 above v1.9.0), pre-releases left out', async () => {
    const anchor = await resolveAnchor(dir, shas.four as string);
    expect(anchor).toMatchObject({ tag: 'v1.10.0', sha: shas.two, chosenBy: 'latest release tag' });
  });

  it('skips a tag on the commit itself: a release is measured against the one before', async () => {
    const anchor = await resolveAnchor(dir, shas.two as string);
    expect(anchor).toMatchObject({ tag: 'v1.9.0', sha: shas.one });
  });

  it('follows baseline: a tag glob, a ref, N days ago; and names what it cannot find', async () => {
    expect(await resolveAnchor(dir, shas.four as string, 'nightly-*')).toMatchObject({ sha: shas.three });
    expect(await resolveAnchor(dir, shas.four as string, 'HEAD~3')).toMatchObject({ sha: shas.one });
    await expect(resolveAnchor(dir, shas.four as string, '3650 days ago')).rejects.toThrow(
      /baseline "3650 days ago": no commit/,
    );
    await expect(resolveAnchor(dir, shas.four as string, 'no-such-ref')).rejects.toThrow(
      /baseline "no-such-ref" is not a revision/,
    );
    await expect(resolveAnchor(dir, shas.four as string, 'release-*')).rejects.toThrow(
      /no tag matching baseline "release-\*"/,
    );
    // A ref that looks like an option is a revision to look up, never a flag of git's.
    await expect(resolveAnchor(dir, shas.four as string, '--output=/tmp/x')).rejects.toThrow(
      /not a revision/,
    );
  });
});
