import type { Plan, Role } from '../../plan/schema';
import type { HealthCore } from './health';
import { blastRadius, BLAST_ORDER, type BlastRadius } from './health';
import { scenarioCore, type HardComponent } from './scenarioCore';
import { sweepBasis } from './sweepBasis';
import { batchSize, UPGRADE_ROLE_ORDER, upgradeStrategyOf, type ResolvedUpgradeStrategy } from './upgradeStrategy';

/** One batch of a rolling upgrade: which machines are out, from when to when, and the cluster's health meanwhile. */
export interface UpgradeStep {
  /** 1-based. */
  step: number;
  role: Role;
  nodeIds: string[];
  startS: number;
  endS: number;
  quorum: { membersUp: number; members: number; held: boolean };
  capacity: { cpuCores: number; memoryGiB: number; podSlots: number; evictedPods: number; fits: boolean; short: string[] };
  /** Volumes with a replica (or PG shard) on a machine that is out; null when the plan places no data. */
  volumes: { total: number; degraded: number; unavailable: number; lost: number } | null;
  feedsOverCapacity: string[];
  blast: BlastRadius;
  /** Why the step is unsafe, in words; empty when it is safe. */
  problems: string[];
}

export interface RollingUpgradeReport {
  strategy: ResolvedUpgradeStrategy;
  /** Machines per batch for each role present. */
  batchSizes: Partial<Record<Role, number>>;
  steps: UpgradeStep[];
  /** Σ batches × nodeUpgradeS, seconds. */
  durationS: number;
  safe: boolean;
  /** Step number of the first unsafe batch, or null. */
  firstUnsafeStep: number | null;
  verdict: string;
  /** Storage behaviour while a machine is briefly down, and what the model leaves out. */
  notes: string[];
}

const PROBLEM_WORDS: Record<keyof BlastRadius, string> = {
  quorumLost: 'etcd loses quorum',
  dataLost: 'data is lost',
  dataUnavailable: 'volumes become unavailable',
  capacityShort: 'the evicted pods do not fit',
  apiUnreachable: 'nodes cannot reach the Kubernetes API',
  powerOverCapacity: 'a feed is over capacity',
};

/**
 * A rolling upgrade as a sequence of drills. The machines of each role (control planes, then
 * storage, then workers; plan order within a role) are cut into batches of `batchSize(n, maxParallelism)`;
 * each batch is out for `nodeUpgradeS` while the rest run, then comes back before the next starts
 * (Omni waits for a machine to be healthy before taking the next). A step's health is the drill
 * of "these machines down" (the sweep's delta path, equal to `drillHealth`), so the step is
 * unsafe when that drill is worse than the plan with nothing failed: quorum, data, capacity for the
 * evicted pods, API reachability or power. Total duration = Σ_roles ⌈n_role / b_role⌉ × nodeUpgradeS.
 * Example: 3 control planes at 1, 4 storage at 1 and 8 workers at 25 % (2) are 3 + 4 + 4 = 11 steps, 3,300 s at 300 s each.
 */
export function rollingUpgrade(plan: Plan, seed = 1): RollingUpgradeReport {
  const strategy = upgradeStrategyOf(plan);
  const basis = sweepBasis(plan, seed);
  const d = strategy.nodeUpgradeS;
  const steps: UpgradeStep[] = [];
  const batchSizes: RollingUpgradeReport['batchSizes'] = {};
  let clock = 0;
  for (const role of UPGRADE_ROLE_ORDER) {
    const ids = basis.topology.places.filter((p) => p.node.role === role).map((p) => p.node.id);
    const b = batchSize(ids.length, strategy.maxParallelism[role]);
    if (b === 0) continue;
    batchSizes[role] = b;
    for (let k = 0; k < ids.length; k += b) {
      const nodeIds = ids.slice(k, k + b);
      const components: HardComponent[] = nodeIds.map((nodeId) => ({ kind: 'node', nodeId }));
      const core = scenarioCore(basis, components);
      steps.push(stepOf(steps.length + 1, role, nodeIds, clock, clock + d, core, blastRadius(core, basis.base)));
      clock += d;
    }
  }
  const firstUnsafe = steps.find((s) => s.problems.length > 0) ?? null;
  const durationS = steps.length * d;
  const verdict =
    steps.length === 0
      ? 'safe: the plan has no machines to upgrade'
      : firstUnsafe
        ? `unsafe at step ${firstUnsafe.step} of ${steps.length} (${firstUnsafe.role} ${firstUnsafe.nodeIds.join(', ')}): ${firstUnsafe.problems.join('; ')}`
        : `safe: ${steps.length} steps, every step keeps quorum, data available and room for the evicted pods`;
  return {
    strategy,
    batchSizes,
    steps,
    durationS,
    safe: firstUnsafe === null,
    firstUnsafeStep: firstUnsafe?.step ?? null,
    verdict,
    notes: [...storageNotes(plan, d), OMNI_PER_SET_NOTE],
  };
}

