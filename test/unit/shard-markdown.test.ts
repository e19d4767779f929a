import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { bench, report } from './compare-fixtures.js';

describe('the comment of a monorepo run', () => {
  it('groups the benchmark tables by package, packages in name order', () => {
    const rows = [
      {
        ...bench('parse', 'regressed', 0.3),
        package: 'packages/parser',
        file: 'packages/parser/bench/a.bench.js',
      },
      {
        ...bench('djb2', 'unchanged'),
        package: 'packages/checksum',
        file: 'packages/checksum/bench/s.bench.js',
      },
      {
        ...bench('tokenize', 'unchanged'),
        package: 'packages/parser',
        file: 'packages/parser/bench/a.bench.js',
      },
      {
        ...bench('fnv', 'regressed', 0.4),
        package: 'packages/checksum',
        file: 'packages/checksum/bench/s.bench.js',
      },
    ];
    const md = renderMarkdown(report(rows, []));
    // Changed rows: both packages, checksum first; unchanged rows (folded): both packages again.
    const headings = [...md.matchAll(/\*\*📦 `([^`]+)`\*\*/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'packages/checksum',
      'packages/parser',
      'packages/checksum',
      'packages/parser',
    ]);
    const changed = md.slice(0, md.indexOf('<details>'));
    expect(changed.indexOf('fnv')).toBeGreaterThan(changed.indexOf('packages/checksum**'));
    expect(changed.indexOf('parse')).toBeGreaterThan(changed.indexOf('packages/parser**'));
  });

  it('keeps one plain table when no benchmark has a package', () => {
    const md = renderMarkdown(report([bench('a', 'regressed', 0.3), bench('b', 'unchanged')], []));
    expect(md).not.toContain('**📦');
  });
});
