// `flamegate diff` on the profiles users already have: .cpuprofile files written by `node --cpu-prof`
// on two versions of a real script, the same profiles as folded stacks, and pairs it must refuse.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiffRow, runDiff } from '../../src/cli/diff.js';
import { buildPprof } from '../helpers/pprof-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'flamegate-diff-formats-'));
afterAll(() => {
  if (!process.env.FLAMEGATE_KEEP) rmSync(dir, { recursive: true, force: true });
});

// A small program with three CPU-bound functions; head makes `formatRecords` do six times the work,
// far above what a loaded machine's noise moves.
function script(formatRounds: number): string {
  return `
function parseRecords(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) acc = (acc + Math.sqrt(i) * 31) % 1000003;
  return acc;
}
function formatRecords(n) {
  let out = 0;
  for (let i = 0; i < n; i++) out = (out ^ Math.imul(i, 2654435761)) + (i % 7);
  return out;
}
function checksum(n) {
  let h = 7;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ i, 16777619);
  return h;
}
// A fixed amount of work on each side: the profiles' totals then differ only by the change.
let sink = 0;
for (let k = 0; k < 40; k++) {
  sink += parseRecords(1e5);
  for (let r = 0; r < ${formatRounds}; r++) sink += formatRecords(1e6);
  sink += checksum(5e5);
}
if (sink === 42) console.log(sink);
`;
}

function cpuProfile(name: string, formatRounds: number): string {
  const work = join(dir, name);
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'app.js'), script(formatRounds));
  execFileSync(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', work, '--cpu-prof-name', 'app.cpuprofile', 'app.js'],
    {
      cwd: work,
    },
  );
  const path = join(work, 'app.cpuprofile');
  expect(readdirSync(work)).toContain('app.cpuprofile');
  return path;
}

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The profile as folded stacks (`root;…;leaf samples`), as stackcollapse tools write them. */
function toFolded(cpuprofilePath: string): string {
  const p = JSON.parse(readFileSync(cpuprofilePath, 'utf8')) as { nodes: CpuNode[]; samples: number[] };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const hits = new Map<number, number>();
  for (const s of p.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
  const lines: string[] = [];
  for (const [id, count] of hits) {
    const frames: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (!f || f.functionName === '(root)') continue;
      frames.unshift(
        f.url ? `${f.functionName || '(anonymous)'} ${f.url}:${f.lineNumber + 1}` : f.functionName,
      );
    }
    lines.push(`${frames.join(';')} ${count}`);
  }
  return `${lines.join('\n')}\n`;
}

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    sink: {
      stdout: (s: string) => {
        out.stdout += s;
      },
      stderr: (s: string) => {
        out.stderr += s;
      },
    },
  };
}

/** Each of the script's three functions is one row: base's and head's copies were paired. */
function oneRowEach(rows: DiffRow[]): boolean {
  const ours = rows.filter((r) => ['parseRecords', 'formatRecords', 'checksum'].includes(r.name));
  return ours.length === 3 && ours.every((r) => r.baseSelf > 0 && r.headSelf > 0);
}

async function diffJson(base: string, head: string, extra: string[] = []) {
  const json = join(dir, `rows-${Math.random().toString(36).slice(2)}.json`);
  const { out, sink } = io();
  const code = await runDiff([base, head, '--json', json, ...extra], sink);
  expect(out.stderr).toContain(`wrote ${json}`);
  expect(code).toBe(0);
  return { rows: JSON.parse(readFileSync(json, 'utf8')) as DiffRow[], out };
}

