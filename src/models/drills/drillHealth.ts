import type { Plan } from '../../plan/schema';
import { quorumAfterFailures } from '../controlPlane/quorumAfterFailures';
import { DEGRADED, DOWN, NO_FAILURES, resolveFailures, type FailureSet, type ResolvedFailures } from '../failures';
import { powerAfterFailures } from '../physical/powerAfterFailures';
import { failureImpact, storageFailureState } from '../storage/failureImpact';
import { placeStorage } from '../storage/placement';
import { topologyOf } from '../topology';
import { capacityLeft, lostAllocatable, workloadDemand } from '../workload/capacityLeft';
import { allocatableBasis } from '../workload/nodeAllocatable';
import { composeHealth, type ApiCause, type DrillHealth, type HealthCore } from './health';

export interface DrillOptions {
  /** Seed of the storage placement, as in `evaluate`. */
  seed: number;
}

/**
 * A drill's health, the full path: resolve the failure set with `resolveFailures`, then ask each
 * model family (control-plane quorum, power, storage impact, workload capacity) and compare with
 * the plan with nothing failed. This is what `evaluate(plan, { failures }).drill` reports.
 */
export function drillHealth(plan: Plan, failures: FailureSet, options: DrillOptions = { seed: 1 }): DrillHealth {
  const core = healthCore(plan, resolveFailures(plan, failures), options.seed);
  return composeHealth(core, baselineCore(plan, options.seed));
}

const baselines = new WeakMap<Plan, Map<number, HealthCore>>();

/** The health core with nothing failed, cached per plan and seed. */
export function baselineCore(plan: Plan, seed: number): HealthCore {
  let bySeed = baselines.get(plan);
  if (!bySeed) baselines.set(plan, (bySeed = new Map()));
  let core = bySeed.get(seed);
  if (!core) bySeed.set(seed, (core = healthCore(plan, resolveFailures(plan, NO_FAILURES), seed)));
  return core;
}

/**
 * The numbers behind a drill's health from a resolved failure set. The API line: a running node
 * reaches a working API server iff etcd holds quorum and the node's sites can reach the quorum
 * side; with KubePrism (a local load balancer over every API server on each node, Talos docs
 * "KubePrism") any such server will do; without it the node goes through the cluster endpoint,
 * taken to be a Talos shared VIP that stays in the first control plane's site (a VIP lives on one
 * layer-2 segment), so losing every control plane there cuts every node off although quorum holds.
 */
export function healthCore(plan: Plan, resolved: ResolvedFailures, seed: number): HealthCore {
  const t = topologyOf(plan);
  let down = 0,
    degraded = 0;
  for (let i = 0; i < resolved.nodeStatus.length; i++) {
    if (resolved.nodeStatus[i] === DOWN) down++;
    else if (resolved.nodeStatus[i] === DEGRADED) degraded++;
  }
  const total = t.places.length;
  const q = quorumAfterFailures(plan, resolved);
  const nodesUp = total - down;

  let cause: ApiCause = 'ok';
  let without = 0;
  if (q.members === 0) {
    cause = 'no-control-plane';
    without = nodesUp;
  } else if (!q.quorumHeld) {
    cause = 'no-quorum';
    without = nodesUp;
  } else {
    const firstCp = t.places.find((p) => p.node.role === 'controlplane');
    const endpointSite = firstCp?.site.id;
    const endpointAlive =
      plan.cluster.kubeprism.enabled ||
      t.places.some(
        (p) =>
          p.node.role === 'controlplane' &&
          p.site.id === endpointSite &&
          resolved.nodeStatus[p.index] !== DOWN &&
          resolved.sitePartition.get(p.site.id) === q.quorumGroup,
      );
    if (!endpointAlive) {
      cause = 'endpoint-lost';
      without = nodesUp;
    } else {
      for (const p of t.places) if (resolved.nodeStatus[p.index] !== DOWN && resolved.sitePartition.get(p.site.id) !== q.quorumGroup) without++;
      if (without > 0) cause = 'partitioned';
    }
  }

  const placement = placeStorage(plan, { seed });
  const storage =
    placement.unitCount > 0 ? failureImpact(placement, storageFailureState(placement, resolved), plan.assumptions?.storage?.cephObjectBytes) : null;
  const basis = allocatableBasis(plan);
  const capacity = capacityLeft(
    'left after the failures',
    basis,
    workloadDemand(plan),
    lostAllocatable(basis, (i) => resolved.nodeStatus[i] === DOWN, total),
  );
  const power = powerAfterFailures(resolved);
  return {
    nodes: { total, healthy: total - down - degraded, degraded, down },
    quorum: { members: q.members, membersUp: q.membersUp, quorum: q.quorum, largestGroupUp: q.largestGroupUp, held: q.quorumHeld },
    api: { kubeprism: plan.cluster.kubeprism.enabled, nodesUp, nodesWithout: without, cause },
    storage,
    capacity,
    power: { racksDown: power.racksDown, feedsOverCapacity: power.feedsOverCapacity },
  };
}
