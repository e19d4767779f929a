import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/escape.js';
import type { BenchmarkResult, FunctionResult, Report } from '../../src/model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { bench, FILE, fnRow, report, SHA } from './compare-fixtures.js';

const REPO = 'https://github.com/acme/widgets';
const key = (name: string) => `${FILE} > ${name}`;

/** Cells per table row, counting only pipes that are not escaped (GFM splits cells on those). */
function cellCounts(md: string): number[] {
  return md
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) => l.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 2);
}

function tables(md: string): number[][] {
  // Consecutive table lines form one table; each must keep the header's cell count.
  const out: number[][] = [];
  let current: number[] = [];
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) current.push(...cellCounts(line));
    else if (current.length > 0) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

const sample = report(
  [bench('slow', 'regressed', 0.2), bench('same', 'unchanged'), bench('same too', 'unchanged')],
  [
    fnRow(key('slow'), 'hotLoop', 200, { gate: true }),
    fnRow(key('slow'), 'get', 50, {
      kind: 'dependency',
      package: 'lodash',
      file: 'node_modules/lodash/get.js',
    }),
    fnRow(key('slow'), 'readFileSync', 30, { kind: 'node', file: 'node:fs' }),
    fnRow(key('slow'), '(garbage collector)', 20, { kind: 'runtime', file: '' }),
    fnRow(key('slow'), 'quiet', 1, { status: 'unchanged' }),
  ],
  'fail',
);

