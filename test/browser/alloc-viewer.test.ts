// The allocation flame-graph delta in a real browser: the same viewer, its values in bytes per op.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFlameTree, renderFlameHtml } from '../../src/flame/index.js';
import { profile } from '../unit/flame-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = resolve('test-output');
let dataDir = '';
let context: BrowserContext;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(OUT, { recursive: true });
  // Bytes per op: readPlainScalar allocates 10 KB on base and 54 KB on head.
  // The profiles carry the heap profiler's sample type; the viewer takes its unit from them.
  const heap = { type: 'alloc_space', unit: 'bytes' };
  const stacks = (scalar: number) => ({
    'load;readPlainScalar': scalar,
    'load;readBlockMapping': 204_800 * 100,
  });
  const base = profile(stacks(10_240 * 100), 100, {}, heap);
  const head = profile(stacks(55_296 * 100), 100, {}, heap);
  const html = renderFlameHtml(buildFlameTree(base, head), { title: 'Allocation flame graph delta: load' });
  writeFileSync(join(OUT, 'alloc-viewer.html'), html);
  dataDir = mkdtempSync(join(tmpdir(), 'flamegate-chromium-'));
  context = await chromium.launchPersistentContext(dataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
});

afterAll(async () => {
  await context?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('allocation viewer in chromium', () => {
  it('shows the function that allocates more, in bytes per op', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(pathToFileURL(join(OUT, 'alloc-viewer.html')).href);
    await expect.poll(() => page.locator('.frame').count()).toBeGreaterThan(1);
    expect(await page.locator('.frame', { hasText: 'readPlainScalar' }).getAttribute('class')).toContain(
      'grew',
    );
    const row = page.locator('#functions tbody tr', { hasText: 'readPlainScalar' });
    const text = (await row.locator('td').allTextContents()).join(' ');
    expect(text).toContain('10 KiB');
    expect(text).toContain('54 KiB');
    expect(text).toContain('+44 KiB');
    expect(text).not.toMatch(/µs|ns\b/);
    expect(errors).toEqual([]);
  });
});
