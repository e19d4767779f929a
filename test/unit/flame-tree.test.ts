import { describe, expect, it } from 'vitest';
import { deltaColor } from '../../src/flame/color.js';
import { buildFlameTree, type FlameNode, flameFunctions } from '../../src/flame/tree.js';
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