describe('layout', () => {
  it('leads with the verdict after the marker, then the reasons', () => {
    const md = renderMarkdown(sample, { marker: '<!-- flamegate:k -->' });
    const lines = md.split('\n').filter((l) => l.trim() !== '');
    expect(lines[0]).toBe('<!-- flamegate:k -->');
    expect(lines[1]).toMatch(
      /^### ❌ flamegate: fail · 3 benchmarks: 1 regressed, 2 unchanged · 1 function over the function threshold/,
    );
    expect(lines[2]).toMatch(/^- `bench\/a\.bench\.js > slow`: 20\.0% slower/);
    const passing = renderMarkdown(report([bench('same', 'unchanged')]));
    expect(passing.split('\n')[0]).toBe('### ✅ flamegate: pass · 1 benchmark, unchanged');
  });

  it('puts changed rows in the main table and folds unchanged ones', () => {
    const md = renderMarkdown(sample);
    const fold = md.indexOf('<details><summary>2 unchanged benchmarks</summary>');
    expect(fold).toBeGreaterThan(0);
    const main = md.slice(0, fold);
    expect(main).toMatch(/\| Benchmark\s+\|\s+Base \|\s+Head \|\s+Change \|\s+95% CI \| Status/);
    expect(main).toContain('slow');
    expect(main).not.toContain('same too');
    expect(md.slice(fold)).toContain('same too');
    // Numbers align right.
    expect(main).toMatch(/\| :-+ \| -+: \| -+: \| -+: \| -+: \| :-+ \|/);
    expect(main).toContain('+20.0%');
    expect(main).toContain('+19.0% … +21.0%');
    expect(main).toContain('1.2 µs');
  });

  it('says so when every benchmark is unchanged', () => {
    const md = renderMarkdown(report([bench('a', 'unchanged'), bench('b', 'unchanged')]));
    expect(md).toContain('<details><summary>All 2 benchmarks unchanged</summary>');
  });

  it('keeps a benchmark whose function gate fired in the main table although its total is unchanged', () => {
    const hidden: BenchmarkResult = { ...bench('hidden', 'unchanged'), failures: ['x'] };
    const md = renderMarkdown(
      report(
        [bench('other', 'unchanged'), hidden],
        [fnRow(key('hidden'), 'encode', 100, { gate: true })],
        'fail',
      ),
    );
    const main = md.slice(0, md.indexOf('<details><summary>1 unchanged'));
    expect(main).toMatch(/hidden.*⚪ unchanged · ⛔ function threshold/);
    expect(md).toContain(`<details open><summary><b><code>${FILE} &gt; hidden</code></b>`);
  });

  it('shows failed, added and removed benchmarks with what is known', () => {
    const failed: BenchmarkResult = {
      ...bench('broken', 'failed'),
      head: null,
      error: 'head: TypeError: x is not a function\n    at y',
    };
    const added: BenchmarkResult = { ...bench('new', 'added'), base: null };
    const md = renderMarkdown(report([failed, added]));
    expect(md).toMatch(
      /\| `broken` <sub>`bench\/a\.bench\.js`<\/sub> \| +1 µs \| +– \| +– \| +– \| 💥 failed: head: TypeError: x is not a function +\|/,
    );
    expect(md).not.toContain('at y');
    expect(md).toMatch(/\| `new` .*\| +– \| +1 µs \| +– \| +– \| 🆕 added/);
  });

  it('lists function changes per benchmark, open for a regressed one, without unchanged rows', () => {
    const md = renderMarkdown(sample);
    expect(md).toContain(
      `<details open><summary><b><code>${FILE} &gt; slow</code></b>: 4 functions changed</summary>`,
    );
    expect(md).toMatch(
      /\| Function\s+\| Where\s+\| Base self\/op \| Head self\/op \| Δ self\/op \|\s+Share \| Status/,
    );
    expect(md).toMatch(
      /\| `hotLoop` ⛔ +\| `src\/lib\.js` +\| +100 ns \| +300 ns \| +\+200 ns \| +\+20\.0% \| 🔴 slower/,
    );
    expect(md).not.toContain('quiet');
    const improvedOnly = renderMarkdown(
      report([bench('fast', 'improved', -0.2)], [fnRow(key('fast'), 'loop', -200)]),
    );
    expect(improvedOnly).toContain(`<details><summary><b><code>${FILE} &gt; fast</code></b>`);
  });

  it('marks functions this PR changed, and names both versions of a bumped dependency', () => {
    const md = renderMarkdown(
      report(
        [bench('slow', 'regressed', 0.2)],
        [
          fnRow(key('slow'), 'parseXml', 150, {
            source: { changed: true, reason: 'edited', lines: [10, 40] },
          }),
          fnRow(key('slow'), 'knockOn', 40, { source: { changed: false, reason: 'unchanged' } }),
          fnRow(key('slow'), 'get', 30, {
            kind: 'dependency',
            package: 'fast-xml-parser',
            source: {
              changed: true,
              reason: 'dependency',
              packageVersions: { base: '5.3.7', head: '5.5.9' },
            },
          }),
        ],
        'fail',
      ),
    );
    expect(md).toMatch(/\| `parseXml` ✏️ +\|/);
    expect(md).toMatch(/\| `knockOn` +\|/);
    expect(md).toMatch(/\| `get` +\| 📦 `fast-xml-parser` `5\.3\.7` → `5\.5\.9` +\|/);
    expect(md).toContain('✏️ marks a function whose source this PR changed');
  });

  it('shows at most ten function rows per benchmark and says how many more there are', () => {
    const rows = Array.from({ length: 25 }, (_, i) => fnRow(key('slow'), `f${i}`, 100 - i));
    const md = renderMarkdown(report([bench('slow', 'regressed', 0.2)], rows, 'fail'));
    expect(md).toContain('`f9`');
    expect(md).not.toContain('`f10`');
    expect(md).toContain('… 15 more function rows in the full report.');
  });

  it('puts a benchmark section after its function table', () => {
    const md = renderMarkdown(sample, { sections: { [key('slow')]: 'FLAME-SECTION' } });
    expect(md.indexOf('FLAME-SECTION')).toBeGreaterThan(md.indexOf('hotLoop'));
    expect(md.indexOf('FLAME-SECTION')).toBeLessThan(md.indexOf('</details>', md.indexOf('hotLoop')));
    // A section alone (no function changed) still gets its block.
    const alone = renderMarkdown(report([bench('same', 'unchanged')]), {
      sections: { [key('same')]: 'ONLY-FLAME' },
    });
    expect(alone).toContain('ONLY-FLAME');
  });

  it('ends with the settings, the way to reproduce it, and the caller footer', () => {
    const md = renderMarkdown(sample, { footer: 'FOOTER-TEXT' });
    expect(md).toContain('6 timing processes × 2000 ms per side');
    expect(md).toContain('v20.19.0');
    expect(md).toContain(`\`npx flamegate compare --base ${SHA.base} --head ${SHA.head}\``);
    expect(md.trimEnd().endsWith('FOOTER-TEXT')).toBe(true);
  });
});

