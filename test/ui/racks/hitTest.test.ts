import { describe, expect, it } from 'vitest';
import { nodeAt, nodesInBox, rackAt, racksIn, toWorld, uAt, visibleWorld } from '../../../src/ui/racks/hitTest';
import { DEFAULT_GEOMETRY as G, layoutElevation } from '../../../src/ui/racks/rackLayout';
import { hyperscalePlan, referencePlan } from '../../../src/plan/samples/samples';

const layout = layoutElevation(referencePlan());
const r1 = layout.rackById.get('r1')!;

describe('elevation hit tests', () => {
  it('uAt(layout, r1, y) counts U from the bottom of a 42 U rack', () => {
    expect(uAt(layout, r1, r1.y + 0.5 * G.uPx)).toBe(42);
    expect(uAt(layout, r1, r1.y + (42 - 1 + 0.5) * G.uPx)).toBe(1);
    expect(uAt(layout, r1, r1.y + (42 - 10 + 0.5) * G.uPx)).toBe(10);
  });

  it('nodeAt finds the node drawn at a point, rackAt the rack around it', () => {
    const y = r1.y + (42 - 2 + 0.5) * G.uPx;
    expect(nodeAt(layout, r1.x + 20, y)?.id).toBe('w-0001');
    expect(rackAt(layout, r1.x + 20, r1.y + 5 * G.uPx)?.id).toBe('r1');
    expect(nodeAt(layout, r1.x + 20, r1.y + 5 * G.uPx)).toBeNull();
  });

  it('nodesInBox takes corners in any order', () => {
    const top = r1.y + (42 - 3) * G.uPx;
    const bottom = r1.y + (42 - 1) * G.uPx;
    expect(nodesInBox(layout, { x0: r1.x + G.rackWidth, y0: bottom, x1: r1.x, y1: top }).sort()).toEqual(['w-0001', 'w-0002']);
  });

  it('toWorld inverts the view transform; racksIn culls a 200-rack plan to the racks in view', () => {
    expect(toWorld({ x: 10, y: 20, k: 2 }, 50, 60)).toEqual({ x: (50 - 10) / 2, y: (60 - 20) / 2 });
    const big = layoutElevation(hyperscalePlan());
    expect(big.racks).toHaveLength(200);
    const inView = racksIn(big, visibleWorld({ x: 0, y: 0, k: 1 }, { width: 800, height: 800 }));
    expect(inView.length).toBeGreaterThan(0);
    expect(inView.length).toBeLessThan(20);
  });

  it('layoutElevation puts each room in its own column', () => {
    const big = layoutElevation(hyperscalePlan());
    const a = big.rackById.get('a1-r1')!;
    const b = big.rackById.get('b1-r1')!;
    expect(b.y).toBe(a.y);
    expect(b.x).toBeGreaterThan(big.rackById.get('a1-r10')!.x);
  });
});
