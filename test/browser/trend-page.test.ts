// The trend page in a real browser: Debian's chromium driven by playwright-core. Asserts from what the
// page itself drew (window.__trend, left by its script, and the canvas pixels) that a creep of +1% per
// commit is on the chart with its intervals and the anchor change, and that nothing was loaded from
// the network. A missing browser is a failure, not a skip: this is the only test of the page's script.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTrendPage } from '../../src/history/page.js';
import type { TrendDrawn } from '../../src/history/page-data.js';
import { benchmark, creepEntries, REPO, sha } from '../helpers/trend-entries.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = resolve('test-output');
const HOSTILE_NAME = '</script><img src=x onerror="document.title=1">';
/** The anchor line's colour in page-script.ts. */
const ANCHOR_RGB = [0x82, 0x50, 0xdf];

let dataDir = '';
let context: BrowserContext;
let pageUrl = '';

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to test the trend page`,
    );
  }
  mkdirSync(OUT, { recursive: true });
  // 12 runs: `parse` creeps +1% per commit, `render` stays flat, the anchor moves from v1.0.0 to
  // v1.1.0 at run 6; one more benchmark, measured in the last runs only, has a hostile name.
  const entries = creepEntries(12, 6).map((entry, i) =>
    i >= 9
      ? {
          ...entry,
          benchmarks: [...entry.benchmarks, benchmark(HOSTILE_NAME, -0.03, 0.01, 'bench/x.bench.ts')],
        }
      : entry,
  );
  const file = join(OUT, 'trend-page.html');
  writeFileSync(file, renderTrendPage(entries, { repoUrl: REPO, title: 'acme/widgets: trend' }));
  pageUrl = pathToFileURL(file).href;
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
    viewport: { width: 1100, height: 900 },
  });
});

afterAll(async () => {
  await context?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('trend page in chromium', () => {
  it('draws the creep with its intervals, the zero line and the anchor change, loading nothing', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('dialog', (dialog) => errors.push(`dialog: ${dialog.message()}`));
    // Anything the page tries to fetch beyond its own file is a failure of "self-contained".
    const requests: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(pageUrl);

    await expect.poll(() => page.evaluate(() => window.__trend?.charts.length ?? 0)).toBe(3);
    const drawn = (await page.evaluate(() => window.__trend)) as TrendDrawn;
    expect(drawn.errors).toEqual([]);
    // The creep is first (largest latest change), then the flat one, then the improvement.
    expect(drawn.charts.map((c) => c.name)).toEqual(['parse', 'render', HOSTILE_NAME]);
    const [creep, flat, hostile] = drawn.charts;
    expect(creep).toEqual({
      name: 'parse',
      points: 12,
      intervals: 12,
      anchorMarkers: [{ index: 6, label: 'v1.1.0' }],
      zeroLine: true,
    });
    expect(flat?.points).toBe(12);
    expect(hostile?.points).toBe(3);

    // The plotted data itself: uPlot draws into canvases, one per chart; the anchor line's colour is
    // on the creep's canvas, in the column between runs 5 and 6.
    expect(await page.locator('.chart canvas').count()).toBe(3);
    const anchorColumn = await page
      .locator('.chart canvas')
      .first()
      .evaluate((canvas: HTMLCanvasElement, rgb) => {
        const ctx = canvas.getContext('2d');
        if (!ctx) return -1;
        const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const columns = new Set<number>();
        for (let y = 0; y < height; y++)
          for (let x = 0; x < width; x++) {
            const p = (y * width + x) * 4;
            if (data[p] === rgb[0] && data[p + 1] === rgb[1] && data[p + 2] === rgb[2]) columns.add(x);
          }
        // The dashed vertical line: the column with the most anchor-coloured pixels, as a share of the width.
        let best = -1;
        let bestCount = 0;
        for (const x of columns) {
          let count = 0;
          for (let y = 0; y < height; y++) {
            const p = (y * width + x) * 4;
            if (data[p] === rgb[0] && data[p + 1] === rgb[1] && data[p + 2] === rgb[2]) count++;
          }
          if (count > bestCount) [best, bestCount] = [x, count];
        }
        return bestCount > height / 4 ? best / width : -1;
      }, ANCHOR_RGB);
    // x runs from −0.5 to 11.5 over the plot area: the line at 5.5 is a little right of the middle.
    expect(anchorColumn).toBeGreaterThan(0.45);
    expect(anchorColumn).toBeLessThan(0.65);

    // The hostile name is text, and ran nothing.
    expect(await page.locator('#bench-2 h2 .name').textContent()).toBe(HOSTILE_NAME);
    expect(await page.title()).toBe('acme/widgets: trend');

    // Hovering the last run shows its commit and flame graph links under the chart.
    const over = page.locator('#bench-0 .u-over');
    const box = await over.boundingBox();
    if (!box) throw new Error('no chart overlay');
    await page.mouse.move(box.x + box.width * (11.5 / 12), box.y + box.height / 2);
    const point = page.locator('#bench-0 .point');
    await expect.poll(() => point.textContent()).toContain('+6.0% (95% CI +5.6% … +6.4%) against v1.1.0');
    expect(await point.locator('a').first().getAttribute('href')).toBe(`${REPO}/commit/${sha(12)}`);
    expect(await point.locator('a').nth(1).getAttribute('href')).toBe(`${REPO}/actions/runs/1011`);

    // The creep's runs, with their movers, open in the screenshot.
    await page.locator('#bench-0 details summary').click();
    expect(await page.locator('#bench-0 details tbody tr').count()).toBe(12);
    await page.screenshot({ path: join(OUT, 'trend-page.png'), fullPage: true });
    expect(requests).toEqual([pageUrl]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
