import type { Plan } from '../../plan/schema';
import { DOWN, resolveFailures, siteLinkKey, type FailureSet } from '../failures';
import { topologyOf, type NodePlace } from '../topology';

/** A Chaos Mesh custom resource (chaos-mesh.org/v1alpha1) as plain data; print it as YAML or JSON. */
export interface ChaosManifest {
  apiVersion: 'chaos-mesh.org/v1alpha1';
  kind: 'PodChaos' | 'NetworkChaos';
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: Record<string, unknown>;
}

export interface ChaosExperiment {
  manifests: ChaosManifest[];
  /** What the experiment cannot reproduce, in words (a staging cluster is not the plan). */
  notes: string[];
}

export interface ChaosOptions {
  /** Drill name, made into resource names. */
  name: string;
  /** Namespace the chaos resources live in. */
  namespace?: string;
  /** Namespaces whose pods are targeted (Chaos Mesh selects pods, not machines). */
  targetNamespaces?: readonly string[];
  durationS?: number;
}

const ZONE = 'topology.kubernetes.io/zone';

/**
 * A drill as Chaos Mesh experiments that rehearse it on a staging cluster, targeting the same
 * nodes through their labels. Chaos Mesh acts on pods, not hardware, so:
 * - every node the drill takes down (node-restart, rack-loss, power-feed-loss, row/room/site
 *   loss: as `resolveFailures` says, breaker cascade included) becomes a PodChaos `pod-failure`
 *   on the pods of those nodes, one per rack: by the rack's zone label (`topology.kubernetes.io/zone`)
 *   when every node of the rack carries one that no other node has, else by node name;
 * - a failed switch becomes a NetworkChaos `partition` (both directions) between the nodes it
 *   isolates and every other pod; a failed site link a partition between the two sites' nodes;
 * - added latency becomes a NetworkChaos `delay`.
 * Disk failures and bandwidth cuts are listed in `notes` (no faithful pod-level equivalent).
 */
