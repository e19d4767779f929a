// `flamegate diff` end to end on pprof files written with pprof-format, the format library the
// profiler itself uses.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Profile, StringTable } from 'pprof-format';
import { afterAll, describe, expect, it } from 'vitest';
import { runDiff } from '../../src/cli/diff.js';

const dir = mkdtempSync(join(tmpdir(), 'flamegate-diff-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A wall profile from `a;b;c` (root first) → ns, with an ops comment. */
function pprof(stacks: Record<string, number>, ops: number): Uint8Array {
  const strings = new StringTable();
  const names = [...new Set(Object.keys(stacks).flatMap((s) => s.split(';')))];
  const id = (name: string) => names.indexOf(name) + 1;
  const profile = new Profile({
    sampleType: [
      { type: strings.dedup('sample'), unit: strings.dedup('count') },
      { type: strings.dedup('wall'), unit: strings.dedup('nanoseconds') },
    ],
    sample: Object.entries(stacks).map(([path, ns]) => ({
      locationId: path.split(';').reverse().map(id),
      value: [Math.max(1, Math.round(ns / 1000)), ns],
    })),
    location: names.map((n) => ({ id: id(n), line: [{ functionId: id(n), line: 5 }] })),
    function: names.map((n) => ({
      id: id(n),
      name: strings.dedup(n),
      filename: strings.dedup(`src/${n}.ts`),
      startLine: 3,
    })),
    comment: [strings.dedup(`flamegate.ops=${ops}`)],
    stringTable: strings,
  });
  return gzipSync(profile.encode());
}

function io() {
  const out = { stdout: '', stderr: '' };
  const sink = {
    stdout: (s: string) => {
      out.stdout += s;
    },
    stderr: (s: string) => {
      out.stderr += s;
    },
  };
  return { out, io: sink };
}

describe('flamegate diff', () => {
  const base = join(dir, 'base.pb.gz');
  const head = join(dir, 'head.pb.gz');
  writeFileSync(
    base,
    pprof({ 'main;work;slowFn': 100_000, 'main;work;fastFn': 200_000, 'main;oldPath': 50_000 }, 100),
  );
  writeFileSync(head, pprof({ 'main;work;slowFn': 300_000, 'main;work;fastFn': 100_000 }, 100));

  it('prints the top changes and writes the SVG and HTML', async () => {
    const { out, io: sink } = io();
    const svg = join(dir, 'out.svg');
    const html = join(dir, 'out.html');
    const code = await runDiff([base, head, '--svg', svg, '--html', html], sink);
    expect(out.stderr).not.toMatch(/error|cannot/i);
    expect(code).toBe(0);
    expect(out.stdout).toMatch(/\+2 µs\s+\+200%.*slowFn/);
    expect(out.stdout).toMatch(/−1 µs.*fastFn/);
    expect(readFileSync(svg, 'utf8')).toContain('<svg');
    expect(readFileSync(html, 'utf8')).toContain('slowFn');
  });

  it('prints the Markdown section with --text', async () => {
    const { out, io: sink } = io();
    expect(await runDiff([base, head, '--text', '--max-chars', '3000'], sink)).toBe(0);
    expect(out.stdout.startsWith('<details>')).toBe(true);
    expect(out.stdout.length).toBeLessThanOrEqual(3000);
  });

  it('exits 2 on usage errors and unreadable files, naming the file', async () => {
    const a = io();
    expect(await runDiff([base], a.io)).toBe(2);
    expect(a.out.stderr).toContain('expected two profiles');
    const b = io();
    expect(await runDiff([base, join(dir, 'missing.pb.gz')], b.io)).toBe(2);
    expect(b.out.stderr).toContain('missing.pb.gz');
    const c = io();
    const junk = join(dir, 'junk.pb.gz');
    writeFileSync(junk, 'not a profile');
    expect(await runDiff([junk, head], c.io)).toBe(2);
    expect(c.out.stderr).toContain('junk.pb.gz');
    const d = io();
    expect(await runDiff([base, head, '--collapse', 'everything'], d.io)).toBe(2);
  });
});
