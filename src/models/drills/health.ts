import type { CapacityLeft } from '../workload/capacityLeft';
import type { FailureImpact } from '../storage/failureImpact';
import { quorumWhy } from '../controlPlane/quorumAfterFailures';

/** Why some nodes cannot reach the Kubernetes API. */
export type ApiCause = 'ok' | 'no-control-plane' | 'no-quorum' | 'partitioned' | 'endpoint-lost';

/**
 * The numbers behind a drill's health. Two paths compute it: the full path (`drillHealth`, through
 * `resolveFailures` and each model family) and the incremental sweep (`sweepScenario`, a delta
 * from a baseline); tests hold them equal.
 */
export interface HealthCore {
  nodes: { total: number; healthy: number; degraded: number; down: number };
  quorum: { members: number; membersUp: number; quorum: number; largestGroupUp: number; held: boolean };
  api: { kubeprism: boolean; nodesUp: number; nodesWithout: number; cause: ApiCause };
  /** Storage impact (units and volumes), null when the plan places no data. */
  storage: FailureImpact | null;
  capacity: CapacityLeft;
  power: {
    racksDown: { rackId: string; reason: string }[];
    feedsOverCapacity: { feed: string; peakW: number; capacityW: number }[];
  };
}

/** What went worse than with nothing failed, in the sweep's ranking order (most severe first). */
export interface BlastRadius {
  quorumLost: boolean;
  dataLost: boolean;
  dataUnavailable: boolean;
  capacityShort: boolean;
  apiUnreachable: boolean;
  powerOverCapacity: boolean;
}

export const BLAST_ORDER: readonly (keyof BlastRadius)[] = [
  'quorumLost',
  'dataLost',
  'dataUnavailable',
  'capacityShort',
  'apiUnreachable',
  'powerOverCapacity',
];

/** A drill's health in operators' words, with the numbers behind each line. */
export interface DrillHealth {
  core: HealthCore;
  blast: BlastRadius;
  /** Sort key: blast flags as bits in `BLAST_ORDER` (most severe highest), then nodes down. Higher is worse. */
  severity: number;
  lines: { topic: 'machines' | 'controlPlane' | 'etcd' | 'api' | 'volumes' | 'capacity' | 'power'; ok: boolean; text: string }[];
}

/** Compares a drill's core with the plan's own (nothing failed): a flag is set only when the failure made it worse. */
export function blastRadius(core: HealthCore, base: HealthCore): BlastRadius {
  const units = (c: HealthCore) => c.storage?.units ?? { lost: 0, unavailable: 0 };
  return {
    quorumLost: base.quorum.held && !core.quorum.held,
    dataLost: units(core).lost > units(base).lost,
    dataUnavailable: units(core).unavailable > units(base).unavailable,
    capacityShort: core.capacity.short.length > base.capacity.short.length,
    apiUnreachable: core.api.nodesWithout > base.api.nodesWithout,
    powerOverCapacity: core.power.feedsOverCapacity.length > base.power.feedsOverCapacity.length,
  };
}

/** `blastRadius` as one number for ranking: flags as bits (quorum lost = 2⁵ … power = 2⁰) × 10⁶ + nodes down. */
export function severityOf(blast: BlastRadius, core: HealthCore): number {
  let bits = 0;
  for (const k of BLAST_ORDER) bits = bits * 2 + (blast[k] ? 1 : 0);
  return bits * 1e6 + core.nodes.down;
}

/** Turns a core into the health panel's lines (one function for both paths, so their words agree). */
export function composeHealth(core: HealthCore, base: HealthCore): DrillHealth {
  const blast = blastRadius(core, base);
  const { nodes, quorum, api, storage, capacity, power } = core;
  const lines: DrillHealth['lines'] = [];
  lines.push({
    topic: 'machines',
    ok: nodes.down === 0,
    text: `machines healthy ${nodes.healthy}/${nodes.total}${nodes.degraded ? `, ${nodes.degraded} degraded` : ''}${nodes.down ? `, ${nodes.down} down` : ''}`,
  });
  lines.push({
    topic: 'controlPlane',
    ok: quorum.held,
    text: quorum.held
      ? `control plane ready (${quorum.membersUp}/${quorum.members} control-plane nodes up)`
      : 'control plane not ready: the API cannot write without etcd quorum',
  });
  lines.push({
    topic: 'etcd',
    ok: quorum.held,
    text: `etcd quorum ${quorum.held ? 'held' : 'lost'}: ${quorumWhy(quorum.members, quorum.membersUp, quorum.largestGroupUp, quorum.quorum)}`,
  });
  lines.push({ topic: 'api', ok: api.nodesWithout === 0, text: apiText(api) });
  if (storage) {
    const v = storage.volumes;
    const healthy = v.total - v.affected;
    const r = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
    lines.push({
      topic: 'volumes',
      ok: v.unavailable === 0 && v.lost === 0,
      text: `volumes healthy ${r(healthy)}, degraded ${r(v.affected - v.unavailable)}, unavailable ${r(v.unavailable - v.lost)}, lost ${r(v.lost)} of ${v.total}${storage.units.kind === 'pg' ? ' (expected counts over Ceph PGs)' : ''}`,
    });
  }
  lines.push({
    topic: 'capacity',
    ok: capacity.fits,
    text: capacity.fits
      ? `workload capacity: ${Math.round(capacity.cpuCores)} cores, ${Math.round(capacity.memoryGiB)} GiB, ${capacity.podSlots} pod slots left; every pod fits${capacity.evictedPods ? ` (${capacity.evictedPods} evicted pods rescheduled)` : ''}`
      : `workload capacity short: ${capacity.short.join('; ')}`,
  });
  const over = power.feedsOverCapacity;
  lines.push({
    topic: 'power',
    ok: over.length === 0,
    text:
      over.length === 0
        ? power.racksDown.length
          ? `power: ${power.racksDown.length} rack(s) dark, surviving feeds within capacity`
          : 'power: every surviving feed within capacity'
        : `power over capacity after failover: ${over.map((f) => `feed ${f.feed} asked for ${Math.round(f.peakW)} W of ${Math.round(f.capacityW)} W, breaker trips`).join('; ')}`,
  });
  return { core, blast, severity: severityOf(blast, core), lines };
}

function apiText(api: HealthCore['api']): string {
  const via = api.kubeprism ? 'through KubePrism' : 'through the cluster endpoint (KubePrism off)';
  switch (api.cause) {
    case 'ok':
      return `Kubernetes API reachable from every node ${via}`;
    case 'no-control-plane':
      return 'Kubernetes API unreachable: no control-plane node';
    case 'no-quorum':
      return `Kubernetes API unavailable from all ${api.nodesUp} running nodes: etcd has no quorum`;
    case 'partitioned':
      return `Kubernetes API unreachable from ${api.nodesWithout} of ${api.nodesUp} running nodes: their sites are cut off from the quorum side`;
    case 'endpoint-lost':
      return `Kubernetes API unreachable from ${api.nodesWithout} of ${api.nodesUp} running nodes: the cluster endpoint's site lost every control plane and without KubePrism nodes do not try the others`;
  }
}
