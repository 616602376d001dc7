import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sameData } from '../../workers/sameData';

describe('sameData(a, b)', () => {
  it('holds for any plain data and its structured clone (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), (x) => sameData(x, structuredClone(x))));
  });

  it('agrees with node:util isDeepStrictEqual on plain data (property)', () => {
    const small = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(0, -0, 1, 'a', null, true, NaN),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b'), tie('value')),
      ),
    })).value;
    fc.assert(fc.property(small, small, (a, b) => sameData(a, b) === isDeepStrictEqual(a, b)));
  });

  it('is false for a Map unless it is the same object, and for a missing key beside an undefined one', () => {
    const m = new Map([[1, 2]]);
    expect(sameData(m, m)).toBe(true);
    expect(sameData(m, new Map([[1, 2]]))).toBe(false);
    expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameData([1, [2, { x: 3 }]], [1, [2, { x: 3 }]])).toBe(true);
  });
});