export function chaosMeshExperiment(plan: Plan, failures: FailureSet, options: ChaosOptions): ChaosExperiment {
  const t = topologyOf(plan);
  const resolved = resolveFailures(plan, failures);
  const ns = options.namespace ?? 'chaos-mesh';
  const targets = [...(options.targetNamespaces ?? ['default'])];
  const duration = `${Math.max(1, Math.round(options.durationS ?? 600))}s`;
  const slug =
    options.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'drill';
  const manifests: ChaosManifest[] = [];
  const notes: string[] = [];
  const make = (kind: ChaosManifest['kind'], what: string, spec: Record<string, unknown>): ChaosManifest => ({
    apiVersion: 'chaos-mesh.org/v1alpha1',
    kind,
    metadata: {
      name: `rackplan-${slug}-${manifests.length + 1}`.slice(0, 63).replace(/-+$/, ''),
      namespace: ns,
      labels: { 'app.kubernetes.io/managed-by': 'rackplan', 'rackplan.dev/drill-step': what },
    },
    spec,
  });
  const nodeSelector = (places: readonly NodePlace[]) => {
    const zones = new Set(places.map((p) => p.node.labels[ZONE]));
    const zone = places[0]?.node.labels[ZONE];
    const exclusive = zone && zones.size === 1 && t.places.every((p) => p.node.labels[ZONE] !== zone || places.includes(p));
    return exclusive ? { namespaces: targets, nodeSelectors: { [ZONE]: zone } } : { namespaces: targets, nodes: places.map((p) => p.node.name) };
  };
  const everyPod = { namespaces: targets };

  // Nodes down, one experiment per rack (a rack's zone label selects it whole).
  const downByRack = new Map<string, NodePlace[]>();
  for (const p of t.places) {
    // Powered nodes that are down are cut off by their switches: a partition below, not a crash.
    if (resolved.nodeStatus[p.index] !== DOWN || resolved.nodePowered[p.index]) continue;
    downByRack.set(p.rack.id, [...(downByRack.get(p.rack.id) ?? []), p]);
  }
  for (const [rackId, places] of downByRack) {
    const whole = places.length === (t.nodesByRack.get(rackId)?.length ?? 0);
    const what = !whole ? 'node-restart' : resolved.racksDown.get(rackId)?.includes('no power') ? 'power-feed-loss' : 'rack-loss';
    manifests.push(
      make('PodChaos', what, {
        action: 'pod-failure',
        mode: 'all',
        duration,
        selector: whole ? nodeSelector(places) : { namespaces: targets, nodes: places.map((p) => p.node.name) },
      }),
    );
  }
  // Nodes cut off by their switches: a partition, not a crash (they keep running).
  const isolated = t.places.filter((p) => resolved.nodeStatus[p.index] === DOWN && resolved.nodePowered[p.index]);
  if (isolated.length > 0) {
    manifests.push(
      make('NetworkChaos', 'network-partition', {
        action: 'partition',
        mode: 'all',
        direction: 'both',
        duration,
        selector: { namespaces: targets, nodes: isolated.map((p) => p.node.name) },
        target: { mode: 'all', selector: everyPod },
      }),
    );
  }
  for (const key of resolved.siteLinksDown) {
    const [a, b] = key.split('|');
    const side = (site: string) => t.places.filter((p) => p.site.id === site && resolved.nodeStatus[p.index] !== DOWN).map((p) => p.node.name);
    if (side(a).length === 0 || side(b).length === 0) continue;
    manifests.push(
      make('NetworkChaos', 'network-partition', {
        action: 'partition',
        mode: 'all',
        direction: 'both',
        duration,
        selector: { namespaces: targets, nodes: side(a) },
        target: { mode: 'all', selector: { namespaces: targets, nodes: side(b) } },
      }),
    );
  }
  for (const d of failures.degradations ?? []) {
    const s = d.scope;
    const places =
      s.kind === 'node'
        ? t.places.filter((p) => p.node.id === s.nodeId)
        : s.kind === 'rack'
          ? (t.nodesByRack.get(s.rackId) ?? [])
          : t.places.filter((p) => p.site.id === s.siteA);
    if (places.length === 0) continue;
    if (d.kind === 'latency') {
      // Chaos Mesh delays egress of the selected pods; half the added round trip each way when both sides are selected.
      manifests.push(
        make('NetworkChaos', 'network-delay', {
          action: 'delay',
          mode: 'all',
          duration,
          direction: 'to',
          delay: { latency: `${d.addedMs}ms` },
          selector: s.kind === 'rack' ? nodeSelector(places) : { namespaces: targets, nodes: places.map((p) => p.node.name) },
          ...(s.kind === 'siteLink'
            ? { target: { mode: 'all', selector: { namespaces: targets, nodes: t.places.filter((p) => p.site.id === s.siteB).map((p) => p.node.name) } } }
            : {}),
        }),
      );
    } else {
      notes.push(
        `bandwidth cut to ${Math.round(d.remainingFraction * 100)} % on ${s.kind} ${s.kind === 'siteLink' ? siteLinkKey(s.siteA, s.siteB) : s.kind === 'node' ? s.nodeId : s.rackId}: Chaos Mesh's bandwidth action shapes pod egress, not a link; not exported`,
      );
    }
  }
  for (const c of failures.components) {
    if (c.kind === 'disk')
      notes.push(
        `disk ${c.nodeId}/${c.slot}: no pod-level equivalent of losing a disk; rehearse it by removing the disk from the storage provider (e.g. evicting the Longhorn disk or marking the OSD out)`,
      );
  }
  notes.push(
    `Chaos Mesh fails the pods in ${targets.join(', ')} on the chosen nodes for ${duration}; the nodes themselves, etcd and the storage daemons keep running, so the control-plane and storage lines of the drill are not rehearsed by this experiment`,
  );
  return { manifests, notes };
}
