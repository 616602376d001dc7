import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultPngChoice, estimatePngBytes, MAX_AREA_PX, MAX_SIDE_PX, OVERVIEW_SCALE, pngChoices, READABLE_SCALE } from '../../../src/ui/racks/pngSizes';

describe('pngChoices(widthPx, heightPx)', () => {
  it('pngChoices(3148, 6608) (the 5,000-node elevation) offers 1,024, 2,048 and 4,096 px long sides, 1× and 2×', () => {
    const choices = pngChoices(3148, 6608);
    expect(choices.map((c) => [c.id, c.widthPx, c.heightPx, c.names])).toEqual([
      ['long-1024', Math.round(3148 * (1024 / 6608)), 1024, false],
      ['long-2048', Math.round(3148 * (2048 / 6608)), 2048, false],
      ['long-4096', Math.round(3148 * (4096 / 6608)), 4096, false],
      ['full', 3148, 6608, true],
      ['sharp', 3148 * 2, 6608 * 2, true],
    ]);
    // At 1× the estimate is pixels times 0.12 B/px: 3148 × 6608 × 0.12 ≈ 2.5 MB (2.25 MiB measured).
    expect(choices[3].estimatedBytes).toBe(Math.round(3148 * 6608 * 0.12));
  });

  it('pngChoices(516, 632) (three racks) offers only 1× and 2×: no fractional enlargement', () => {
    expect(pngChoices(516, 632).map((c) => [c.id, c.scale])).toEqual([
      ['full', 1],
      ['sharp', 2],
    ]);
  });

  it('pngChoices: every choice stays within the canvas limits and 2×, grows strictly, and draws node and rack names only when readable', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 60_000 }), fc.integer({ min: 50, max: 60_000 }), (w, h) => {
        const choices = pngChoices(w, h);
        expect(choices.length).toBeGreaterThan(0);
        for (const [i, c] of choices.entries()) {
          expect(c.scale).toBeLessThanOrEqual(2);
          expect(Math.max(c.widthPx, c.heightPx)).toBeLessThanOrEqual(MAX_SIDE_PX + 1);
          expect(c.widthPx * c.heightPx).toBeLessThanOrEqual(MAX_AREA_PX * 1.001 + c.widthPx + c.heightPx);
          expect(c.names).toBe(c.scale >= READABLE_SCALE);
          expect(c.rackNames).toBe(c.scale >= OVERVIEW_SCALE);
          if (i > 0) expect(c.widthPx * c.heightPx).toBeGreaterThan(choices[i - 1].widthPx * choices[i - 1].heightPx);
        }
      }),
    );
  });
});

describe('defaultPngChoice(choices)', () => {
  it('defaultPngChoice picks the largest readable choice within 4,096 px a side (the 4,096 px one on 5,000 nodes)', () => {
    expect(defaultPngChoice(pngChoices(3148, 6608)).id).toBe('long-4096');
    expect(defaultPngChoice(pngChoices(516, 632)).id).toBe('sharp');
  });
});

describe('estimatePngBytes(widthPx, heightPx, scale, names)', () => {
  it('estimatePngBytes is 0.12 B/px at 1× with names, grows as scale^1.37 with names and linearly without', () => {
    expect(estimatePngBytes(1000, 1000, 1, true)).toBe(120_000);
    expect(estimatePngBytes(1000, 1000, 2, true)).toBe(Math.round(120_000 * 2 ** 1.37));
    expect(estimatePngBytes(1000, 1000, 0.5, false)).toBe(Math.round(120_000 * 0.64 * 0.5));
  });

  it('estimatePngBytes never shrinks as the scale grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.boolean(),
        (w, h, s1, s2, names) => {
          const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
          expect(estimatePngBytes(w, h, lo, names)).toBeLessThanOrEqual(estimatePngBytes(w, h, hi, names));
        },
      ),
    );
  });
});
