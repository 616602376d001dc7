import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatGoDuration, parseGoDuration } from '../../../src/export/omni/goDuration';

describe('parseGoDuration / formatGoDuration', () => {
  it('parseGoDuration("2h0m0s") is 2 x 3600 s; "1.5h" is 5400 s; "300ms" is 0.3 s; "0" is 0', () => {
    expect(parseGoDuration('2h0m0s')).toBe(2 * 3600);
    expect(parseGoDuration('1.5h')).toBe(1.5 * 3600);
    expect(parseGoDuration('300ms')).toBeCloseTo(0.3, 12);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('-30s')).toBe(-30);
  });

  it('parseGoDuration refuses "", "30", "2 hours", "h" and "1d"', () => {
    for (const t of ['', '30', '2 hours', 'h', '1d', '1h ', '+']) expect(parseGoDuration(t)).toBeUndefined();
  });

  it('formatGoDuration(7200) is "2h0m0s", as Go prints it; formatGoDuration(90) is "1m30s"', () => {
    expect(formatGoDuration(7200)).toBe('2h0m0s');
    expect(formatGoDuration(90)).toBe('1m30s');
    expect(formatGoDuration(0)).toBe('0s');
  });

  it('parseGoDuration(formatGoDuration(s)) is s for whole seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), (s) => {
        expect(parseGoDuration(formatGoDuration(s))).toBe(s);
      }),
    );
  });
});
