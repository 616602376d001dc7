import { DEFAULTS } from '../../plan/defaults';
import type { Plan, Role } from '../../plan/schema';

/** The roles in the order a rolling upgrade takes them: control planes first (Omni's order), then storage, then workers. */
export const UPGRADE_ROLE_ORDER: readonly Role[] = ['controlplane', 'storage', 'worker'];

/** A plan's upgrade strategy with every default filled in. */
export interface ResolvedUpgradeStrategy {
  /** `maxParallelism` per role as written (a count or "25%"). */
  maxParallelism: Record<Role, number | string>;
  /** Seconds one machine is out. */
  nodeUpgradeS: number;
}

/** The plan's `cluster.upgradeStrategy` with the defaults of `DEFAULTS.upgradeStrategy` where it is silent. */
export function upgradeStrategyOf(plan: Plan): ResolvedUpgradeStrategy {
  const s = plan.cluster.upgradeStrategy;
  const d = DEFAULTS.upgradeStrategy;
  return {
    maxParallelism: {
      controlplane: s?.controlplane.maxParallelism ?? d.controlplaneMaxParallelism,
      worker: s?.worker.maxParallelism ?? d.workerMaxParallelism,
      storage: s?.storage.maxParallelism ?? d.storageMaxParallelism,
    },
    nodeUpgradeS: s?.nodeUpgradeS ?? d.nodeUpgradeS,
  };
}

/**
 * Machines taken out at once from a role of `machines`: a count as given, a percentage as
 * ⌊machines × pct / 100⌋ (rounded down as Kubernetes rounds maxUnavailable), never below 1 nor
 * above the role's size. `batchSize(10, "25%")` is 2; `batchSize(3, 5)` is 3.
 */
export function batchSize(machines: number, maxParallelism: number | string): number {
  if (machines <= 0) return 0;
  const n = typeof maxParallelism === 'number' ? maxParallelism : Math.floor((machines * Number.parseInt(maxParallelism, 10)) / 100);
  return Math.min(machines, Math.max(1, n));
}
