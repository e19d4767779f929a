import { describe, expect, it } from 'vitest';
import { splitList } from '../../src/settings.js';

describe('splitList (list flags and inputs: --benchmarks, --packages, working-directory, benchmarks)', () => {
  it('splits at commas and line breaks, trimming and dropping blanks', () => {
    expect(splitList(' a/*.js, b/*.js\r\nc\n\n,d ,')).toEqual(['a/*.js', 'b/*.js', 'c', 'd']);
    expect(splitList('')).toEqual([]);
  });

  it('keeps a comma inside braces in its glob', () => {
    expect(splitList('bench/{a,b}.bench.js,perf/{x,{y,z}}/*.js')).toEqual([
      'bench/{a,b}.bench.js',
      'perf/{x,{y,z}}/*.js',
    ]);
  });
});
