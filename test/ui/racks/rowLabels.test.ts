import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LABEL_SCREEN_PX, MIN_LABEL_SCREEN_PX, placeRowLabels, rowLabelFontPx } from '../../../src/ui/racks/rowLabels';
import { layoutElevation } from '../../../src/ui/racks/rackLayout';
import { SAMPLES } from '../../../src/plan/samples/samples';
import { MAX_ZOOM, MIN_ZOOM } from '../../../src/state/session.svelte';

/** A generous width estimate (0.65 em a character, wider than system-ui semibold averages). */
const textWidth = (text: string, fontPx: number) => [...text].length * 0.65 * fontPx;
const layouts = Object.entries(SAMPLES).map(([name, plan]) => [name, layoutElevation(plan())] as const);
const overlaps = (a: { x0: number; y0: number; x1: number; y1: number }, b: typeof a) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('rowLabelFontPx(row, k)', () => {
  it('rowLabelFontPx keeps 11 px on screen when the band allows, shrinks to the band (80 − 8) / 1.1 world px, and drops below 8 px', () => {
    const row = { bandTop: -46, racksTop: 34 };
    expect(rowLabelFontPx(row, 1)! * 1).toBeCloseTo(LABEL_SCREEN_PX);
    expect(rowLabelFontPx(row, 0.15)).toBeCloseTo((80 - 8) / 1.1);
    // At the 5,000-node plan's Fit zoom (about 10 %), (72 / 1.1) × 0.1 = 6.5 px: dropped.
    expect(rowLabelFontPx(row, 0.1)).toBeNull();
  });
});

describe('placeRowLabels(rows, k, textWidth)', () => {
  it('placeRowLabels: at any zoom, no row label of any sample touches a rack frame, another label or its neighbour column, and none is under 8 px', () => {
    fc.assert(
      fc.property(fc.constantFrom(...layouts), fc.double({ min: MIN_ZOOM, max: MAX_ZOOM, noNaN: true }), ([name, layout], k) => {
        const g = layout.geometry;
        const frames = layout.racks.map((r) => ({ x0: r.x - 2, y0: r.y - 2, x1: r.x + g.rackWidth + 2, y1: r.y + r.heightU * g.uPx + 2 }));
        const placed = placeRowLabels(layout.rows, k, textWidth);
        for (const [i, label] of placed.entries()) {
          expect(label.fontPx * k, name).toBeGreaterThanOrEqual(MIN_LABEL_SCREEN_PX);
          for (const f of frames) expect(overlaps(label.box, f), `${name} ${label.text} at k=${k}`).toBe(false);
          for (const other of placed.slice(i + 1)) expect(overlaps(label.box, other.box), `${name}: ${label.text} / ${other.text}`).toBe(false);
          const row = layout.rows.find((r) => r.id === label.id)!;
          expect(label.box.x1 - label.box.x0).toBeLessThanOrEqual(row.maxWidth);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('placeRowLabels on the 5,000-node plan shows every row label at 20 % and none at Fit (10 %)', () => {
    const [, layout] = layouts.find(([name]) => name === 'hyperscale-5000.json')!;
    expect(placeRowLabels(layout.rows, 0.2, textWidth)).toHaveLength(layout.rows.length);
    expect(placeRowLabels(layout.rows, 0.1, textWidth)).toEqual([]);
  });

  it('placeRowLabels cuts a 120-character row name to its column with an ellipsis, keeping the full name', () => {
    const row = { id: 'r', text: 'R'.repeat(120), x: 0, y: 14, bandTop: -46, racksTop: 34, maxWidth: 300 };
    const [label] = placeRowLabels([row], 1, textWidth);
    expect(label.text.endsWith('…')).toBe(true);
    expect(textWidth(label.text, label.fontPx)).toBeLessThanOrEqual(300);
    expect(textWidth(`${label.text.slice(0, -1)}R…`, label.fontPx)).toBeGreaterThan(300);
    expect(label.fullText).toBe(row.text);
  });
});
