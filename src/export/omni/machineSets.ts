import type { Plan, PlanNode, Role, Taint } from '../../plan';
import { isLabelValue, nodeMaySetLabel, TOPOLOGY_LABELS, topologyLabelsOf } from './topologyLabels';

/** Machine-set labels that carry what Omni cannot say about a set, so an import can rebuild it. */
export const SET_LABELS = { role: 'rackplan.io/role', hardware: 'rackplan.io/hardware' } as const;

/** The nodes of one Omni machine set, with the labels and taints they all share. */
export interface MachineSetGroup {
  kind: 'ControlPlane' | 'Workers';
  /** Workers set name; the ControlPlane has none. */
  name?: string;
  role: Role;
  hardwareId: string;
  nodes: PlanNode[];
  /** Labels every node of the set carries (topology and the plan's own). */
  labels: Record<string, string>;
  taints: Taint[];
  /** Per-node labels beyond the shared ones (control planes in different racks differ by rack). */
  nodeLabels: Map<string, Record<string, string>>;
}

/** A node's labels as exported: where it sits, then its own labels, which win. */
export function effectiveLabels(plan: Plan, node: PlanNode): Record<string, string> {
  return { ...topologyLabelsOf(plan, node), ...node.labels };
}

/**
 * Groups the plan's nodes into Omni machine sets: one ControlPlane with every control-plane
 * node, and one Workers set per role, hardware profile and set of labels and taints, so every
 * machine of a set gets the same patch (in practice: per role, hardware and rack, since racks
 * differ by their topology labels). Set names are `<role>-<hardware>`, with the rack (or a
 * counter) added when a role and profile span several sets; never `control-planes`, which Omni keeps.
 */
export function machineSetGroups(plan: Plan): MachineSetGroup[] {
  const groups: MachineSetGroup[] = [];
  const cps = plan.nodes.filter((n) => n.role === 'controlplane');
  if (cps.length > 0) {
    const all = cps.map((n) => effectiveLabels(plan, n));
    const shared = Object.fromEntries(Object.entries(all[0]).filter(([k, v]) => all.every((l) => l[k] === v)));
    const nodeLabels = new Map(cps.map((n, i) => [n.id, Object.fromEntries(Object.entries(all[i]).filter(([k]) => !(k in shared)))]));
    const taints = cps[0].taints.filter((t) => cps.every((n) => n.taints.some((u) => sameTaint(t, u))));
    groups.push({
      kind: 'ControlPlane',
      role: 'controlplane',
      hardwareId: mostCommon(cps.map((n) => n.hardwareId)),
      nodes: cps,
      labels: shared,
      taints,
      nodeLabels,
    });
  }
  const byKey = new Map<string, MachineSetGroup>();
  for (const node of plan.nodes) {
    if (node.role === 'controlplane') continue;
    const labels = effectiveLabels(plan, node);
    // Sets are told apart by what the template can carry: labels a worker cannot set are left out of it.
    const exported = splitSelfSettable(node.role, labels).settable;
    const key = JSON.stringify([node.role, node.hardwareId, Object.entries(exported).sort(), node.taints.map((t) => [t.key, t.value, t.effect]).sort()]);
    let g = byKey.get(key);
    if (!g) {
      g = { kind: 'Workers', role: node.role, hardwareId: node.hardwareId, nodes: [], labels, taints: node.taints, nodeLabels: new Map() };
      byKey.set(key, g);
    }
    g.nodes.push(node);
  }
  // Ordered by role, hardware and labels, not by where nodes happen to sit in the plan's list.
  const roleOrder = (g: MachineSetGroup) => (g.role === 'worker' ? 0 : 1);
  const workers = [...byKey.entries()]
    .sort((a, b) => roleOrder(a[1]) - roleOrder(b[1]) || a[1].hardwareId.localeCompare(b[1].hardwareId) || a[0].localeCompare(b[0]))
    .map(([, g]) => g);
  const baseName = (g: MachineSetGroup) => slug(`${g.role === 'worker' ? 'workers' : g.role}-${g.hardwareId}`);
  const used = new Set<string>(['control-planes']);
  for (const g of workers) {
    const base = baseName(g);
    const siblings = workers.filter((o) => baseName(o) === base);
    const rack = g.labels[TOPOLOGY_LABELS.rack] ?? 'set';
    let name = siblings.length === 1 ? base : slug(`${base}-${rack}`);
    for (let i = 2; used.has(name); i++) name = `${slug(`${base}-${rack}`)}-${i}`;
    used.add(name);
    g.name = name;
  }
  return [...groups, ...workers];
}

/** Splits labels into those a node may set on itself and those only an administrator may. */
export function splitSelfSettable(role: Role, labels: Record<string, string>): { settable: Record<string, string>; restricted: Record<string, string> } {
  const settable: Record<string, string> = {};
  const restricted: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) {
    // Control-plane nodes apply labels with administrator credentials, so nothing is restricted there.
    if (role === 'controlplane' || nodeMaySetLabel(k)) settable[k] = v;
    else restricted[k] = v;
  }
  return { settable, restricted };
}

/** The set's own labels, for the import to read back; values Kubernetes refuses are left out. */
export function setLabels(g: MachineSetGroup): Record<string, string> {
  const out: Record<string, string> = { [SET_LABELS.role]: g.role };
  if (isLabelValue(g.hardwareId)) out[SET_LABELS.hardware] = g.hardwareId;
  return out;
}

function sameTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.value === b.value && a.effect === b.effect;
}

function mostCommon(ids: string[]): string {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

/** Lowercase letters, digits and single dashes: safe inside Omni resource ids. */
export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 50) || 'set'
  );
}
