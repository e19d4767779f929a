// The HTML viewer and the SVG in a real browser: Debian's chromium driven by playwright-core. A
// missing browser is a failure, not a skip: this is the only test of the viewer's script.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFlameOutputs } from '../../src/flame/index.js';
import { profile } from '../unit/flame-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = resolve('test-output');

function demoPair() {
  const specs = {
    parseDocument: { file: 'src/parser.ts', line: 12 },
    tokenize: { file: 'src/tokenizer.ts', line: 40 },
    readEntity: { file: 'src/tokenizer.ts', line: 120 },
    decodeEntities: {
      file: 'node_modules/entities/lib/decode.js',
      kind: 'dependency' as const,
      package: 'entities',
    },
    buildTree: { file: 'src/tree.ts', line: 8 },
    appendChild: { file: 'src/tree.ts', line: 60 },
    legacyNormalize: { file: 'src/normalize.ts', line: 5 },
    'Buffer.toString': { file: 'node:buffer', kind: 'node' as const },
    '(garbage collector)': { file: '', kind: 'runtime' as const },
    bench: { file: 'bench/parse.bench.ts', kind: 'harness' as const },
  };
  const base = profile(
    {
      'bench;parseDocument;tokenize;readEntity;decodeEntities': 20_000,
      'bench;parseDocument;tokenize;readEntity': 10_000,
      'bench;parseDocument;tokenize': 30_000,
      'bench;parseDocument;tokenize;Buffer.toString': 8_000,
      'bench;parseDocument;buildTree;appendChild': 25_000,
      'bench;parseDocument;buildTree': 5_000,
      'bench;parseDocument;legacyNormalize': 12_000,
      '(garbage collector)': 6_000,
    },
    100,
    specs,
  );
  const head = profile(
    {
      'bench;parseDocument;tokenize;readEntity;decodeEntities': 20_000,
      'bench;parseDocument;tokenize;readEntity': 48_000,
      'bench;parseDocument;tokenize': 30_000,
      'bench;parseDocument;tokenize;Buffer.toString': 8_000,
      'bench;parseDocument;buildTree;appendChild': 14_000,
      'bench;parseDocument;buildTree': 5_000,
      '(garbage collector)': 9_000,
    },
    100,
    specs,
  );
  return { base, head };
}

let dataDir = '';
let context: BrowserContext;
let htmlUrl = '';
let svgUrl = '';