// Omni's limit is per machine set, and the Omni export makes one set per role, hardware and rack.
const OMNI_PER_SET_NOTE =
  'batches are per role across the cluster; Omni applies maxParallelism to each machine set and may roll several sets at once, so upgrade the sets one after another to keep to these batches';

function stepOf(step: number, role: Role, nodeIds: string[], startS: number, endS: number, core: HealthCore, blast: BlastRadius): UpgradeStep {
  const v = core.storage?.volumes;
  const c = core.capacity;
  const problems = BLAST_ORDER.filter((k) => blast[k]).map((k) => {
    if (k === 'quorumLost') return `${PROBLEM_WORDS[k]} (${core.quorum.membersUp} of ${core.quorum.members} members up, ${core.quorum.quorum} needed)`;
    if (k === 'capacityShort') return `${PROBLEM_WORDS[k]}: ${c.short.join('; ')}`;
    if (k === 'dataUnavailable' && v)
      return `${PROBLEM_WORDS[k]} (${round1(v.unavailable - v.lost)} of ${v.total} have every replica on machines being upgraded)`;
    return PROBLEM_WORDS[k];
  });
  return {
    step,
    role,
    nodeIds,
    startS,
    endS,
    quorum: { membersUp: core.quorum.membersUp, members: core.quorum.members, held: core.quorum.held },
    capacity: { cpuCores: c.cpuCores, memoryGiB: c.memoryGiB, podSlots: c.podSlots, evictedPods: c.evictedPods, fits: c.fits, short: c.short },
    volumes: v ? { total: v.total, degraded: round1(v.affected - v.unavailable), unavailable: round1(v.unavailable - v.lost), lost: round1(v.lost) } : null,
    feedsOverCapacity: core.power.feedsOverCapacity.map((f) => f.feed),
    blast,
    problems,
  };
}

/**
 * What the storage provider does while a machine is out for `outS` seconds: each waits before
 * rebuilding elsewhere (Longhorn replica-replenishment-wait-interval, Ceph mon_osd_down_out_interval,
 * Mayastor's faulted-child wait); an upgrade shorter than the wait costs only a resync of the
 * writes missed, a longer one starts a full rebuild each time.
 */
function storageNotes(plan: Plan, outS: number): string[] {
  const s = plan.cluster.storage;
  const wait =
    s.provider === 'longhorn'
      ? { s: s.replenishmentWaitS, what: 'Longhorn replica replenishment wait' }
      : s.provider === 'ceph'
        ? { s: s.downOutIntervalS, what: 'Ceph mon_osd_down_out_interval' }
        : s.provider === 'mayastor'
          ? { s: s.faultedWaitS, what: 'Mayastor faulted-replica wait' }
          : null;
  if (!wait)
    return [
      s.provider === 'local-path'
        ? 'local-path volumes live on one machine: their pods wait for that machine to come back'
        : 'no replicated storage in the plan',
    ];
  return [
    outS < wait.s
      ? `each machine is out ${outS} s, less than the ${wait.what} (${wait.s} s): its replicas come back and resync the missed writes instead of being rebuilt elsewhere`
      : `each machine is out ${outS} s, not less than the ${wait.what} (${wait.s} s): a full rebuild of its replicas starts during every storage step (raise the wait or set maintenance, e.g. Ceph noout, for upgrades)`,
  ];
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
