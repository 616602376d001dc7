import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rackPower } from '../../../src/models/physical/rackPower';
import { topologyOf } from '../../../src/models/topology';
import type { Plan } from '../../../src/plan';
import { validPlanArb } from '../../arbitraries/plan';
import { NODE_400W, oneRackPlan } from './rackFixtures';

const feeds = (a: number, b?: number) =>
  b === undefined
    ? [{ id: 'A' as const, capacityW: a }]
    : [
        { id: 'A' as const, capacityW: a },
        { id: 'B' as const, capacityW: b },
      ];

function powerOf(plan: Plan, rackIndex = 0) {
  const rack = plan.racks[rackIndex];
  return rackPower(rack, topologyOf(plan).nodesByRack.get(rack.id) ?? [], rack.tor.powerW);
}

describe('rackPower(rack, nodes, switchPowerW)', () => {
  it('rackPower(two dual-fed 400 W-peak nodes + one 350 W switch on 2 x 1000 W) overloads: failover 400 + 400 + 350 = 1150 > 1000', () => {
    const plan = oneRackPlan({ feeds: feeds(1000, 1000), torCount: 1 }, (b) => b.nodes('r1', 'worker', NODE_400W.id, 2));
    const power = powerOf(plan);
    expect(power.verdict).toBe('overloads');
    expect(power.feeds.map((f) => f.failoverPeakW)).toEqual([400 + 400 + 350, 400 + 400 + 350]);
    expect(power.feeds.map((f) => f.peakW)).toEqual([(400 + 400 + 350) / 2, (400 + 400 + 350) / 2]);
    expect(power.feeds.map((f) => f.typicalW)).toEqual([(250 + 250 + 350) / 2, (250 + 250 + 350) / 2]);
    expect(power.feeds[0].peakUtilisation).toBeCloseTo(575 / 1000, 12);
    expect([power.typicalW, power.peakW]).toEqual([250 + 250 + 350, 400 + 400 + 350]);
    expect(power.reasons).toEqual([
      'losing feed A puts 1150 W peak on feed B (capacity 1000 W): its breaker trips and the rack goes dark',
      'losing feed B puts 1150 W peak on feed A (capacity 1000 W): its breaker trips and the rack goes dark',
    ]);
  });

  it('rackPower(the same rack on 2 x 1150 W) survives: 1150 <= 1150', () => {
    const plan = oneRackPlan({ feeds: feeds(1150, 1150), torCount: 1 }, (b) => b.nodes('r1', 'worker', NODE_400W.id, 2));
    const power = powerOf(plan);
    expect(power.verdict).toBe('survives');
    expect(power.reasons).toEqual([]);
  });

  it('rackPower(rack with a node on feed A only) is nodes-lose-power when losing A; feed A carries its whole 400 W', () => {
    const plan = oneRackPlan({ feeds: feeds(5000, 5000), torCount: 1 }, (b) => {
      b.nodes('r1', 'worker', NODE_400W.id, 1);
      b.nodes('r1', 'worker', NODE_400W.id, 1, { feeds: ['A'] });
    });
    const power = powerOf(plan);
    expect(power.verdict).toBe('nodes-lose-power');
    expect(power.feeds.map((f) => f.peakW)).toEqual([400 / 2 + 400 + 350 / 2, 400 / 2 + 350 / 2]);
    expect(power.feeds.map((f) => f.failoverPeakW)).toEqual([400 + 400 + 350, 400 + 350]);
    expect(power.reasons).toEqual(['losing feed A powers off 1 single-fed device(s): w-0002']);
  });

  it('rackPower(rack with one feed) is single-feed however light its load', () => {
    const plan = oneRackPlan({ feeds: feeds(100_000), torCount: 1 }, (b) => b.nodes('r1', 'worker', NODE_400W.id, 1, { feeds: ['A'] }));
    const power = powerOf(plan);
    expect(power.verdict).toBe('single-feed');
    expect(power.feeds).toHaveLength(1);
    expect(power.feeds[0].peakW).toBe(400 + 350);
  });

  it('rackPower(rack over capacity with both feeds up) says so in its reasons: (400 x 4 + 350 x 2) / 2 = 1150 > 1000', () => {
    const plan = oneRackPlan({ feeds: feeds(1000, 1000), torCount: 2 }, (b) => b.nodes('r1', 'worker', NODE_400W.id, 4));
    const power = powerOf(plan);
    expect(power.verdict).toBe('overloads');
    expect(power.reasons[0]).toBe('feed A is over capacity even with both feeds up: 1150 W peak > 1000 W');
  });

  it('rackPower(rack, nodes) loads are non-negative, typical <= peak <= failover peak, and feeds sum to the rack', () => {
    fc.assert(
      fc.property(validPlanArb, (plan) => {
        plan.racks.forEach((_, i) => {
          const power = powerOf(plan, i);
          expect(power.typicalW).toBeLessThanOrEqual(power.peakW);
          let feedPeakW = 0;
          let feedTypicalW = 0;
          for (const f of power.feeds) {
            expect(f.typicalW).toBeGreaterThanOrEqual(0);
            expect(f.typicalW).toBeLessThanOrEqual(f.peakW);
            expect(f.peakW).toBeLessThanOrEqual(f.failoverPeakW);
            feedPeakW += f.peakW;
            feedTypicalW += f.typicalW;
          }
          expect(feedPeakW).toBeCloseTo(power.peakW, 6);
          expect(feedTypicalW).toBeCloseTo(power.typicalW, 6);
          if (power.feeds.length === 1) expect(power.verdict).toBe('single-feed');
          else expect(['survives', 'overloads', 'nodes-lose-power']).toContain(power.verdict);
          expect(power.verdict === 'survives').toBe(power.reasons.length === 0);
        });
      }),
      { numRuns: 150 },
    );
  });
});
