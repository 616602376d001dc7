import { describe, expect, it } from 'vitest';
import { volumeName, volumeSet } from '../../../src/models/storage/volumes';
import { storagePlan, longhornSettings } from '../../arbitraries/storage';

describe('volumeName', () => {
  it('volumeName(volumeSet(plan), i) names the listed volumes, then the sampled ones pvc-1, pvc-2, …, and nothing past the last', () => {
    const plan = storagePlan({ nodesPerRack: [1, 1, 1], storage: longhornSettings(3), volumes: [{ sizeGB: 10 }, { sizeGB: 20 }] });
    plan.workload.volumes.aggregate = { count: 3, meanSizeGB: 50, sizeSpread: 0.5, fillPct: 60 };
    const v = volumeSet(plan, 1);
    expect(v.count).toBe(2 + 3);
    expect(Array.from({ length: 6 }, (_, i) => volumeName(v, i))).toEqual(['v1', 'v2', 'pvc-1', 'pvc-2', 'pvc-3', undefined]);
    expect(volumeName(v, -1)).toBeUndefined();
  });
});
