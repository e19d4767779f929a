// The recipes that bring real libraries to the tests from the npm registry: each names one exact,
// integrity-pinned version; a filled cache entry is used without the registry; and the CommonJS →
// ESM rewrite of a TypeScript-built file keeps every line's number and gives a working ES module.
// (Downloading is covered end to end by the tests that use the recipes: vitest.test.ts and
// action-vitest.test.ts, from an empty cache on a clean clone.)
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commonjsExportsToEsm, installedPackage, RECIPES, readRecipe } from '../../scripts/recipes.mjs';

const TSC_OUTPUT = [
  '"use strict";',
  'Object.defineProperty(exports, "__esModule", { value: true });',
  'exports.Box = void 0;',
  'exports.double = double;',
  'function double(n) {',
  '    return n * 2;',
  '}',
  'class Box {',
  '}',
  'exports.Box = Box;',
  '//# sourceMappingURL=index.js.map',
].join('\n');

describe('recipes', () => {
  it('every recipe names an exact version and its tarball integrity', () => {
    const names = readdirSync(RECIPES).sort();
    expect(names).toEqual([
      'cookie',
      'deepmerge',
      'js-yaml',
      'path-to-regexp',
      'piscina',
      'postcss',
      'redact',
    ]);
    for (const name of names) {
      const recipe = readRecipe(name);
      expect(recipe.version, name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(recipe.integrity, name).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
    }
  });

  describe('the cache', () => {
    const saved = process.env.FLAMEGATE_RECIPE_CACHE;
    let cache: string | undefined;
    afterEach(() => {
      if (saved === undefined) delete process.env.FLAMEGATE_RECIPE_CACHE;
      else process.env.FLAMEGATE_RECIPE_CACHE = saved;
      if (cache) rmSync(cache, { recursive: true, force: true });
    });

    it('uses a filled entry without asking the registry (the package is not published)', () => {
      cache = mkdtempSync(join(tmpdir(), 'flamegate-recipe-cache-'));
      process.env.FLAMEGATE_RECIPE_CACHE = cache;
      const entry = join(cache, '@flamegate-test+not-published@1.2.3');
      mkdirSync(entry);
      const recipe = {
        package: '@flamegate-test/not-published',
        version: '1.2.3',
        integrity: `sha512-${'A'.repeat(86)}==`,
        into: 'lib',
        files: ['index.js'],
        esm: [],
      };
      expect(installedPackage(recipe)).toBe(entry);
    });
  });

  describe('TypeScript CommonJS output as an ES module', () => {
    it('exports the same names and keeps every line where it was', async () => {
      const esm = commonjsExportsToEsm(TSC_OUTPUT, 'fixture');
      const before = TSC_OUTPUT.split('\n');
      const after = esm.split('\n');
      expect(after).toHaveLength(before.length);
      expect(after.indexOf('function double(n) {')).toBe(before.indexOf('function double(n) {'));
      expect(esm).not.toMatch(/\bexports\b/);
      const module = await import(`data:text/javascript,${encodeURIComponent(esm)}`);
      expect(module.double(21)).toBe(42);
      expect(typeof module.Box).toBe('function');
    });

    it('refuses a file with CommonJS it does not rewrite', () => {
      const required = `${TSC_OUTPUT}\nconst fs = require("fs");`;
      expect(() => commonjsExportsToEsm(required, 'fixture')).toThrow(/CommonJS left after the rewrite/);
      expect(() => commonjsExportsToEsm('module.exports = 1;', 'fixture')).toThrow(/not TypeScript's/);
    });
  });
});
