import { describe, expect, it } from 'vitest';
import { longhornStreamMBps, MCLOCK_RECOVERY_SHARE, storageDefaults } from '../../../src/models/storage/assumptions';
import { placeStorage } from '../../../src/models/storage/placement';
import { rebuildEstimate } from '../../../src/models/storage/rebuild';
import type { StorageSettings } from '../../../src/plan/schema';
import { cephSettings, longhornSettings, storagePlan } from '../../arbitraries/storage';

const ceph = (release: 'quincy' | 'reef' | 'squid'): StorageSettings =>
  ({ ...cephSettings({ type: 'replicated', size: 3, minSize: 2 }), release }) as StorageSettings;

describe('storage versions', () => {
  it('storageDefaults(ceph quincy) gives mClock recovery 40 / 60 / 25 %; reef and squid 50 / 70 / 40 %', () => {
    expect(storageDefaults(ceph('quincy')).mclockRecoveryShare).toEqual({ balanced: 0.4, high_recovery_ops: 0.6, high_client_ops: 0.25 });
    expect(storageDefaults(ceph('reef')).mclockRecoveryShare).toEqual(MCLOCK_RECOVERY_SHARE.squid);
    expect(MCLOCK_RECOVERY_SHARE.squid).toEqual({ balanced: 0.5, high_recovery_ops: 0.7, high_client_ops: 0.4 });
  });

  it('longhornStreamMBps(1.1) is 64 MB/s (#1948, before concurrent checksums); 1.2 and later 80', () => {
    expect(longhornStreamMBps('1.1')).toBe(64);
    expect(longhornStreamMBps('1.2')).toBe(80);
    expect(storageDefaults({ ...longhornSettings(3), version: '1.0' } as StorageSettings).longhornStreamMBps).toBe(64);
  });

  it('rebuildEstimate of one Longhorn replica on 1.1 takes 80 / 64 as long as on 1.9 (stream-bound on 10 GbE SSDs)', () => {
    const time = (version: '1.1' | '1.9') => {
      const plan = storagePlan({
        nodesPerRack: [1, 1, 1, 1],
        nics: 1,
        nicGbps: 10,
        diskClass: 'ssd-sata',
        diskGB: 20_000,
        storage: { ...longhornSettings(3), version } as StorageSettings,
        volumes: [{ sizeGB: 40 }],
      });
      const p = placeStorage(plan, { seed: 1 });
      const counts = p.inventory.nodes.map((n) => Array.from(p.shards).filter((d) => d >= 0 && p.inventory.disks[d].nodeIndex === n.index).length);
      const victim = p.inventory.nodes[counts.indexOf(Math.max(...counts))].id;
      return rebuildEstimate(plan, p, { components: [{ kind: 'node', nodeId: victim }], permanent: true }).seconds;
    };
    expect(time('1.1') / time('1.9')).toBeCloseTo(80 / 64, 6);
  });

  it('placeStorage(ceph, failure domain osd) puts 3 replicas on 3 OSDs of one host; with host it cannot', () => {
    const settings = (failureDomain: 'osd' | 'host') =>
      ({ ...cephSettings({ type: 'replicated', size: 3, minSize: 2 }, failureDomain), release: 'squid' }) as StorageSettings;
    const osd = placeStorage(storagePlan({ nodesPerRack: [1], dataDisks: 3, storage: settings('osd'), volumes: [{ sizeGB: 100 }] }), { seed: 1 });
    expect(osd.undersizedUnits).toBe(0);
    for (let u = 0; u < osd.shards.length / 3; u++) expect(new Set(osd.shards.slice(u * 3, u * 3 + 3)).size).toBe(3);
    const host = placeStorage(storagePlan({ nodesPerRack: [1], dataDisks: 3, storage: settings('host'), volumes: [{ sizeGB: 100 }] }), { seed: 1 });
    expect(host.undersizedUnits).toBeGreaterThan(0);
  });
});
