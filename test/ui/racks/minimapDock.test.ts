import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DOCK_PAD, MINIMAP_MAX_H, MINIMAP_MAX_W, minimapDock } from '../../../src/ui/racks/minimapDock';
import { layoutElevation } from '../../../src/ui/racks/rackLayout';
import { SAMPLES } from '../../../src/plan/samples/samples';

describe('minimapDock(worldWidth, worldHeight, stageWidth, stageHeight)', () => {
  it('minimapDock(600, 1400, 700, 700) fits the world into 60 × 140 px and docks right: (60 + 12) / 700 < (140 + 12) / 700', () => {
    const d = minimapDock(600, 1400, 700, 700);
    expect(d.scale).toBeCloseTo(140 / 1400);
    expect([d.width, d.height]).toEqual([60, 140]);
    expect(d.side).toBe('right');
  });

  it('minimapDock(2000, 400, 700, 700) docks a wide, short world below: (40 + 12) / 700 < (200 + 12) / 700', () => {
    const d = minimapDock(2000, 400, 700, 700);
    expect([d.width, d.height]).toEqual([200, 40]);
    expect(d.side).toBe('below');
  });

  it('minimapDock(hyperscale-5000 elevation, 460 × 600 stage) docks right, as at 800 px', () => {
    const layout = layoutElevation(SAMPLES['hyperscale-5000.json']());
    expect(minimapDock(layout.width, layout.height, 460, 600).side).toBe('right');
  });

  it('minimapDock never exceeds 200 × 140 px (nor goes under 40 × 30), and takes the side with the smaller share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 100, max: 4000 }),
        fc.integer({ min: 100, max: 4000 }),
        (ww, wh, sw, sh) => {
          const d = minimapDock(ww, wh, sw, sh);
          expect(d.width).toBeLessThanOrEqual(Math.max(40, MINIMAP_MAX_W));
          expect(d.height).toBeLessThanOrEqual(Math.max(30, MINIMAP_MAX_H));
          expect(d.width).toBeGreaterThanOrEqual(40);
          expect(d.height).toBeGreaterThanOrEqual(30);
          const right = (d.width + 2 * DOCK_PAD) / sw;
          const below = (d.height + 2 * DOCK_PAD) / sh;
          expect(d.side).toBe(right <= below ? 'right' : 'below');
        },
      ),
    );
  });
});
