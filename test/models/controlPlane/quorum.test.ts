import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quorumSize, quorumSummary, toleratedFailures } from '../../../src/models/controlPlane/quorum';

describe('quorum', () => {
  it('quorumSize(n) is floor(n / 2) + 1', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(quorumSize)).toEqual([1, 2, 2, 3, 3, 4, 4]);
    expect(quorumSize(5)).toBe(Math.floor(5 / 2) + 1);
  });

  it('toleratedFailures(n) is n - quorum, so even counts add nothing', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(toleratedFailures)).toEqual([0, 0, 1, 1, 2, 2, 3]);
    expect(toleratedFailures(4)).toBe(toleratedFailures(3));
  });

  it('quorumSize(0) and toleratedFailures(0) are 0', () => {
    expect(quorumSize(0)).toBe(0);
    expect(toleratedFailures(0)).toBe(0);
  });

  it('quorumSummary(4) flags the even count', () => {
    expect(quorumSummary(4)).toEqual({ members: 4, quorum: 3, toleratedFailures: 1, evenCount: true });
  });

  it('quorum survives iff a majority is up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 99 }), (n, down) => {
        fc.pre(down <= n);
        const up = n - down;
        expect(up >= quorumSize(n)).toBe(up > n / 2);
        expect(down <= toleratedFailures(n)).toBe(up > n / 2);
      }),
    );
  });
});