describe('links', () => {
  it('link commits, and user functions to the head commit, but no dependency, node or runtime frame', () => {
    const md = renderMarkdown(sample, { links: { repoUrl: REPO } });
    expect(md).toContain(`[\`${SHA.base.slice(0, 7)}\`](${REPO}/commit/${SHA.base})`);
    expect(md).toContain(`[\`${SHA.head.slice(0, 7)}\`](${REPO}/commit/${SHA.head})`);
    expect(md).toContain(`[\`src/lib.js\`:12](${REPO}/blob/${SHA.head}/src/lib.js#L12)`);
    expect(md).not.toContain('lodash/get.js#L');
    expect(md).toMatch(/\| `lodash`\s+\|/);
    expect(md).not.toContain('/blob/node:');
    expect(md).toMatch(/\| `node:fs`\s+\|/);
    expect(md).toMatch(/\| runtime\s+\|/);
  });

  it('are absent without a repository', () => {
    const md = renderMarkdown(sample);
    expect(md).not.toContain('](');
    expect(md).toContain(`\`${SHA.head.slice(0, 7)}\``);
  });

  it('encode file paths', () => {
    const row = fnRow(key('slow'), 'f', 100, { file: 'src/my file (1).js', line: 3 });
    const md = renderMarkdown(report([bench('slow', 'regressed', 0.2)], [row], 'fail'), {
      links: { repoUrl: REPO },
    });
    expect(md).toContain(`(${REPO}/blob/${SHA.head}/src/my%20file%20%281%29.js#L3)`);
  });
});

describe('escaping', () => {
  const nasty = 'a|b <script>*x*_y_ `z`';

  it('shows names in table cells as code, with pipes escaped and the fence longer than any backtick run', () => {
    const md = renderMarkdown(
      report([{ ...bench(nasty, 'regressed', 0.2), file: 'b|c.bench.js' }], [], 'fail'),
    );
    expect(md).toContain('`` a\\|b <script>*x*_y_ `z` ``');
    expect(md).toContain('`b\\|c.bench.js`');
    for (const t of tables(md)) expect(new Set(t).size).toBe(1);
  });

  it('keeps function names in code, with pipes escaped', () => {
    const name = 'get `x` | set <y>';
    const md = renderMarkdown(
      report([bench('slow', 'regressed', 0.2)], [fnRow(key('slow'), name, 100)], 'fail'),
    );
    expect(md).toContain('``get `x` \\| set <y>``');
    for (const t of tables(md)) expect(new Set(t).size).toBe(1);
  });

  it('escapes HTML in a summary, where Markdown escapes would show literally', () => {
    expect(escapeHtml('a_b <i> & "q"')).toBe('a_b &lt;i&gt; &amp; &quot;q&quot;');
    const name = 'snake_case <x>';
    const md = renderMarkdown(report([bench(name, 'regressed', 0.2)], [fnRow(key(name), 'f', 100)], 'fail'));
    expect(md).toContain(`<summary><b><code>${FILE} &gt; snake_case &lt;x&gt;</code></b>`);
  });

  it('escapes failure reasons and refs', () => {
    const r = report([bench('slow', 'regressed', 0.2)], [], 'fail');
    r.failures = ['x > a|b: <b>bold</b>'];
    r.head.ref = 'feat/<x>';
    const md = renderMarkdown(r);
    expect(md).toContain('- x &gt; a\\|b: &lt;b&gt;bold&lt;/b&gt;');
    expect(md).toContain('(`feat/<x>`)');
  });
});

