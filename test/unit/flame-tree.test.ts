import { describe, expect, it } from 'vitest';
import { deltaColor } from '../../src/flame/color.js';
import {
  buildFlameTree,
  type CollapseOptions,
  type FlameNode,
  flameFunctions,
  NODE_GROUP_NAME,
} from '../../src/flame/tree.js';
import { packProfile, type StackList } from '../helpers/stacks.js';
import { profile, standardPair } from './flame-fixtures.js';

function find(root: FlameNode, path: string): FlameNode {
  let node = root;
  for (const name of path.split(';')) {
    const next = node.children.find((c) => c.name === name);
    if (!next) throw new Error(`no frame ${name} under ${node.name}`);
    node = next;
  }
  return node;
}

function rgb(fill: string): [number, number, number] {
  const m = /rgb\((\d+),(\d+),(\d+)\)/.exec(fill);
  if (!m) throw new Error(`not an rgb colour: ${fill}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

describe('flame tree', () => {
  it('normalises to time per op and puts the whole total at the root', () => {
    const { base, head } = standardPair();
    const tree = buildFlameTree(base, head);
    expect(tree.baseTotal).toBeCloseTo(750); // 7500 ns / 10 ops
    expect(tree.headTotal).toBeCloseTo(650); // 13000 ns / 20 ops
    expect(tree.root.headTotal).toBe(tree.headTotal);
    const slow = find(tree.root, 'main;run;slow');
    expect(slow.baseSelf).toBeCloseTo(100);
    expect(slow.headSelf).toBeCloseTo(300);
    expect(slow.headTotal).toBeCloseTo(300);
  });

  it('gives every frame children whose widths sum to its own minus its self time', () => {
    const { base, head } = standardPair();
    const tree = buildFlameTree(base, head);
    const all = (node: FlameNode): FlameNode[] => [node, ...node.children.flatMap(all)];
    for (const node of all(tree.root)) {
      const headKids = node.children.reduce((s, c) => s + c.headTotal, 0);
      const baseKids = node.children.reduce((s, c) => s + c.baseTotal, 0);
      expect(headKids).toBeLessThanOrEqual(node.headTotal + 1e-9);
      expect(headKids + node.headSelf).toBeCloseTo(node.headTotal, 9);
      expect(baseKids + node.baseSelf).toBeCloseTo(node.baseTotal, 9);
      for (const c of node.children) expect(c.depth).toBe(node.depth + 1);
    }
  });

  it('keys frames by name and file, never by line', () => {
    const base = profile({ 'main;parse': 100 }, 1, { parse: { line: 203 } });
    const head = profile({ 'main;parse': 150 }, 1, { parse: { line: 303 } });
    const tree = buildFlameTree(base, head);
    const main = find(tree.root, 'main');
    expect(main.children).toHaveLength(1);
    expect(main.children[0]?.line).toBe(303); // links point at head
    const other = buildFlameTree(
      base,
      profile({ 'main;parse': 150 }, 1, { parse: { file: 'src/other.ts' } }),
    );
    expect(find(other.root, 'main').children).toHaveLength(2);
  });

  it('keeps base-only stacks with head width 0', () => {
    const { base, head } = standardPair();
    const tree = buildFlameTree(base, head);
    const legacy = find(tree.root, 'main;legacy;oldHelper');
    expect(legacy.headTotal).toBe(0);
    expect(legacy.baseTotal).toBeCloseTo(150);
  });

  it('colours a slowed frame red and a sped-up frame blue, unchanged grey', () => {
    const { base, head } = standardPair();
    const tree = buildFlameTree(base, head);
    const scale = Math.max(tree.baseTotal, tree.headTotal);
    const color = (path: string) => {
      const n = find(tree.root, path);
      return rgb(deltaColor(n.headSelf - n.baseSelf, scale));
    };
    const [r1, g1, b1] = color('main;run;slow');
    expect(r1).toBe(255);
    expect(g1).toBeLessThan(200);
    expect(b1).toBeLessThan(200);
    const [r2, g2, b2] = color('main;run;fast');
    expect(b2).toBe(255);
    expect(r2).toBeLessThan(200);
    expect(g2).toBeLessThan(220);
    const [r3, g3, b3] = color('main;steady');
    expect(r3).toBe(g3);
    expect(g3).toBe(b3);
  });

  it('collapses a dependency into one node per package and Node internals into one node', () => {
    const specs = {
      parse: { kind: 'dependency' as const, package: 'fast-xml', file: 'node_modules/fast-xml/a.js' },
      tokenize: { kind: 'dependency' as const, package: 'fast-xml', file: 'node_modules/fast-xml/b.js' },
      scan: { kind: 'dependency' as const, package: 'fast-xml', file: 'node_modules/fast-xml/c.js' },
      callback: { kind: 'user' as const },
      readFile: { kind: 'node' as const, file: 'node:fs' },
      open: { kind: 'node' as const, file: 'node:internal/fs' },
    };
    const p = profile(
      {
        'main;parse;tokenize;scan': 100,
        'main;parse;tokenize': 50,
        'main;parse;callback': 30,
        'main;readFile;open': 20,
      },
      1,
      specs,
    );
    const tree = buildFlameTree(p, p, { collapse: { dependencies: true, node: true } });
    const main = find(tree.root, 'main');
    expect(main.children.map((c) => c.name)).toEqual(['(node internals)', 'fast-xml']);
    const pkg = find(tree.root, 'main;fast-xml');
    expect(pkg.collapsed).toBe(true);
    expect(pkg.headTotal).toBe(180);
    expect(pkg.headSelf).toBe(150);
    expect(pkg.children.map((c) => c.name)).toEqual(['callback']);
    expect(find(tree.root, 'main;(node internals)').headSelf).toBe(20);
    const plain = buildFlameTree(p, p);
    expect(find(plain.root, 'main;parse;tokenize;scan').headSelf).toBe(100);
  });

  it('sums functions over the tree and counts recursion once', () => {
    const p = profile({ 'main;walk;walk;walk': 30, 'main;walk': 10 });
    const tree = buildFlameTree(p, profile({ 'main;walk;walk;walk': 60, 'main;walk': 10 }));
    const walkFn = flameFunctions(tree).find((f) => f.name === 'walk');
    expect(walkFn?.baseTotal).toBe(40);
    expect(walkFn?.headTotal).toBe(70);
    expect(walkFn?.headSelf).toBe(70);
    expect(flameFunctions(tree)[0]?.name).toBe('walk');
  });

  it('accepts a missing side', () => {
    const { base } = standardPair();
    const tree = buildFlameTree(base, undefined);
    expect(tree.headTotal).toBe(0);
    expect(tree.baseTotal).toBeCloseTo(750);
  });
});

// The merged tree is built from depth-major columns of both sides, one depth at a time, with a hash
// table per depth and a cut; this reference builds the same tree the plain way (a trie of every path,
// then the cut), so that the fast walk is checked on profiles of every shape.
describe('flame tree against a plain trie', () => {
  type Frame = StackList['frames'][number];
  interface RefNode {
    key: string;
    name: string;
    file: string;
    baseTotal: number;
    headTotal: number;
    baseSelf: number;
    headSelf: number;
    children: Map<string, RefNode>;
  }

  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = Math.imul(s ^ (s >>> 15), s | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /** The keys of a stack as the tree sees them: unknown frames skipped, a collapsed run counted once. */
  function keysOf(frames: Frame[], stack: number[], collapse: CollapseOptions) {
    const out: { key: string; name: string; file: string; group: boolean }[] = [];
    for (const i of stack) {
      const f = frames[i];
      if (!f) continue;
      let k: { key: string; name: string; file: string; group: boolean };
      if (collapse.dependencies && f.kind === 'dependency' && f.package) {
        k = { key: `pkg:${f.package}`, name: f.package, file: '', group: true };
      } else if (collapse.node && f.kind === 'node') {
        k = { key: 'node', name: NODE_GROUP_NAME, file: '', group: true };
      } else k = { key: `${f.name}\0${f.file}`, name: f.name, file: f.file, group: false };
      if (k.group && out.at(-1)?.key === k.key) continue;
      out.push(k);
    }
    return out;
  }

  function reference(base: StackList, head: StackList, collapse: CollapseOptions, minFraction: number) {
    const root: RefNode = {
      key: '',
      name: 'all',
      file: '',
      baseTotal: 0,
      headTotal: 0,
      baseSelf: 0,
      headSelf: 0,
      children: new Map(),
    };
    for (const [side, p] of [
      ['base', base],
      ['head', head],
    ] as const) {
      for (const stack of p.stacks) {
        const v = stack.value / p.ops;
        let node = root;
        node[`${side}Total`] += v;
        for (const k of keysOf(p.frames, stack.frames, collapse)) {
          let child = node.children.get(k.key);
          if (!child) {
            child = { ...k, baseTotal: 0, headTotal: 0, baseSelf: 0, headSelf: 0, children: new Map() };
            node.children.set(k.key, child);
          }
          child[`${side}Total`] += v;
          node = child;
        }
        node[`${side}Self`] += v;
      }
    }
    const cut = Math.max(root.baseTotal, root.headTotal) * minFraction;
    // Children in order of name, then file; those below the cut on both sides left out.
    const shape = (n: RefNode): unknown => ({
      name: n.name,
      file: n.file,
      baseTotal: n.baseTotal,
      headTotal: n.headTotal,
      baseSelf: n.baseSelf,
      headSelf: n.headSelf,
      children: [...n.children.values()]
        .filter((c) => c.baseTotal >= cut || c.headTotal >= cut)
        .sort((a, b) =>
          a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
        )
        .map(shape),
    });
    return shape(root);
  }

  const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  function expectSame(actual: FlameNode, expected: unknown, path = 'all'): void {
    const e = expected as { name: string; file: string; children: unknown[] } & Record<string, number>;
    expect(`${path}: ${actual.name} ${actual.file}`).toBe(`${path}: ${e.name} ${e.file}`);
    for (const field of ['baseTotal', 'headTotal', 'baseSelf', 'headSelf'] as const) {
      if (!close(actual[field], e[field] as number)) {
        expect(`${path} ${field} ${actual[field]}`).toBe(`${path} ${field} ${e[field]}`);
      }
    }
    expect(actual.children.map((c) => c.name)).toEqual(e.children.map((c) => (c as { name: string }).name));
    actual.children.forEach((c, i) => {
      expectSame(c, e.children[i], `${path};${c.name}`);
    });
  }

  it('builds the same tree as a trie of every path, for 300 random profiles', () => {
    const kinds: Frame['kind'][] = ['user', 'dependency', 'node', 'runtime'];
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const frameCount = 1 + Math.floor(r() * 12);
      const frames: Frame[] = Array.from({ length: frameCount }, (_, i) => {
        const kind = kinds[Math.floor(r() * kinds.length)] as Frame['kind'];
        // Names repeat across files and frames repeat a function (another line): keys are name and file.
        const frame: Frame = {
          name: `f${Math.floor(r() * frameCount)}`,
          file: `file${i % 3}.js`,
          line: i,
          kind,
        };
        if (kind === 'dependency') frame.package = `pkg${i % 2}`;
        return frame;
      });
      const side = (): StackList => ({
        frames,
        ops: 1 + Math.floor(r() * 3),
        stacks: Array.from({ length: Math.floor(r() * 60) }, () => ({
          // Some frame indices are out of range (a frame the table lacks) and some stacks are empty.
          frames: Array.from({ length: Math.floor(r() * 9) }, () =>
            r() < 0.03 ? frameCount + 2 : Math.floor(r() * frameCount),
          ),
          value: Math.floor(r() * 1000),
          samples: 1,
        })),
      });
      const base = side();
      const head = side();
      const collapse: CollapseOptions = { dependencies: r() < 0.3, node: r() < 0.3 };
      const minFraction = r() < 0.4 ? 0 : r() * 0.2;
      const tree = buildFlameTree(packProfile(base), packProfile(head), { collapse, minFraction });
      expectSame(tree.root, reference(base, head, collapse, minFraction));
    }
  });
});
