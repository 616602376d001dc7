import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failureImpact } from '../../../src/models/storage/failureImpact';
import { domainOf } from '../../../src/models/storage/inventory';
import { placeStorage } from '../../../src/models/storage/placement';
import { storageCapacity } from '../../../src/models/storage/capacity';
import { rebuildEstimate } from '../../../src/models/storage/rebuild';
import { transferTime, type Transfer } from '../../../src/models/storage/transfers';
import { DISK_CLASSES } from '../../../src/plan/diskClasses';
import type { DiskClass } from '../../../src/plan/schema';
import { failableComponents, storagePlanArb } from '../../arbitraries/storage';

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe('storage properties', () => {
  it('placeStorage(plan) never puts two shards of a unit in the failure domain its provider separates', () => {
    fc.assert(
      fc.property(storagePlanArb, seedArb, (plan, seed) => {
        const p = placeStorage(plan, { seed });
        const level = p.separates === 'disk' ? 'host' : p.separates;
        for (let u = 0; u < p.unitCount; u++) {
          const domains = Array.from(p.shards.subarray(u * p.width, u * p.width + p.unitWidth[u]))
            .filter((d) => d >= 0)
            .map((d) => domainOf(p.inventory.nodes[p.inventory.disks[d].nodeIndex], level));
          expect(new Set(domains).size).toBe(domains.length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('storageCapacity(plan) never has more usable than raw × efficiency, nor negative', () => {
    fc.assert(
      fc.property(storagePlanArb, seedArb, (plan, seed) => {
        const c = storageCapacity(plan, placeStorage(plan, { seed }));
        expect(c.usableBytes).toBeGreaterThanOrEqual(0);
        expect(c.usableBytes).toBeLessThanOrEqual(c.rawBytes * c.efficiency * (1 + 1e-12));
        expect(c.usableBytes).toBeLessThanOrEqual(c.rawBytes);
      }),
      { numRuns: 150 },
    );
  });

  it('failureImpact(p, A ∪ B) never loses or strands less than failureImpact(p, A)', () => {
    fc.assert(
      fc.property(
        storagePlanArb,
        seedArb,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.boolean(),
        (plan, seed, a, b, permanent) => {
          const all = failableComponents(plan);
          const setA = a.map((i) => all[i % all.length]);
          const setB = [...setA, ...b.map((i) => all[i % all.length])];
          const p = placeStorage(plan, { seed });
          const small = failureImpact(p, { components: setA, permanent });
          const big = failureImpact(p, { components: setB, permanent });
          expect(big.lostBytes).toBeGreaterThanOrEqual(small.lostBytes);
          expect(big.lostBytes + big.unavailableBytes).toBeGreaterThanOrEqual(small.lostBytes + small.unavailableBytes - 1e-6);
          expect(big.units.lost).toBeGreaterThanOrEqual(small.units.lost);
          expect(big.volumes.lost).toBeGreaterThanOrEqual(small.volumes.lost - 1e-9);
          expect(big.volumes.unavailable).toBeGreaterThanOrEqual(small.volumes.unavailable - 1e-9);
          expect(big.downDisks).toBeGreaterThanOrEqual(small.downDisks);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rebuildEstimate(…, faster links) never takes longer', () => {
    fc.assert(
      fc.property(storagePlanArb, seedArb, fc.nat(), fc.double({ min: 1, max: 20, noNaN: true }), (plan, seed, pick, scale) => {
        const all = failableComponents(plan);
        const failure = { components: [all[pick % all.length]], permanent: true };
        const p = placeStorage(plan, { seed });
        const slow = rebuildEstimate(plan, p, failure, { seed });
        const fast = rebuildEstimate(plan, p, failure, { seed, linkScale: scale });
        expect(fast.seconds).toBeLessThanOrEqual(slow.seconds * (1 + 1e-12));
        expect(fast.bytesRebuilt).toBeCloseTo(slow.bytesRebuilt, 0);
      }),
      { numRuns: 150 },
    );
  });

  it('rebuildEstimate(…, slower disks or a smaller recovery share) never takes less time, nor rebuilds other bytes', () => {
    fc.assert(
      fc.property(storagePlanArb, seedArb, fc.nat(), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.boolean(), (plan, seed, pick, f, disksNotShare) => {
        const all = failableComponents(plan);
        const failure = { components: [all[pick % all.length]], permanent: true };
        const p = placeStorage(plan, { seed });
        const base = rebuildEstimate(plan, p, failure, { seed });
        const classes = Object.keys(DISK_CLASSES) as DiskClass[];
        const share = { balanced: 0.5 * f, high_recovery_ops: 0.7 * f, high_client_ops: 0.4 * f };
        const slower = rebuildEstimate(plan, p, failure, {
          seed,
          assumptions: disksNotShare
            ? { diskBandwidthMBps: Object.fromEntries(classes.map((c) => [c, f * DISK_CLASSES[c].seqWriteMBps])) }
            : { mclockRecoveryShare: share, longhornSyncEfficiency: 0.5 * f, mayastorRebuildEfficiency: 0.8 * f },
        });
        expect(slower.seconds).toBeGreaterThanOrEqual(base.seconds * (1 - 1e-12));
        expect(slower.bytesRebuilt).toBeCloseTo(base.bytesRebuilt, 0);
      }),
      { numRuns: 120 },
    );
  });

  it('transferTime(plan, p, copies × k) never takes less time than the copies, for k ≥ 1 (more data is never faster)', () => {
    fc.assert(
      fc.property(
        storagePlanArb,
        seedArb,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: 1e6, max: 1e12, noNaN: true })), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 1, max: 50, noNaN: true }),
        (plan, seed, copies, k) => {
          const p = placeStorage(plan, { seed });
          const disks = p.inventory.disks.length;
          fc.pre(disks > 0);
          const transfers: Transfer[] = copies.map(([a, b, bytes], i) => ({ sources: [a % disks], target: b % disks, bytes, unit: i }));
          const small = transferTime(plan, p, transfers);
          const big = transferTime(
            plan,
            p,
            transfers.map((t) => ({ ...t, bytes: t.bytes * k })),
          );
          expect(big.seconds).toBeGreaterThanOrEqual(small.seconds * (1 - 1e-12));
          expect(Number.isFinite(big.seconds)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('transferTime(plan, p, copies, {failedTors}) is the same with its route table warm from other estimates as on a fresh copy of the plan', () => {
    fc.assert(
      fc.property(
        storagePlanArb,
        seedArb,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.double({ min: 1e6, max: 1e12, noNaN: true })), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('A' as const, 'B' as const)), { maxLength: 3 }),
        (plan, seed, copies, tors) => {
          const p = placeStorage(plan, { seed });
          const disks = p.inventory.disks.length;
          fc.pre(disks > 0);
          const transfers: Transfer[] = copies.map(([a, b, c, bytes], i) => ({ sources: [a % disks, c % disks], target: b % disks, bytes, unit: i }));
          const failedTors = new Set(tors.map(([r, t]) => `${plan.racks[r % plan.racks.length].id}/${t}`));
          // Warm the tables of this plan with other copies, with and without the failed switches.
          transferTime(plan, p, [...transfers].reverse());
          transferTime(plan, p, transfers.slice(1), { failedTors });
          const warm = transferTime(plan, p, transfers, { failedTors });
          const fresh = structuredClone(plan);
          expect(warm).toEqual(transferTime(fresh, placeStorage(fresh, { seed }), transfers, { failedTors }));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rebuildEstimate(plan, p, failure) is the same after other estimates under the same OSDs out (a drain, a transient outage) as on a fresh copy of the plan', () => {
    fc.assert(
      fc.property(storagePlanArb, seedArb, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.boolean(), (plan, seed, picks, permanent) => {
        const all = failableComponents(plan);
        const failure = { components: picks.map((i) => all[i % all.length]), permanent };
        const p = placeStorage(plan, { seed });
        // Warm the re-placements remembered for these OSDs with the other estimates that share them.
        rebuildEstimate(plan, p, { ...failure, permanent: !permanent }, { seed, drain: true });
        rebuildEstimate(plan, p, { ...failure, permanent: !permanent }, { seed, operatorAction: true });
        const warm = rebuildEstimate(plan, p, failure, { seed });
        const fresh = structuredClone(plan);
        expect(warm).toEqual(rebuildEstimate(fresh, placeStorage(fresh, { seed }), failure, { seed }));
      }),
      { numRuns: 150 },
    );
  });

  it('placeStorage(plan, {seed}) gives the same placement for the same seed on an equal plan', () => {
    fc.assert(
      fc.property(storagePlanArb, seedArb, (plan, seed) => {
        const again = structuredClone(plan);
        expect(Array.from(placeStorage(again, { seed }).shards)).toEqual(Array.from(placeStorage(plan, { seed }).shards));
      }),
      { numRuns: 60 },
    );
  });
});