describe('budget', () => {
  const huge = () => {
    const benchmarks = Array.from({ length: 2000 }, (_, i) =>
      bench(`case ${i} ${'x'.repeat(30)}`, i % 2 ? 'regressed' : 'unchanged', 0.3),
    );
    const functions: FunctionResult[] = Array.from({ length: 50_000 }, (_, i) =>
      fnRow(key(`case ${i % 2000} ${'x'.repeat(30)}`), `function${i}`, 10 + i),
    );
    const r = report(benchmarks, functions, 'fail');
    r.failures = benchmarks
      .filter((b) => b.status === 'regressed')
      .map((b) => `${key(b.name)}: 30.0% slower`);
    const sections = Object.fromEntries(benchmarks.map((b) => [key(b.name), 'y'.repeat(3000)]));
    return { r, sections };
  };

  it('stays under the limit with 2,000 benchmarks and 50,000 functions, and says what it left out', () => {
    const { r, sections } = huge();
    const md = renderMarkdown(r, { sections, marker: '<!-- m -->', links: { repoUrl: REPO } });
    expect(md.length).toBeLessThan(65_536);
    const lines = md.split('\n').filter((l) => l !== '');
    expect(lines[0]).toBe('<!-- m -->');
    expect(lines[1]).toMatch(/^### ❌ flamegate: fail · 2000 benchmarks: 1000 regressed, 1000 unchanged/);
    expect(md).toMatch(
      /> Left out to fit GitHub's comment limit: 2000 flame-graph sections, \d+ function rows, 1000 unchanged benchmark rows, \d+ changed benchmark rows, \d+ failure lines\./,
    );
    expect(md).toMatch(/… \d+ more changed benchmark rows in the full report\./);
    expect(md).toContain('… 1000 unchanged benchmark rows in the full report.');
    expect(md).toContain('- … and 980 more');
    expect(md).toContain('npx flamegate compare');
    for (const t of tables(md)) expect(new Set(t).size).toBe(1);
    expect(md.split('<details').length).toBe(md.split('</details>').length);
  });

  it('drops flame-graph sections before any table, keeping those of failing benchmarks first', () => {
    const r = report(
      [bench('slow', 'regressed', 0.2), bench('fast', 'improved', -0.2), bench('same', 'unchanged')],
      [fnRow(key('slow'), 'hot', 200), fnRow(key('fast'), 'cool', -200)],
      'fail',
    );
    const sections = { [key('slow')]: 'S'.repeat(20_000), [key('fast')]: 'F'.repeat(20_000) };
    const md = renderMarkdown(r, { sections, maxChars: 30_000 });
    expect(md.length).toBeLessThan(30_000);
    expect(md).toContain('S'.repeat(100));
    expect(md).not.toContain('F'.repeat(100));
    expect(md).toContain('`cool`');
    expect(md).toContain('same');
    expect(md).toContain("Left out to fit GitHub's comment limit: 1 flame-graph section.");
  });

  it('then trims function rows to the top few, then unchanged rows', () => {
    const benchmarks = [
      bench('slow', 'regressed', 0.2),
      ...Array.from({ length: 300 }, (_, i) => bench(`same ${i}`, 'unchanged')),
    ];
    const functions = Array.from({ length: 10 }, (_, i) => fnRow(key('slow'), `f${i}`, 100 - i));
    const r = report(benchmarks, functions, 'fail');
    const full = renderMarkdown(r, { maxChars: 1e9 });
    expect(full).not.toContain('Left out');
    const fewer = renderMarkdown(r, { maxChars: full.length - 100 });
    expect(fewer).toContain('`f2`');
    expect(fewer).not.toContain('`f3`');
    expect(fewer).toContain('same 299');
    const least = renderMarkdown(r, { maxChars: 5000 });
    expect(least).toContain('`f2`');
    expect(least).not.toContain('same 299');
    expect(least.length).toBeLessThan(5000);
  });

  it('keeps regressions ahead of other changes when rows must go', () => {
    const benchmarks = [
      ...Array.from({ length: 500 }, (_, i) => bench(`added ${i}`, 'added')),
      bench('the regression', 'regressed', 0.2),
    ];
    const md = renderMarkdown(report(benchmarks, [], 'fail'), { maxChars: 8000 });
    expect(md.length).toBeLessThan(8000);
    expect(md).toContain('the regression');
    expect(md.indexOf('the regression')).toBeLessThan(md.indexOf('added 0'));
  });

  it('fits even with names longer than the budget, and a tiny budget', () => {
    const long = report([bench('n'.repeat(100_000), 'regressed', 0.2)], [], 'fail');
    long.failures = [`${'n'.repeat(100_000)}: slower`];
    expect(renderMarkdown(long).length).toBeLessThan(65_536);
    const tiny = renderMarkdown(sample, { maxChars: 300 });
    expect(tiny.length).toBeLessThan(300);
    expect(tiny).toMatch(/flamegate: fail/);
    expect(tiny).toContain('cut to fit the comment limit');
  });
});

// Names from a hostile pull request: each would ping, reference, link or inject if rendered as text.
const HOSTILE = [
  '@octocat please merge',
  'cc @acme/security-team',
  'fixes #123 and GH-45',
  'see acme/widgets#7',
  'https://evil.example/payload',
  'www.evil.example',
  'mail admin@evil.example',
  '<img src=x onerror=alert(1)>',
  '[Download the fixed build](https://evil.example/x)',
  'pipe | in | name',
  'line one\n# heading\n- bullet',
];

/**
 * What GitHub still reads as text once code is set aside: code spans and <code> elements are inert
 * (no mentions, references, autolinks or HTML), so they are removed; backslash escapes go first.
 */
function textOutsideCode(md: string): string {
  return md
    .replace(/\]\(https:\/\/github\.com\/acme\/widgets\/[^)\s]*\)/g, '](OWN-LINK)')
    .replace(/\\[\s\S]/g, 'X')
    .replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' CODE ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' CODE ');
}

