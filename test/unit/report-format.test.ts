import { describe, expect, it } from 'vitest';
import { formatDeltaNs, formatInterval, formatNs, formatPercent, shortSha } from '../../src/format.js';

describe('formatting', () => {
  it('picks a duration unit with three significant digits', () => {
    expect(formatNs(812)).toBe('812 ns');
    expect(formatNs(1240)).toBe('1.24 µs');
    expect(formatNs(3_500_000)).toBe('3.5 ms');
    expect(formatNs(2_000_000_000)).toBe('2 s');
    expect(formatDeltaNs(120)).toBe('+120 ns');
    expect(formatDeltaNs(-1500)).toBe('−1.5 µs');
  });

  it('signs percents, and leaves thresholds unsigned', () => {
    expect(formatPercent(0.123)).toBe('+12.3%');
    expect(formatPercent(-0.05)).toBe('−5.0%');
    expect(formatPercent(0)).toBe('±0.0%');
    expect(formatPercent(0.0004)).toBe('±0.0%');
    expect(formatPercent(2.5)).toBe('+250%');
    expect(formatPercent(0.05, false)).toBe('5.0%');
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('+∞');
  });

  it('writes intervals, and an unknown one for a single process', () => {
    expect(formatInterval([0.098, 0.149])).toBe('+9.8% … +14.9%');
    expect(formatInterval([-0.01, 0.02])).toBe('−1.0% … +2.0%');
    expect(formatInterval([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY])).toBe('unknown');
    expect(shortSha('0123456789abcdef')).toBe('0123456');
  });
});
