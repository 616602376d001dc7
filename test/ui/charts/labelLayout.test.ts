import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barLabelPlacement, CHAR_PX, labelRows, placeRuleLabels } from '../../../src/ui/charts/labelLayout';
import { bandSlot } from '../../../src/ui/charts/bands';

describe('placeRuleLabels', () => {
  it('placeRuleLabels(guidance at 100 nodes, this plan at 129 nodes) puts them in two rows', () => {
    const placed = placeRuleLabels(
      [
        { px: 180, text: 'guidance: 100 nodes' },
        { px: 195, text: 'this plan: 129' },
      ],
      400,
    );
    expect(placed.map((p) => p.row)).toEqual([0, 1]);
    expect(labelRows(placed)).toBe(2);
  });

  it('placeRuleLabels(rules far apart) keeps them on one row', () => {
    const placed = placeRuleLabels(
      [
        { px: 10, text: 'a' },
        { px: 300, text: 'b' },
      ],
      400,
    );
    expect(placed.map((p) => p.row)).toEqual([0, 0]);
  });

  it('placeRuleLabels(rule near the right edge) anchors its label to the left of the rule', () => {
    const [p] = placeRuleLabels([{ px: 390, text: 'breaker limit' }], 400);
    expect(p.anchor).toBe('end');
    expect(p.span[1]).toBeLessThanOrEqual(390);
  });

  it('no two labels in one row overlap, and every label stays inside the plot, for any rules', () => {
    const rule = fc.record({ px: fc.double({ min: 0, max: 400, noNaN: true }), text: fc.string({ minLength: 1, maxLength: 20 }) });
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 8 }), (rules) => {
        const placed = placeRuleLabels(rules, 400);
        for (let i = 0; i < placed.length; i++) {
          for (let j = i + 1; j < placed.length; j++) {
            if (placed[i].row !== placed[j].row) continue;
            const [a, b] = [placed[i].span, placed[j].span];
            expect(a[1] <= b[0] || b[1] <= a[0]).toBe(true);
          }
          // A label wider than the plot can overflow only on the side its rule leaves free.
          if (rules[i].text.length * CHAR_PX + 3 <= 400 - rules[i].px) expect(placed[i].span[1]).toBeLessThanOrEqual(400);
        }
      }),
    );
  });
});

describe('barLabelPlacement', () => {
  it('barLabelPlacement(near-zero bar) puts the value just past its end', () => {
    expect(barLabelPlacement(0.4, '0.1 %', 300)).toEqual({ x: 3.4, anchor: 'start', inside: false });
  });

  it('barLabelPlacement(full-width bar) puts the value inside, right-aligned', () => {
    expect(barLabelPlacement(300, '600 %', 300)).toEqual({ x: 297, anchor: 'end', inside: true });
  });
});

describe('bandSlot', () => {
  it('bandSlot(20, part) splits a band into halves that never overlap', () => {
    expect(bandSlot(20, 'full')).toEqual({ offset: 0, size: 20 });
    expect(bandSlot(20, 'upper')).toEqual({ offset: 0, size: 10 });
    expect(bandSlot(20, 'lower')).toEqual({ offset: 10, size: 10 });
  });
});
