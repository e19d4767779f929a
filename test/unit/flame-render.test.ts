import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from '../../src/escape.js';
import { renderFlameHtml } from '../../src/flame/html.js';
import { renderFlameOutputs } from '../../src/flame/index.js';
import { renderFlameSvg } from '../../src/flame/svg.js';
import { renderFlameText } from '../../src/flame/text.js';
import { buildFlameTree } from '../../src/flame/tree.js';
import { sourceUrl } from '../../src/links.js';
import type { PackedProfile } from '../../src/model.js';
import { packProfile } from '../helpers/stacks.js';
import { profile, standardPair } from './flame-fixtures.js';

/**
 * A small XML well-formedness check: balanced and properly nested elements, quoted and unique
 * attributes, known entities only, no stray `<` or `&`. Enough to catch broken escaping.
 */
function checkXml(xml: string): void {
  const stack: string[] = [];
  let i = 0;
  let roots = 0;
  const name = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
  const text = (s: string, at: number) => {
    if (s.includes('<')) throw new Error(`stray < at ${at}`);
    for (const m of s.matchAll(/&([^;\s]*);?/g)) {
      if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(m[1] ?? '') || !m[0].endsWith(';')) {
        throw new Error(`bad entity ${m[0]} near ${at}`);
      }
    }
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      text(xml.slice(i), i);
      if (xml.slice(i).trim() && stack.length === 0) throw new Error('text after the root element');
      break;
    }
    text(xml.slice(i, lt), i);
    if (xml.startsWith('<?', lt)) {
      i = xml.indexOf('?>', lt) + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0 || xml.slice(lt + 4, end).includes('--')) throw new Error(`bad comment at ${lt}`);
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      if (stack.length === 0) throw new Error('CDATA outside the root');
      i = xml.indexOf(']]>', lt) + 3;
      if (i < 3) throw new Error('unterminated CDATA');
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt);
      const tag = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (open !== tag) throw new Error(`</${tag}> closes <${open}> at ${lt}`);
      i = end + 1;
    } else {
      const end = xml.indexOf('>', lt);
      if (end < 0) throw new Error(`unterminated tag at ${lt}`);
      let body = xml.slice(lt + 1, end);
      const selfClosing = body.endsWith('/');
      if (selfClosing) body = body.slice(0, -1);
      const tag = name.exec(body)?.[0];
      if (!tag) throw new Error(`bad tag at ${lt}`);
      let rest = body.slice(tag.length);
      const seen = new Set<string>();
      const attr = /^\s+([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("[^"<]*"|'[^'<]*')/;
      for (let m = attr.exec(rest); m; m = attr.exec(rest)) {
        if (seen.has(m[1] as string)) throw new Error(`duplicate attribute ${m[1]} at ${lt}`);
        seen.add(m[1] as string);
        text((m[2] as string).slice(1, -1), lt);
        rest = rest.slice(m[0].length);
      }
      if (rest.trim()) throw new Error(`bad attributes "${rest}" in <${tag}> at ${lt}`);
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(tag);
      i = end + 1;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

const NASTY = 'evil</script><img src=x onerror=alert(1)>&"\'`]]>\u0001';

function hugePair(): { base: PackedProfile; head: PackedProfile } {
  // A broad, deep tree: 6 × 6 × 6 × 6 × 6 leaves under chains, every leaf changed a little.
  const b: Record<string, number> = {};
  const h: Record<string, number> = {};
  let k = 0;
  const grow = (path: string, depth: number) => {
    if (depth === 5) {
      k++;
      b[path] = 1000 + (k % 7) * 10;
      h[path] = 1000 + (k % 11) * 13;
      return;
    }
    for (let i = 0; i < 6; i++) grow(`${path};f${depth}_${i}_${'x'.repeat(depth * 3)}`, depth + 1);
  };
  grow('main', 0);
  return { base: profile(b), head: profile(h) };
}

describe('flame SVG', () => {
  it('is well-formed XML with the interactive script and both panels', () => {
    const { base, head } = standardPair();
    const svg = renderFlameSvg(buildFlameTree(base, head), { title: 'bench > parse' });
    checkXml(svg);
    expect(svg).toContain('<svg');
    expect(svg).toContain('<![CDATA[');
    expect(svg).toContain('Reset zoom');
    expect(svg).toMatch(/Head: width/);
    expect(svg).toMatch(/Base: width/);
  });

  it('colours the slowed frame red and the sped-up frame blue', () => {
    const { base, head } = standardPair();
    const svg = renderFlameSvg(buildFlameTree(base, head));
    const fillOf = (fn: string) => {
      const m = new RegExp(
        `<title>${fn}\\n[^]*?</title><rect [^>]*fill="rgb\\((\\d+),(\\d+),(\\d+)\\)"`,
      ).exec(svg);
      if (!m) throw new Error(`no frame ${fn}`);
      return [Number(m[1]), Number(m[2]), Number(m[3])];
    };
    const [r, g, b] = fillOf('slow');
    expect(r).toBeGreaterThan(g as number);
    expect(r).toBeGreaterThan(b as number);
    const [r2, g2, b2] = fillOf('fast');
    expect(b2).toBeGreaterThan(r2 as number);
    expect(b2).toBeGreaterThan(g2 as number);
  });

  it('shows a base-only stack in the base panel, marked', () => {
    const { base, head } = standardPair();
    const svg = renderFlameSvg(buildFlameTree(base, head));
    expect(svg).toMatch(/<g class="f gone" data-p="1"><title>oldHelper\n/);
  });

  it('escapes hostile names', () => {
    const p = profile({ [`main;${NASTY}`]: 100 }, 1, { [NASTY]: { file: 'a&b<c>.ts' } });
    const svg = renderFlameSvg(buildFlameTree(p, p), { title: NASTY });
    checkXml(svg);
    expect(svg).not.toContain('<img');
    expect(escapeHtml(NASTY)).not.toMatch(/[<>]/);
    expect(escapeHtml(NASTY)).not.toContain(String.fromCharCode(1));
  });

  it('stays well-formed and bounded on a huge tree', () => {
    const { base, head } = hugePair();
    const svg = renderFlameSvg(buildFlameTree(base, head));
    checkXml(svg);
    expect(svg.length).toBeLessThan(20_000_000);
  });

  it('draws more frames than a call can take arguments (150,000)', () => {
    // One root function calling 150,000 distinct leaves of equal time, every frame kept and drawn.
    const leaves = 150_000;
    const frames = [{ name: 'main', file: 'a.js', line: 1, kind: 'user' as const }];
    for (let i = 0; i < leaves; i++)
      frames.push({ name: `leaf${i}`, file: 'a.js', line: i + 2, kind: 'user' });
    const side = packProfile({
      frames,
      ops: 1,
      stacks: Array.from({ length: leaves }, (_, i) => ({ frames: [0, i + 1], value: 1, samples: 1 })),
    });
    const tree = buildFlameTree(side, side, { minFraction: 0 });
    const svg = renderFlameSvg(tree, { minFramePx: 0, basePanel: false });
    expect(svg.split('<g class="f"').length - 1).toBe(leaves + 2);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });
});

describe('flame HTML viewer', () => {
  it('loads nothing from the network', () => {
    const { base, head } = standardPair();
    const html = renderFlameHtml(buildFlameTree(base, head), {
      repoUrl: 'https://github.com/o/r',
      headSha: 'abc123',
    });
    // Links for a person to click are fine; anything the browser would fetch by itself is not.
    expect(html).not.toMatch(/\b(src|srcset|poster|data|action)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).toContain("default-src 'none'");
    // The source link is in the data, built for head's SHA.
    expect(html).toContain('https://github.com/o/r/blob/abc123/src/app.ts#L');
  });

  it('embeds data that cannot break out of its script element', () => {
    const p = profile({ [`main;${NASTY}`]: 100 });
    const html = renderFlameHtml(buildFlameTree(p, p), { title: NASTY });
    const start = html.indexOf('<script type="application/json" id="flame-data">');
    const end = html.indexOf('</script>', start);
    const json = html.slice(html.indexOf('>', start) + 1, end);
    expect(json).not.toMatch(/<|>/);
    expect(JSON.parse(json).strings).toContain(NASTY);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(jsonForScript('</script><!--')).toBe('"\\u003c/script\\u003e\\u003c!--"');
  });

  it('links only repository files to source', () => {
    expect(sourceUrl('https://github.com/o/r/', 'abc', 'src/a b.ts', 7)).toBe(
      'https://github.com/o/r/blob/abc/src/a%20b.ts#L7',
    );
    expect(sourceUrl('https://github.com/o/r', 'abc', 'node:fs', 7)).toBeUndefined();
    expect(sourceUrl('https://github.com/o/r', 'abc', 'node_modules/x/a.js', 7)).toBeUndefined();
    expect(sourceUrl('https://github.com/o/r', 'abc', '', 0)).toBeUndefined();
    expect(sourceUrl(undefined, 'abc', 'src/a.ts', 1)).toBeUndefined();
  });
});

describe('flame text', () => {
  it('shows the changed frames with head time, delta and a bar inside <details>', () => {
    const { base, head } = standardPair();
    const text = renderFlameText(buildFlameTree(base, head), { maxChars: 5000, title: 'parse > big file' });
    expect(
      text.startsWith('<details><summary><b><code>parse &gt; big file</code></b>: flame graph delta'),
    ).toBe(true);
    expect(text).toContain('```text');
    expect(text.trimEnd().endsWith('</details>')).toBe(true);
    const slow = text.split('\n').find((l) => l.includes('└ slow'));
    expect(slow).toMatch(/300 ns\s+\+200 ns\s+\+200 ns\s+█*▒+/);
    expect(text).toMatch(/└ fast/);
    expect(text).toMatch(/└ legacy.*\(only on base\)/);
  });

  it('respects its budget on a huge tree and says what it left out', () => {
    const { base, head } = hugePair();
    const tree = buildFlameTree(base, head);
    for (const maxChars of [400, 1000, 3000, 10_000, 65_000]) {
      const text = renderFlameText(tree, { maxChars, maxFrames: 10_000, noise: 0 });
      expect(text.length).toBeLessThanOrEqual(maxChars);
      expect(text).toContain('</details>');
      if (maxChars >= 1000) expect(text).toMatch(/\d+ less changed frames left out/);
    }
    expect(renderFlameText(tree, { maxChars: 10 })).toBe('');
    // The default noise floor hides changes too small to matter, and says so too.
    expect(renderFlameText(tree, { maxChars: 65_000 })).toMatch(
      /\d+ frames changed by less than 0.1% of the benchmark: left out/,
    );
  });

  it('uses a fence that no name can close', () => {
    const p = profile({ 'main;a```b': 100 });
    const q = profile({ 'main;a```b': 300 });
    const text = renderFlameText(buildFlameTree(p, q), { maxChars: 5000 });
    expect(text).toContain('````text');
  });

  it('falls back to the hottest frames when nothing changed', () => {
    const { base } = standardPair();
    const text = renderFlameText(buildFlameTree(base, base), { maxChars: 5000 });
    expect(text).toContain('No frame changed');
    expect(text).toContain('└ steady');
  });
});

describe('renderFlameOutputs', () => {
  it('returns all outputs for one benchmark', () => {
    const { base, head } = standardPair();
    const out = renderFlameOutputs(base, head, { title: 'bench', maxTextChars: 3000 });
    expect(out.tree.headTotal).toBeCloseTo(650);
    expect(out.svg).toContain('<svg');
    expect(out.html).toContain('<!DOCTYPE html>');
    expect(out.text.length).toBeLessThanOrEqual(3000);
  });
});
