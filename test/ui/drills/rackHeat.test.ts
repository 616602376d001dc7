import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../../src/models/drills/sweep';
import { sweepBasis } from '../../../src/models/drills/sweepBasis';
import { componentId } from '../../../src/models/failures';
import { antiPatternsPlan, referencePlan } from '../../../src/plan/samples/samples';
import { heatFill, heatLayout, inkOn, rackHeat, rackOfScenario } from '../../../src/ui/drills/rackHeat';
import { drillPlanArb, failableOf } from '../../arbitraries/drills';

describe('rackHeat', () => {
  it('rackHeat(anti-patterns, its sweep) marks r1 (both etcd members) quorum lost, opening rack:r1, and r5 power over capacity (the twin of a failed feed trips)', () => {
    const plan = antiPatternsPlan();
    const heat = rackHeat(plan, runSweep(sweepBasis(plan)).rows);
    const cells = new Map(heat.flatMap((r) => r.cells).map((c) => [c.rackId, c]));
    expect(cells.get('r1')?.level).toBe('quorumLost');
    // Losing the whole rack takes more nodes down than losing one of its control planes.
    expect(cells.get('r1')?.worstId).toBe('rack:r1');
    expect(cells.get('r1')?.badSingles).toBeGreaterThan(0);
    expect(cells.get('r5')?.level).toBe('powerOverCapacity');
    expect(cells.get('r5')?.worstId).toMatch(/^feed:r5\//);
    expect(heat.flatMap((r) => r.cells)).toHaveLength(plan.racks.length);
  });

  it('rackHeat(reference, its sweep) tolerates every rack', () => {
    const plan = referencePlan();
    const heat = rackHeat(plan, runSweep(sweepBasis(plan)).rows);
    for (const c of heat.flatMap((r) => r.cells)) expect(c.level).toBe('tolerated');
  });

  it('rackOfScenario(componentId(c)) is the rack of every rack-local component of a generated plan', () => {
    fc.assert(
      fc.property(drillPlanArb, (plan) => {
        const rackOfNode = new Map(plan.nodes.map((n) => [n.id, n.rackId]));
        for (const c of failableOf(plan)) {
          const want =
            c.kind === 'rack' || c.kind === 'tor' || c.kind === 'feed'
              ? c.rackId
              : c.kind === 'node' || c.kind === 'disk'
                ? rackOfNode.get(c.nodeId)
                : undefined;
          expect(rackOfScenario(componentId(c), rackOfNode).rackId).toBe(want);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('rackHeat(plan, sweep): each cell counts as many single failures as the rack holds rack-local scenarios, bad ones among them', () => {
    fc.assert(
      fc.property(drillPlanArb, (plan) => {
        const rows = runSweep(sweepBasis(plan)).rows;
        const cells = rackHeat(plan, rows).flatMap((r) => r.cells);
        const rackOfNode = new Map(plan.nodes.map((n) => [n.id, n.rackId]));
        const local = rows.filter((r) => !r.id.includes(' + ') && rackOfScenario(r.id, rackOfNode).rackId !== undefined);
        expect(cells.reduce((s, c) => s + c.singles, 0)).toBe(local.length);
        for (const c of cells) expect(c.badSingles).toBeLessThanOrEqual(c.singles);
      }),
      { numRuns: 25 },
    );
  });

  it('heatFill(level) is null for tolerated and a distinct colour per flag; inkOn picks white on the darkest and black on the lightest', () => {
    expect(heatFill('tolerated')).toBeNull();
    const fills = (['quorumLost', 'dataLost', 'dataUnavailable', 'capacityShort', 'apiUnreachable', 'powerOverCapacity'] as const).map(heatFill);
    expect(new Set(fills).size).toBe(6);
    expect(inkOn(fills[0] as string)).toBe('#ffffff');
    expect(inkOn(fills[5] as string)).toBe('#111827');
  });

  it('heatLayout(rows, width) fits the racks into the width with at least 18 px a cell', () => {
    const plan = referencePlan();
    const heat = rackHeat(plan, []);
    const l = heatLayout(heat, 600);
    expect(l.width).toBeLessThanOrEqual(600);
    expect(l.cellW).toBeGreaterThan(18 * 0.9);
    expect(l.height).toBe(heat.length * (18 + 44 + 8));
  });
});
