import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crushChoose, crushLevelOf, crushMap, OSD_LEVEL, type CrushChoice, type CrushMap } from '../../../src/models/storage/crushMap';
import { hash32After, hashPrefix, straw2, unitOfHash } from '../../../src/models/storage/hash';
import { storageInventory } from '../../../src/models/storage/inventory';
import { cephSettings, storagePlan } from '../../arbitraries/storage';

const HOST = crushLevelOf('host');

/**
 * Straw2 as the CRUSH papers state it, with none of crushChoose's shortcuts: every child of
 * positive weight draws ln(u) / weight from its own hash and the largest draw wins (the first on
 * equal draws). crushChoose skips the logarithms where the weights are equal, keeps its running
 * maxima without branches and decides two-group buckets from the hashes where the draws cannot
 * tie; this is what all of that must still pick.
 */
function referenceDescend(map: CrushMap, start: number, target: number, prefix: number, r: number): number {
  let b = start;
  while (b >= 0 && map.level[b] !== target) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = map.childStart[b]; i < map.childStart[b + 1]; i++) {
      const c = map.children[i];
      if (map.weight[c] <= 0) continue;
      const score = straw2(unitOfHash(hash32After(prefix, map.hashId[c], r)), map.weight[c]);
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    b = best;
  }
  return b;
}

/** crushChoose's rule (chooseleaf firstn with retries, then an OSD) over `referenceDescend`. */
function referenceChoose(
  map: CrushMap,
  level: number,
  seed: number,
  pg: number,
  r: number,
  width: number,
  used: number[],
  diskDown: Uint8Array | undefined,
): CrushChoice {
  const prefix = hashPrefix(seed, pg);
  for (let attempt = 0; attempt < 50; attempt++) {
    const rr = r + attempt * width;
    const b = referenceDescend(map, 0, level === OSD_LEVEL ? HOST : level, prefix, rr);
    if (b < 0) break;
    if (level !== OSD_LEVEL && used.includes(b)) continue;
    const leaf = referenceDescend(map, b, HOST, prefix, rr);
    const node = leaf >= 0 ? map.hostNode[leaf] : -1;
    if (node < 0) continue;
    const disks = map.inventory.nodes[node].disks;
    let disk = -1;
    if (!diskDown && map.uniformHost[node]) {
      // With nothing down an even host picks its OSD by hash modulo, as crushChoose documents.
      disk = disks[hash32After(prefix, map.hashId[leaf], rr) % disks.length].index;
    } else {
      let best = -Infinity;
      for (const d of disks) {
        if (diskDown?.[d.index]) continue;
        const score = straw2(unitOfHash(hash32After(prefix, map.hashId[leaf], d.slot + 1)), d.capacityBytes);
        if (score > best) {
          best = score;
          disk = d.index;
        }
      }
    }
    if (disk < 0) continue;
    if (level === OSD_LEVEL && used.includes(disk)) continue;
    return { disk, domain: level === OSD_LEVEL ? disk : b };
  }
  return { disk: -1, domain: -1 };
}

// Racks of 0-3 nodes, one to four racks a row, disks of one or two sizes: buckets of one, two and
// three weight groups, and more once disks go down.
const hierarchyArb = fc.record({
  nodesPerRack: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 9 }),
  dataDisks: fc.integer({ min: 1, max: 4 }),
  diskGB: fc.integer({ min: 200, max: 4000 }),
  bigDiskEvery: fc.integer({ min: 0, max: 4 }),
  racksPerRow: fc.integer({ min: 1, max: 4 }),
  domain: fc.constantFrom<'osd' | 'host' | 'rack' | 'row'>('osd', 'host', 'rack', 'row'),
});

describe('crushChoose', () => {
  it('crushChoose(map, level, seed, pg, r, …) picks what a plain straw2 scan over every child picks, with and without OSDs down', () => {
    fc.assert(
      fc.property(
        hierarchyArb,
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 << 20 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (h, down, seed, draws) => {
          const plan = storagePlan({
            nodesPerRack: h.nodesPerRack,
            racksPerRow: h.racksPerRow,
            dataDisks: h.dataDisks,
            diskGB: h.diskGB,
            storage: cephSettings({ type: 'replicated', size: 3, minSize: 2 }, h.domain),
            volumes: [{ sizeGB: 10 }],
          });
          // Some nodes' disks twice as large: uneven hosts, racks and rows.
          if (h.bigDiskEvery > 0) {
            const big = { ...plan.hardware[0], id: 'st-big', disks: plan.hardware[0].disks.map((d) => ({ ...d, capacityGB: d.capacityGB * 2 })) };
            plan.hardware.push(big);
            plan.nodes.forEach((n, i) => {
              if (n.role === 'storage' && i % h.bigDiskEvery === 0) n.hardwareId = big.id;
            });
          }
          const inv = storageInventory(plan);
          if (inv.disks.length === 0) return;
          const diskDown = down.some(Boolean) ? Uint8Array.from(inv.disks, (_, i) => (down[i % down.length] ? 1 : 0)) : undefined;
          const map = crushMap(inv, diskDown);
          const level = crushLevelOf(h.domain);
          const out: CrushChoice = { disk: -1, domain: -1 };
          for (const [pg, r, usedCount] of draws) {
            // Domains already used: the first usedCount picks of the reference for r' < r.
            const used: number[] = [];
            for (let k = 0; k < usedCount; k++) {
              const c = referenceChoose(map, level, seed, pg, (r + k + 1) % 6, 6, used, diskDown);
              if (c.disk >= 0) used.push(c.domain);
            }
            crushChoose(map, level, seed, pg, r, 6, Int32Array.from(used), used.length, out, diskDown);
            expect(out).toEqual(referenceChoose(map, level, seed, pg, r, 6, used, diskDown));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
