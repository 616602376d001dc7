import type { Plan } from '../../plan/schema';
import { DOWN, resolveFailures, type FailureSet } from '../failures';
import { topologyOf, type NodePlace } from '../topology';

/** A LitmusChaos ChaosEngine (litmuschaos.io/v1alpha1) as plain data; print it as YAML or JSON. */
export interface LitmusEngine {
  apiVersion: 'litmuschaos.io/v1alpha1';
  kind: 'ChaosEngine';
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    engineState: 'active';
    annotationCheck: 'false';
    chaosServiceAccount: string;
    jobCleanUpPolicy: 'delete' | 'retain';
    experiments: { name: string; spec: { components: { env: { name: string; value: string }[] } } }[];
  };
}

export interface LitmusExperiment {
  engines: LitmusEngine[];
  /** What the engines cannot reproduce, in words. */
  notes: string[];
}

export interface LitmusOptions {
  name: string;
  namespace?: string;
  durationS?: number;
}

const ZONE = 'topology.kubernetes.io/zone';
const HOSTNAME = 'kubernetes.io/hostname';

/**
 * A drill as LitmusChaos ChaosEngines, one per target (engines applied together run at once):
 * - each node the drill takes down becomes a `node-drain` of that node (`TARGET_NODE`): Litmus's
 *   node-restart and kubelet-service-kill need SSH or systemd, which Talos has not, while a drain
 *   works through the API and has the workload-side effect of losing the node (its pods evicted
 *   and rescheduled, the node cordoned for the duration);
 * - nodes cut off by failed switches become a `pod-network-loss` of 100 % on the pods of those
 *   nodes, selected by `NODE_LABEL`: the rack's zone label when it selects exactly those nodes,
 *   else each node's `kubernetes.io/hostname` label;
 * - added latency becomes a `pod-network-latency` selected the same way.
 * Disk failures, bandwidth cuts and site-link partitions are listed in `notes`.
 */
export function litmusExperiment(plan: Plan, failures: FailureSet, options: LitmusOptions): LitmusExperiment {
  const t = topologyOf(plan);
  const resolved = resolveFailures(plan, failures);
  const ns = options.namespace ?? 'litmus';
  const duration = String(Math.max(1, Math.round(options.durationS ?? 600)));
  const slug =
    options.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'drill';
  const engines: LitmusEngine[] = [];
  const notes: string[] = [];
  const make = (experiment: string, what: string, env: Record<string, string>): LitmusEngine => ({
    apiVersion: 'litmuschaos.io/v1alpha1',
    kind: 'ChaosEngine',
    metadata: {
      name: `rackplan-${slug}-${engines.length + 1}`.slice(0, 63).replace(/-+$/, ''),
      namespace: ns,
      labels: { 'app.kubernetes.io/managed-by': 'rackplan', 'rackplan.dev/drill-step': what },
    },
    spec: {
      engineState: 'active',
      annotationCheck: 'false',
      chaosServiceAccount: 'litmus-admin',
      jobCleanUpPolicy: 'delete',
      experiments: [
        {
          name: experiment,
          spec: { components: { env: Object.entries({ TOTAL_CHAOS_DURATION: duration, ...env }).map(([name, value]) => ({ name, value })) } },
        },
      ],
    },
  });
  // The node label that selects exactly these nodes: the rack's zone when it is theirs alone, else one hostname each.
  const labelsFor = (places: readonly NodePlace[]): string[] => {
    const zone = places[0]?.node.labels[ZONE];
    const exclusive =
      zone !== undefined && places.every((p) => p.node.labels[ZONE] === zone) && t.places.every((p) => p.node.labels[ZONE] !== zone || places.includes(p));
    return exclusive ? [`${ZONE}=${zone}`] : places.map((p) => `${HOSTNAME}=${p.node.name}`);
  };
  const byRack = (places: readonly NodePlace[]) => {
    const m = new Map<string, NodePlace[]>();
    for (const p of places) m.set(p.rack.id, [...(m.get(p.rack.id) ?? []), p]);
    return [...m.values()];
  };

  for (const p of t.places) {
    if (resolved.nodeStatus[p.index] !== DOWN || resolved.nodePowered[p.index]) continue;
    const whole = (t.nodesByRack.get(p.rack.id)?.length ?? 0) > 0 && resolved.racksDown.has(p.rack.id);
    const what = !whole ? 'node-restart' : resolved.racksDown.get(p.rack.id)?.includes('no power') ? 'power-feed-loss' : 'rack-loss';
    engines.push(make('node-drain', what, { TARGET_NODE: p.node.name }));
  }
  const isolated = t.places.filter((p) => resolved.nodeStatus[p.index] === DOWN && resolved.nodePowered[p.index]);
  for (const group of byRack(isolated)) {
    for (const label of labelsFor(group))
      engines.push(make('pod-network-loss', 'network-partition', { NODE_LABEL: label, NETWORK_PACKET_LOSS_PERCENTAGE: '100', PODS_AFFECTED_PERC: '100' }));
  }
  for (const d of failures.degradations ?? []) {
    const s = d.scope;
    if (s.kind === 'siteLink') {
      notes.push(`${d.kind} on the link between ${s.siteA} and ${s.siteB}: Litmus shapes pod traffic, not a link between sites; not exported`);
      continue;
    }
    const places = s.kind === 'node' ? t.places.filter((p) => p.node.id === s.nodeId) : (t.nodesByRack.get(s.rackId) ?? []);
    if (places.length === 0) continue;
    if (d.kind === 'latency') {
      for (const label of labelsFor(places))
        engines.push(
          make('pod-network-latency', 'network-delay', { NODE_LABEL: label, NETWORK_LATENCY: String(Math.round(d.addedMs)), PODS_AFFECTED_PERC: '100' }),
        );
    } else {
      notes.push(
        `bandwidth cut to ${Math.round(d.remainingFraction * 100)} % on ${s.kind} ${s.kind === 'node' ? s.nodeId : s.rackId}: Litmus has no bandwidth fault for pods; not exported`,
      );
    }
  }
  for (const key of resolved.siteLinksDown) notes.push(`site link ${key} down: no Litmus fault partitions two groups of nodes; not exported`);
  for (const c of failures.components) {
    if (c.kind === 'disk') notes.push(`disk ${c.nodeId}/${c.slot}: no Litmus fault loses a disk; rehearse it by removing the disk from the storage provider`);
  }
  notes.push(
    `each engine runs ${duration} s under the litmus-admin service account in ${ns}; node-drain evicts the pods and cordons the node, but the machine, etcd and storage daemons keep running, so the control-plane and storage lines of the drill are not rehearsed`,
  );
  return { engines, notes };
}