describe('flamegate diff on real profiles of other formats', () => {
  let base: string;
  let head: string;
  beforeAll(() => {
    base = cpuProfile('base', 2);
    head = cpuProfile('head', 12);
  });

  it('names the slowed function first from two node --cpu-prof profiles', async () => {
    const { rows, out } = await diffJson(base, head, [
      '--svg',
      join(dir, 'cpu.svg'),
      '--html',
      join(dir, 'cpu.html'),
    ]);
    expect(rows[0]).toMatchObject({ name: 'formatRecords', unit: 'ns', file: 'app.js' });
    expect(rows[0]?.line).toBe(7);
    // The two versions ran from two folders: each function is one row with both sides, not a
    // removed row and an added one.
    expect(rows[0]?.baseSelf).toBeGreaterThan(0);
    expect(oneRowEach(rows)).toBe(true);
    expect(out.stdout).toContain(`files compared by their path below ${join(dir, 'base')} (base)`);
    expect(rows[0]?.delta).toBeGreaterThan(0);
    expect(rows[0]?.delta).toBeCloseTo((rows[0]?.headSelf ?? 0) - (rows[0]?.baseSelf ?? 0));
    // Sorted by |delta|.
    for (let i = 1; i < rows.length; i++) {
      expect(Math.abs(rows[i - 1]?.delta ?? 0)).toBeGreaterThanOrEqual(Math.abs(rows[i]?.delta ?? 0));
    }
    expect(out.stdout).toContain('.cpuprofile (V8 JSON)');
    expect(out.stdout.split('\n').find((l) => l.includes('formatRecords'))).toMatch(/^\s+\+/);
    expect(readFileSync(join(dir, 'cpu.svg'), 'utf8')).toContain('formatRecords');
    expect(readFileSync(join(dir, 'cpu.html'), 'utf8')).toContain('formatRecords');
  });

  it('gives the same rows from the built CLI, which decodes head on a worker thread', () => {
    const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
    const json = join(dir, 'built.json');
    execFileSync(process.execPath, [cli, 'diff', base, head, '--json', json], { cwd: dir, stdio: 'pipe' });
    const rows = JSON.parse(readFileSync(json, 'utf8')) as DiffRow[];
    expect(rows[0]).toMatchObject({ name: 'formatRecords', unit: 'ns', line: 7, file: 'app.js' });
    expect(rows[0]?.baseSelf).toBeGreaterThan(0);
    expect(oneRowEach(rows)).toBe(true);
    const missing = spawnSync(process.execPath, [cli, 'diff', base, join(dir, 'missing.cpuprofile')], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read the head profile');
  });

  it('names the slowed function first from the same profiles as folded stacks, gzipped or not', async () => {
    const baseFolded = join(dir, 'base.folded');
    const headFolded = join(dir, 'head.folded.gz');
    writeFileSync(baseFolded, toFolded(base));
    writeFileSync(headFolded, gzipSync(toFolded(head)));
    const svg = join(dir, 'folded.svg');
    const { rows, out } = await diffJson(baseFolded, headFolded, ['--svg', svg]);
    expect(rows[0]).toMatchObject({ name: 'formatRecords', unit: 'samples', line: 7, file: 'app.js' });
    // Counts are drawn as counts: no time unit, nothing per op.
    const drawn = readFileSync(svg, 'utf8');
    expect(drawn).toMatch(/\d samples/);
    expect(drawn).not.toMatch(/\d(\.\d+)? (ns|µs|ms)\b|\/op\b/);
    expect(rows[0]?.baseSelf).toBeGreaterThan(0);
    expect(oneRowEach(rows)).toBe(true);
    expect(rows[0]?.delta).toBeGreaterThan(0);
    expect(out.stdout).toContain('folded stacks');
    const { out: text } = io();
    const { sink } = io();
    expect(
      await runDiff([baseFolded, headFolded, '--text'], { ...sink, stdout: (s) => (text.stdout += s) }),
    ).toBe(0);
    expect(text.stdout).toContain('formatRecords');
  });

  it('refuses a pair of different sample types with a message naming both, exit 2', async () => {
    const folded = join(dir, 'mixed.folded');
    writeFileSync(folded, toFolded(base));
    const { out, sink } = io();
    expect(await runDiff([base, folded], sink)).toBe(2);
    expect(out.stderr).toContain('the profiles measure different things');
    expect(out.stderr).toContain('cpu/nanoseconds (.cpuprofile (V8 JSON))');
    expect(out.stderr).toContain('samples/count (folded stacks)');

    const alloc = join(dir, 'alloc.pb.gz');
    writeFileSync(
      alloc,
      buildPprof({
        sampleTypes: [['alloc_space', 'bytes']],
        samples: [{ stack: [{ name: 'formatRecords', file: 'app.js' }], values: [4096] }],
      }),
    );
    const refused = io();
    expect(await runDiff([alloc, base], refused.sink)).toBe(2);
    expect(refused.out.stderr).toContain('base is alloc_space/bytes (pprof)');
    expect(refused.out.stderr).toContain('--value-type');
  });

  it('compares a pprof time profile with a .cpuprofile (both time)', async () => {
    const pprof = join(dir, 'time.pb.gz');
    writeFileSync(
      pprof,
      buildPprof({
        sampleTypes: [['wall', 'nanoseconds']],
        samples: [{ stack: [{ name: 'formatRecords', file: 'app.js', line: 7 }], values: [1_000_000] }],
      }),
    );
    const { rows } = await diffJson(pprof, head);
    expect(rows.map((r) => r.name)).toContain('formatRecords');
  });

  it('names the file and the problem for unreadable input, exit 2', async () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'These are release notes,\nnot a profile.\n');
    const text = io();
    expect(await runDiff([notes, head], text.sink)).toBe(2);
    expect(text.out.stderr).toContain(
      `cannot read the base profile ${notes}: it is text but not folded stacks`,
    );

    const json = join(dir, 'trace.json');
    writeFileSync(json, JSON.stringify({ traceEvents: [] }));
    const trace = io();
    expect(await runDiff([base, json], trace.sink)).toBe(2);
    expect(trace.out.stderr).toContain(
      `cannot read the head profile ${json}: it is JSON but not a .cpuprofile`,
    );

    const binary = join(dir, 'random.bin');
    writeFileSync(binary, Buffer.from([0xff, 0xff, 0xff, 0xff, 0x01, 0x02, 0x03]));
    const garbage = io();
    expect(await runDiff([binary, head], garbage.sink)).toBe(2);
    expect(garbage.out.stderr).toContain(`cannot read the base profile ${binary}: it is not a pprof`);

    const missing = io();
    expect(await runDiff([join(dir, 'nope.cpuprofile'), head], missing.sink)).toBe(2);
    expect(missing.out.stderr).toContain('cannot read the base profile');
    expect(missing.out.stderr).toContain('ENOENT');
  });
});
