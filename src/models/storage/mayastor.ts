import type { StorageSettings } from '../../plan/schema';
import type { Inventory } from './inventory';
import type { Placement } from './placement';
import { scheduleReplicas } from './replicaScheduler';
import type { VolumeSet } from './volumes';

export type MayastorSettings = Extract<StorageSettings, { provider: 'mayastor' }>;

/**
 * Places OpenEBS Mayastor volumes: `repl` replicas on pools of distinct nodes (1 replica
 * tolerates no node failure, 2 one, 3 two; src/models/README.md, Sources: Mayastor). Pools are not over-provisioned here
 * (thick volumes): a node accepts volumes up to its pool capacity. No zone preference.
 */
export function placeMayastor(s: MayastorSettings, inventory: Inventory, volumes: VolumeSet, seed: number): Placement {
  const schedule = scheduleReplicas(inventory, volumes, {
    defaultReplicas: s.replicas,
    separates: 'host',
    seed,
    nodeLimitBytes: (c) => c,
  });
  return {
    provider: 'mayastor',
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
  };
}

/**
 * When Mayastor replaces a faulted replica, s: it waits `faultedWaitS` (10 min; src/models/README.md, Sources: Mayastor); a
 * replica back within the wait gets a partial rebuild (only what changed), otherwise a full
 * rebuild goes to another node.
 */
export function mayastorRebuildStartS(s: MayastorSettings): number {
  return s.faultedWaitS;
}
