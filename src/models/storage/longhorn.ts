import type { StorageSettings } from '../../plan/schema';
import type { Inventory } from './inventory';
import type { Placement } from './placement';
import { scheduleReplicas } from './replicaScheduler';
import type { VolumeSet } from './volumes';

export type LonghornSettings = Extract<StorageSettings, { provider: 'longhorn' }>;

/**
 * Longhorn's bytes a node accepts for scheduling: (capacity − reserved) × over-provisioning,
 * bytes (longhorn-manager `storage-reserved-percentage-for-default-disk` 30 %,
 * `storage-over-provisioning-percentage` 100 %; src/models/README.md, Sources: Longhorn).
 * Example: 12 × 7.68 TB = 92.16 TB, 30 % reserved, 100 % → 64.5 TB schedulable.
 */
export function longhornSchedulableBytes(s: LonghornSettings, capacityBytes: number): number {
  return capacityBytes * (1 - s.reservedPct / 100) * (s.overProvisioningPct / 100);
}

/**
 * Places Longhorn volumes: `replicas` replicas (or the volume's own count) with hard node
 * anti-affinity (`replica-soft-anti-affinity` false: a 3-replica volume needs 3 schedulable
 * nodes) and soft zone anti-affinity (`replica-zone-soft-anti-affinity` true, zone =
 * `topology.kubernetes.io/zone`). Longhorn has no rack level: racks only separate replicas
 * when each rack is presented as a zone. Provisioned size is checked against
 * `longhornSchedulableBytes`; each replica holds the volume's used bytes.
 */
export function placeLonghorn(s: LonghornSettings, inventory: Inventory, volumes: VolumeSet, seed: number): Placement {
  const schedule = scheduleReplicas(inventory, volumes, {
    defaultReplicas: s.replicas,
    separates: 'host',
    prefers: 'zone',
    seed,
    nodeLimitBytes: (c) => longhornSchedulableBytes(s, c),
  });
  return {
    provider: 'longhorn',
    inventory,
    volumes,
    unitKind: 'volume',
    unitCount: volumes.count,
    ...schedule,
    shardBytes: volumes.usedBytes,
    unitLogicalBytes: volumes.usedBytes,
    needed: 1,
    minAvailable: 1,
    separates: 'host',
    prefers: 'zone',
  };
}

/**
 * When Longhorn starts rebuilding a replica whose node is gone, s after the failure:
 * `replica-replenishment-wait-interval` (600 s default; src/models/README.md, Sources: Longhorn): it waits that long for the
 * replica to come back and be reused before copying a new one elsewhere.
 */
export function longhornRebuildStartS(s: LonghornSettings): number {
  return s.replenishmentWaitS;
}
