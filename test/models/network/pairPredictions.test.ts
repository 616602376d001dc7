import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairCounts, predictPairs } from '../../../src/models/network/pairPredictions';
import { latencyClassOf } from '../../../src/models/network/paths';
import { topologyOf } from '../../../src/models/topology';
import { hybridBurstPlan } from '../../../src/plan/samples/samples';
import { validPlanArbWith } from '../../arbitraries/plan';

describe('pairPredictions', () => {
  it('pairCounts(topology) equals counting the latency class of every node pair', () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 5, maxNodesPerRack: 5 }), (plan) => {
        const t = topologyOf(plan);
        const brute = { 'same-rack': 0, 'same-row': 0, 'cross-row': 0, 'cross-room': 0, 'cross-site': 0 };
        for (let i = 0; i < t.places.length; i++)
          for (let j = i + 1; j < t.places.length; j++) {
            const cls = latencyClassOf(t.places[i], t.places[j]);
            if (cls !== 'same-node') brute[cls] += 1;
          }
        expect(pairCounts(t)).toEqual(brute);
      }),
      { numRuns: 100 },
    );
  });

  it('predictPairs(hybrid) has one representative per latency class with pairs, in class order', () => {
    const t = topologyOf(hybridBurstPlan());
    const counts = pairCounts(t);
    const classes = predictPairs(t).map((p) => p.latencyClass);
    expect(classes).toEqual((Object.keys(counts) as Array<keyof typeof counts>).filter((c) => counts[c] > 0));
    for (const p of predictPairs(t)) expect(latencyClassOf(t.placeById.get(p.aId)!, t.placeById.get(p.bId)!)).toBe(p.latencyClass);
  });
});
