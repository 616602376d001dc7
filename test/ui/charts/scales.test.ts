import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScale, extent, position, ticksOf } from '../../../src/ui/charts/scales';

describe('chart scales', () => {
  it('createScale("linear", [0, 10], [0, 200]) maps 2.5 to 2.5 / 10 * 200', () => {
    expect(position(createScale('linear', [0, 10], [0, 200]), 2.5)).toBe((2.5 / 10) * 200);
  });

  it('createScale("band", keys, range) centres each key in its band', () => {
    const s = createScale('band', ['a', 'b'], [0, 100]);
    // padding 0.2 of a 2-band scale: step = 100 / (2 + 0.2) ; band = step * 0.8
    const step = 100 / 2.2;
    expect(position(s, 'a')).toBeCloseTo(step * 0.2 + (step * 0.8) / 2, 9);
    expect(ticksOf(s, 5)).toEqual(['a', 'b']);
  });

  it('createScale("linear", [v, v], …) widens a zero-width domain instead of dividing by zero', () => {
    expect(Number.isFinite(position(createScale('linear', [3, 3], [0, 100]), 3))).toBe(true);
  });

  it('extent(values, include) spans every finite value and the included ones', () => {
    expect(extent([3, Number.NaN, 7], [0])).toEqual([0, 7]);
    expect(extent([])).toEqual([0, 1]);
  });

  it('position(linear scale, v) is monotone in v', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (a, b) => {
        const s = createScale('linear', [0, 1e6], [0, 500]);
        return a <= b ? position(s, a) <= position(s, b) : position(s, a) >= position(s, b);
      }),
    );
  });
});