async function openPage(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  // Anything the page tries to fetch from the network is a failure of "self-contained".
  page.on('request', (req) => {
    if (!req.url().startsWith('file:') && !req.url().startsWith('data:'))
      errors.push(`request: ${req.url()}`);
  });
  await page.goto(url);
  return { page, errors };
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to test the viewer`,
    );
  }
  mkdirSync(OUT, { recursive: true });
  const { base, head } = demoPair();
  const out = renderFlameOutputs(base, head, {
    title: 'bench/parse.bench.ts > parse 1 MB document',
    repoUrl: 'https://github.com/example/parser',
    headSha: '0123456789abcdef0123456789abcdef01234567',
  });
  writeFileSync(join(OUT, 'viewer.html'), out.html);
  writeFileSync(join(OUT, 'flame.svg'), out.svg);
  writeFileSync(join(OUT, 'flame.md'), out.text);
  htmlUrl = pathToFileURL(join(OUT, 'viewer.html')).href;
  svgUrl = pathToFileURL(join(OUT, 'flame.svg')).href;
  dataDir = mkdtempSync(join(tmpdir(), 'flamegate-chromium-'));
  context = await chromium.launchPersistentContext(dataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
});

afterAll(async () => {
  await context?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('HTML viewer in chromium', () => {
  it('shows the regressed frame in the diff view, finds it by search, zooms and sorts', async () => {
    const { page, errors } = await openPage(htmlUrl);
    await expect.poll(() => page.locator('.frame').count()).toBeGreaterThan(5);
    expect(await page.locator('#view-diff').getAttribute('class')).toContain('on');

    const regressed = page.locator('.frame', { hasText: 'readEntity' });
    expect(await regressed.count()).toBe(1);
    expect(await regressed.getAttribute('class')).toContain('grew');
    const bg = await regressed.evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
    expect(r).toBeGreaterThan((g as number) + 50);
    expect(r).toBeGreaterThan((b as number) + 50);
    expect(await page.locator('.frame', { hasText: 'appendChild' }).getAttribute('class')).toContain(
      'shrank',
    );

    await page.fill('#search', 'readent');
    await expect
      .poll(() => page.locator('#search-count').textContent())
      .toMatch(/^1 match, \d+(\.\d)?% of head time/);
    expect(await page.locator('.frame.match').count()).toBe(1);
    expect(await page.locator('.frame.match').textContent()).toBe('readEntity');

    // Zoom into tokenize: it fills the width, its parent is drawn faded above it.
    await page.locator('.frame', { hasText: /^tokenize$/ }).click();
    expect(await page.locator('#crumbs').textContent()).toContain('tokenize');
    const chartWidth = await page.locator('#chart').evaluate((el) => el.clientWidth);
    const tokWidth = await page
      .locator('.frame', { hasText: /^tokenize$/ })
      .evaluate((el) => el.getBoundingClientRect().width);
    expect(tokWidth).toBeGreaterThan(chartWidth * 0.95);
    expect(await page.locator('.frame', { hasText: 'appendChild' }).count()).toBe(0);
    await page.click('#reset');
    expect(await page.locator('.frame', { hasText: 'appendChild' }).count()).toBe(1);

    // Table: sorted by |Δ self| by default; the link points at head's SHA.
    const first = page.locator('#functions tbody tr').first();
    expect(await first.locator('td').first().textContent()).toBe('readEntity');
    expect(await first.locator('a').getAttribute('href')).toBe(
      'https://github.com/example/parser/blob/0123456789abcdef0123456789abcdef01234567/src/tokenizer.ts#L120',
    );
    await page.fill('#search', '');
    await page.locator('.frame', { hasText: 'readEntity' }).hover();
    await page.screenshot({ path: join(OUT, 'viewer.png'), fullPage: true });

    await page.click('#functions th[data-sort="name"]');
    const names = await page.locator('#functions tbody td.fn').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows base-only stacks in the base-sized diff and the plain views', async () => {
    const { page, errors } = await openPage(htmlUrl);
    expect(await page.locator('.frame', { hasText: 'legacyNormalize' }).count()).toBe(0);
    await page.click('#view-diffbase');
    const gone = page.locator('.frame', { hasText: 'legacyNormalize' });
    expect(await gone.count()).toBe(1);
    expect(await gone.getAttribute('class')).toContain('gone');
    await page.click('#view-head');
    expect(await page.locator('.frame', { hasText: 'legacyNormalize' }).count()).toBe(0);
    await page.click('#view-base');
    expect(await page.locator('.frame', { hasText: 'legacyNormalize' }).count()).toBe(1);
    await page.screenshot({ path: join(OUT, 'viewer-base.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('SVG in chromium', () => {
  it('parses, zooms on click and highlights a search', async () => {
    const { page, errors } = await openPage(svgUrl);
    expect(await page.evaluate(() => document.documentElement.tagName)).toBe('svg');
    expect(await page.evaluate(() => document.getElementsByTagName('parsererror').length)).toBe(0);
    // Frames are found by their tooltip's first line (the function name), in the head panel.
    const frame = (name: string, action: 'width' | 'class' | 'click') =>
      page.evaluate(
        ([n, a]) => {
          const g = Array.from(document.querySelectorAll('g.f[data-p="0"]')).find(
            (el) => el.querySelector('title')?.textContent?.split('\n')[0] === n,
          );
          if (!g) return null;
          if (a === 'click') {
            g.dispatchEvent(new MouseEvent('click', { bubbles: true }));
            return 'clicked';
          }
          return a === 'width' ? g.querySelector('rect')?.getAttribute('width') : g.getAttribute('class');
        },
        [name, action] as const,
      );
    const before = Number(await frame('readEntity', 'width'));
    expect(before).toBeGreaterThan(0);
    // fullPage screenshots hang on a bare SVG document (no body to measure): size the viewport instead.
    const height = await page.evaluate(() => Number(document.documentElement.getAttribute('height')));
    await page.setViewportSize({ width: 1200, height: Math.min(height, 4000) });
    await page.screenshot({ path: join(OUT, 'flame-svg.png') });
    expect(await frame('tokenize', 'click')).toBe('clicked');
    expect(Number(await frame('readEntity', 'width'))).toBeGreaterThan(before * 1.2);
    expect(await frame('appendChild', 'class')).toContain('hid');
    await page.evaluate(() =>
      document.getElementById('reset')?.dispatchEvent(new MouseEvent('click', { bubbles: true })),
    );
    expect(Number(await frame('readEntity', 'width'))).toBeCloseTo(before, 1);

    page.once('dialog', (dialog) => dialog.accept('readEnt'));
    await page.evaluate(() =>
      document.getElementById('search')?.dispatchEvent(new MouseEvent('click', { bubbles: true })),
    );
    await expect
      .poll(() => page.evaluate(() => document.getElementById('matched')?.textContent))
      .toMatch(/Matched: 2 frames/);
    expect(await frame('readEntity', 'class')).toContain('hl');
    expect(errors).toEqual([]);
    await page.close();
  });
});
