import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveFailure } from '../../../src/models/storage/failureImpact';
import { placeStorage } from '../../../src/models/storage/placement';
import { unitsOnFailedDisks } from '../../../src/models/storage/unitIndex';
import { failableComponents, storagePlanArb } from '../../arbitraries/storage';

describe('unitsOnFailedDisks', () => {
  it('unitsOnFailedDisks(p, state) lists, in unit order, exactly the units a scan finds with a shard down or destroyed, also when asked again', () => {
    fc.assert(
      fc.property(storagePlanArb, fc.integer({ min: 0, max: 1000 }), fc.array(fc.nat(), { maxLength: 3 }), (plan, seed, picks) => {
        const p = placeStorage(plan, { seed });
        const all = failableComponents(plan);
        const state = resolveFailure(p, { components: picks.map((i) => all[i % all.length]), permanent: seed % 2 === 0 });
        const scanned: number[] = [];
        for (let u = 0; u < p.unitCount; u++) {
          const shards = Array.from(p.shards.subarray(u * p.width, u * p.width + p.unitWidth[u])).filter((d) => d >= 0);
          if (shards.some((d) => state.diskDown[d] || state.diskDestroyed[d])) scanned.push(u);
        }
        const first = unitsOnFailedDisks(p, state);
        // The second answer comes from the per-state cache.
        expect(Array.from(unitsOnFailedDisks(p, state))).toEqual(scanned);
        expect(Array.from(first)).toEqual(scanned);
        // Another placement with the same failure state is not served from that cache.
        const other = placeStorage(structuredClone(plan), { seed: seed + 1 });
        const otherScan: number[] = [];
        for (let u = 0; u < other.unitCount; u++) {
          const shards = Array.from(other.shards.subarray(u * other.width, u * other.width + other.unitWidth[u])).filter((d) => d >= 0);
          if (shards.some((d) => state.diskDown[d] || state.diskDestroyed[d])) otherScan.push(u);
        }
        expect(Array.from(unitsOnFailedDisks(other, state))).toEqual(otherScan);
      }),
      { numRuns: 100 },
    );
  });
});
