// What the pull request changed, read from a real git repository and a real node_modules layout.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeChanges,
  functionRanges,
  installedPackages,
  installedVersions,
  parseDiff,
} from '../../src/workspace/changes.js';
import { createWorkspace } from '../../src/workspace/workspace.js';

const LIB = `export function parse(text) {
  let out = 0;
  for (const c of text) out += c.charCodeAt(0);
  return out;
}

export const render = (items) =>
  items.map((item) => {
    return String(item);
  });

export function unchanged() {
  return 1;
}
`;

function write(dir: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

describe('describeChanges', () => {
  it('finds the head lines the diff touches, function ranges of changed files (from git, not the checkout), new and deleted files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flamegate-changes-'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@x', '-c', 'user.name=t', ...args], {
        cwd: dir,
        encoding: 'utf8',
      });
    git('init', '-q', '-b', 'main');
    write(dir, {
      'src/lib.js': LIB,
      'src/gone.js': 'export const x = 1;\n',
      'src/types.ts': 'export function id<T>(x: T): T {\n  return x;\n}\n',
    });
    git('add', '-A');
    git('commit', '-qm', 'base');
    write(dir, {
      'src/lib.js': LIB.replace('return String(item);', 'return String(item).trim();'),
      'src/new.ts': 'interface A { b: number }\nexport function fresh(a: A): number {\n  return a.b;\n}\n',
      'src/types.ts': 'export function id<T>(x: T): T {\n  // a comment\n  return x;\n}\n',
    });
    git('rm', '-q', 'src/gone.js');
    // A committed link to a device: read, it would never end.
    symlinkSync('/dev/zero', join(dir, 'src/zero.js'));
    git('add', '-A');
    git('commit', '-qm', 'head');
    const workspace = await createWorkspace({ cwd: dir, base: 'HEAD~1', head: 'HEAD' });
    try {
      // What an install script could do to the checkout: the committed head is what counts.
      rmSync(join(workspace.head.root, 'src/lib.js'));
      const files = await describeChanges(workspace);
      expect(files['src/lib.js']).toEqual({
        status: 'modified',
        changedLines: [[9, 9]],
        functions: [
          [1, 5],
          [7, 10],
          [8, 10],
          [12, 14],
        ],
      });
      expect(files['src/gone.js']?.status).toBe('deleted');
      // TypeScript is stripped by Node's own stripper, which keeps every position.
      expect(files['src/new.ts']).toMatchObject({ status: 'added', functions: [[2, 4]] });
      expect(files['src/types.ts']).toMatchObject({ changedLines: [[2, 2]], functions: [[1, 4]] });
      expect(files['src/zero.js']).toEqual({ status: 'added', changedLines: [[1, 1]] });
      expect(installedVersions(workspace)).toEqual({ base: {}, head: {} });
    } finally {
      await workspace.dispose();
    }
  });
});

describe('parseDiff', () => {
  it('reads hunks, pure deletions and quoted paths', () => {
    const diff = [
      'diff --git a/a.js b/a.js',
      '--- a/a.js',
      '+++ b/a.js',
      '@@ -3,2 +3,0 @@ function f() {',
      '-x',
      '-y',
      '@@ -10 +8,3 @@',
      'diff --git "a/sp ace.js" "b/sp ace.js"',
      'new file mode 100644',
      '--- /dev/null',
      '+++ "b/sp ace.js"',
      '@@ -0,0 +1,2 @@',
    ].join('\n');
    expect(parseDiff(diff)).toEqual({
      'a.js': {
        status: 'modified',
        changedLines: [
          [3, 4],
          [8, 10],
        ],
      },
      'sp ace.js': { status: 'added', changedLines: [[1, 2]] },
    });
  });
});

describe('installedPackages and functionRanges', () => {
  it('lists nested, scoped and pnpm-store packages by folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'flamegate-pkgs-'));
    const pkg = (path: string, version: string) =>
      write(root, {
        [`${path}/package.json`]: JSON.stringify({ name: path.split('node_modules/').pop(), version }),
      });
    pkg('node_modules/yaml', '2.9.1');
    pkg('node_modules/@scope/tool', '1.0.0');
    pkg('node_modules/yaml/node_modules/inner', '0.1.0');
    pkg('node_modules/.pnpm/fast-xml-parser@5.5.9/node_modules/fast-xml-parser', '5.5.9');
    // An install script's trap: a manifest that is a link to a device is not read.
    mkdirSync(join(root, 'node_modules/zero'));
    symlinkSync('/dev/zero', join(root, 'node_modules/zero/package.json'));
    expect(installedPackages(root)).toEqual({
      'node_modules/yaml': '2.9.1',
      'node_modules/@scope/tool': '1.0.0',
      'node_modules/yaml/node_modules/inner': '0.1.0',
      'node_modules/.pnpm/fast-xml-parser@5.5.9/node_modules/fast-xml-parser': '5.5.9',
    });
  });

  it('gives no ranges for a file that does not parse', () => {
    expect(functionRanges('function (', 'bad.js')).toBeUndefined();
  });
});