function hostileReport(): Report {
  const benchmarks = HOSTILE.map((name, i) => ({
    ...bench(name, i % 3 === 0 ? ('failed' as const) : ('regressed' as const), 0.2),
    file: `bench/${name}.bench.js`,
    ...(i % 3 === 0 ? { error: `head: Error: ${name}` } : {}),
  }));
  const functions = HOSTILE.flatMap((name, i) => [
    fnRow(`bench/${name}.bench.js > ${name}`, name, 100, { file: `src/${name}.js`, gate: true }),
    fnRow(`bench/${name}.bench.js > ${name}`, `dep ${i}`, 50, {
      kind: 'dependency',
      package: `@evil/${name}`,
      file: `node_modules/@evil/${name}/index.js`,
      source: { changed: true, reason: 'dependency', packageVersions: { base: name, head: '1.0.0' } },
    }),
  ]);
  const r = report(benchmarks, functions, 'fail');
  r.failures = HOSTILE.map(
    (name) => `bench/${name}.bench.js > ${name}: ${name} (${name}) self time +100 ns/op`,
  );
  r.head.ref = '@octocat/#9';
  return r;
}

describe('hostile names', () => {
  const md = renderMarkdown(hostileReport(), {
    links: { repoUrl: REPO },
    sections: Object.fromEntries(HOSTILE.map((n) => [`bench/${n}.bench.js > ${n}`, 'SECTION'])),
  });
  const text = textOutsideCode(md);

  it('cannot mention anyone', () => {
    expect(text).not.toMatch(/(^|[^\w`])@[a-z0-9]/i);
  });

  it('cannot reference an issue or pull request', () => {
    expect(text).not.toMatch(/(^|\W)#\d/);
    expect(text).not.toMatch(/\bGH-\d/i);
  });

  it('makes no link: no bare URL, www. or e-mail address, and no Markdown link of its own', () => {
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).not.toMatch(/\bwww\./i);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]/i);
    // The only links are the commit and source links built from the repository's own URL.
    expect(text.replaceAll('](OWN-LINK)', '')).not.toContain('](');
  });

  it('injects no HTML: only the tags flamegate writes', () => {
    expect(text).not.toMatch(/<(?!\/?(details|summary|b|sub|code)\b|!--)/i);
  });

  it('keeps every name on one line, and every table whole', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toHaveLength(1);
    expect(md).not.toMatch(/^- bullet/m);
    for (const t of tables(md)) expect(new Set(t).size).toBe(1);
  });
});

describe('clipping', () => {
  it('clips every line made from a name: table rows, failure bullets and summaries', () => {
    const long = `n${'x'.repeat(5000)}`;
    const r = report([bench(long, 'regressed', 0.2)], [fnRow(key(long), long, 100, { gate: true })], 'fail');
    r.failures = [`${key(long)}: ${long} (src/lib.js:12) self time +100 ns/op`];
    const md = renderMarkdown(r, { sections: { [key(long)]: 'SECTION' } });
    expect(md).not.toContain('x'.repeat(400));
    const longest = Math.max(...md.split('\n').map((l) => l.length));
    expect(longest).toBeLessThan(1000);
    // A name is shortened in the middle (both ends tell it apart), prose at its end.
    expect(md).toMatch(/^- `bench\/a\.bench\.js > nx+…x+`: nx+…$/m);
    expect(md).toMatch(/<summary><b><code>bench\/a\.bench\.js &gt; nx+…x+<\/code><\/b>/);
  });
});

describe('the benchmark table survives the budget', () => {
  const longReport = (count: number, nameLength: number) => {
    const names = Array.from(
      { length: count },
      (_, i) => `${i} ${'long benchmark name '.repeat(nameLength / 20)}`,
    );
    const benchmarks = names.map((n) => bench(n, 'regressed', 0.3));
    const functions = names.flatMap((n) =>
      Array.from({ length: 10 }, (_, j) => fnRow(key(n), `${n} fn ${j}`, 100 + j, { gate: true })),
    );
    const r = report(benchmarks, functions, 'fail');
    r.failures = functions.map(
      (f) => `${f.benchmark}: ${f.name} (src/lib.js:12) self time +${f.deltaNsPerOp} ns/op`,
    );
    const sections = Object.fromEntries(names.map((n) => [key(n), 'y'.repeat(3000)]));
    return renderMarkdown(r, { sections, marker: '<!-- m -->' });
  };

  it('keeps every row of 60 benchmarks with long names and long failure lines', () => {
    const md = longReport(60, 2000);
    expect(md.length).toBeLessThan(65_536);
    expect(md).not.toContain('cut to fit');
    expect(md).toMatch(/^\| Benchmark +\| +Base \| +Head \|/m);
    // These names end in a space, which a name shortened in the middle keeps: the code span pads it.
    for (let i = 0; i < 60; i++) expect(md).toMatch(new RegExp(`^\\| \` ?${i} long benchmark`, 'm'));
    expect(md).toMatch(/^- … and \d+ more$/m);
    expect(md).toMatch(/Left out to fit GitHub's comment limit: .*\d+ failure lines/);
  });

  it('keeps the table, cut to its most important rows, with 500 benchmarks of 300-character names', () => {
    const md = longReport(500, 300);
    expect(md.length).toBeLessThan(65_536);
    expect(md).not.toContain('cut to fit');
    expect(md).toMatch(/^\| Benchmark +\| +Base \| +Head \|/m);
    expect(md).toMatch(/^\| `0 long benchmark/m);
    expect(md).toMatch(/… \d+ more changed benchmark rows in the full report\./);
  });
});

describe('removed benchmarks', () => {
  it('says so in the verdict line and names them under it, without failing by default', () => {
    const md = renderMarkdown(
      report([bench('gone', 'removed'), bench('@octocat gone too', 'removed'), bench('kept', 'unchanged')]),
    );
    expect(md.split('\n')[0]).toBe('### ✅ flamegate: pass · 3 benchmarks: 2 removed, 1 unchanged');
    expect(md).toContain(
      '> This pull request removes 2 benchmarks: `bench/a.bench.js > gone`, `bench/a.bench.js > @octocat gone too`.',
    );
    expect(md).toContain('`thresholds.removed: fail`');
  });

  it('with thresholds.removed: fail, lists the failure line instead of the note', () => {
    const gone: BenchmarkResult = {
      ...bench('gone', 'removed'),
      failures: [`${key('gone')}: removed by this pull request (thresholds.removed: fail)`],
    };
    const r = report([gone], [], 'fail');
    r.failures = gone.failures ?? [];
    const md = renderMarkdown(r);
    expect(md.split('\n')[0]).toBe('### ❌ flamegate: fail · 1 benchmark, removed');
    expect(md).toContain(
      '- `bench/a.bench.js > gone`: removed by this pull request (thresholds.removed: fail)',
    );
    expect(md).not.toContain('This pull request removes');
  });
});
