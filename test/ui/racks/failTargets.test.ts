import { describe, expect, it } from 'vitest';
import { failTargetAt, feedMarkerBoxes, torBoxes } from '../../../src/ui/racks/failTargets';
import { DEFAULT_GEOMETRY as G, layoutElevation } from '../../../src/ui/racks/rackLayout';
import { referencePlan } from '../../../src/plan/samples/samples';

const layout = layoutElevation(referencePlan());
const r2 = layout.rackById.get('r2')!;

describe('failTargetAt', () => {
  it('torBoxes(rack with 2 × 1 U switches) stacks ToR A above ToR B, one U each; feedMarkerBoxes puts A and B under the frame', () => {
    expect(torBoxes(r2, G).map((b) => [b.id, b.y])).toEqual([
      ['A', 1],
      ['B', 1 + G.uPx],
    ]);
    expect(feedMarkerBoxes(r2, G).map((b) => b.id)).toEqual(['A', 'B']);
    expect(feedMarkerBoxes(r2, G)[0].y).toBeGreaterThan(r2.heightU * G.uPx);
  });

  it('failTargetAt(layout, x, y) names the node, switch, feed or rack under the point, null on empty space', () => {
    const [torA, torB] = torBoxes(r2, G);
    const [, feedB] = feedMarkerBoxes(r2, G);
    const node = layout.nodesByRack.get('r2')![0];
    expect(failTargetAt(layout, node.x + 10, node.y + node.height / 2)).toBe(`node:${node.id}`);
    expect(failTargetAt(layout, r2.x + 20, r2.y + torA.y + torA.height / 2)).toBe('tor:r2/A');
    expect(failTargetAt(layout, r2.x + 20, r2.y + torB.y + torB.height / 2)).toBe('tor:r2/B');
    expect(failTargetAt(layout, r2.x + feedB.x + 5, r2.y + feedB.y + 5)).toBe('feed:r2/B');
    // The rack's name label sits just above the frame; empty U slots are the rack too.
    expect(failTargetAt(layout, r2.x + G.rackWidth / 2, r2.y - 6)).toBe('rack:r2');
    expect(failTargetAt(layout, r2.x + 20, r2.y + 20 * G.uPx)).toBe('rack:r2');
    expect(failTargetAt(layout, -500, -500)).toBeNull();
  });
});
