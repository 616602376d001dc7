import type { Plan, PlanNode } from '../../plan';

/**
 * Node labels the export derives from where a node sits, so schedulers, storage providers and
 * chaos experiments can select by failure domain. Region is Kubernetes' well-known label
 * (https://kubernetes.io/docs/reference/labels-annotations-taints/#topologykubernetesioregion);
 * rooms, rows and racks have no well-known label, so they get ours. A node's own labels win.
 */
export const TOPOLOGY_LABELS = {
  site: 'topology.kubernetes.io/region',
  room: 'topology.rackplan.io/room',
  row: 'topology.rackplan.io/row',
  rack: 'topology.rackplan.io/rack',
} as const;

/** A label value Kubernetes accepts: at most 63 characters, alphanumeric at both ends. */
export function isLabelValue(v: string): boolean {
  return v.length <= 63 && /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/.test(v);
}

/** The topology labels of one node; ids that are not valid label values are left out. */
export function topologyLabelsOf(plan: Plan, node: PlanNode): Record<string, string> {
  const { rack, row, room } = locationOf(plan, node.rackId);
  const out: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (value !== undefined && isLabelValue(value)) out[key] = value;
  };
  put(TOPOLOGY_LABELS.site, room?.siteId);
  put(TOPOLOGY_LABELS.room, room?.id);
  put(TOPOLOGY_LABELS.row, row?.id);
  put(TOPOLOGY_LABELS.rack, rack?.id);
  return out;
}

/**
 * Whether a node may set this label on itself. Kubernetes' NodeRestriction admission plugin lets
 * a kubelet (and Talos, which applies `machine.nodeLabels` with the kubelet's credentials on
 * workers) set labels outside kubernetes.io and k8s.io, under kubelet.kubernetes.io and
 * node.kubernetes.io, and a short list of well-known ones; `node-role.kubernetes.io/*` is refused
 * (https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#noderestriction).
 */
export function nodeMaySetLabel(key: string): boolean {
  const slash = key.indexOf('/');
  if (slash < 0) return true;
  const prefix = key.slice(0, slash);
  const restricted = (d: string) => prefix === d || prefix.endsWith(`.${d}`);
  if (!restricted('kubernetes.io') && !restricted('k8s.io')) return true;
  if (restricted('kubelet.kubernetes.io') || restricted('node.kubernetes.io')) return true;
  return SELF_SETTABLE.includes(key);
}

const SELF_SETTABLE = [
  'kubernetes.io/hostname',
  'kubernetes.io/arch',
  'kubernetes.io/os',
  'beta.kubernetes.io/instance-type',
  'node.kubernetes.io/instance-type',
  'beta.kubernetes.io/os',
  'beta.kubernetes.io/arch',
  'failure-domain.beta.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
];

const indexes = new WeakMap<
  Plan,
  { racks: Map<string, Plan['racks'][number]>; rows: Map<string, Plan['rows'][number]>; rooms: Map<string, Plan['rooms'][number]> }
>();

/** The rack, row and room a rack id leads to (looked up through per-plan indexes: plans reach 5,000 nodes). */
export function locationOf(plan: Plan, rackId: string) {
  let ix = indexes.get(plan);
  if (!ix) {
    ix = { racks: new Map(plan.racks.map((r) => [r.id, r])), rows: new Map(plan.rows.map((r) => [r.id, r])), rooms: new Map(plan.rooms.map((r) => [r.id, r])) };
    indexes.set(plan, ix);
  }
  const rack = ix.racks.get(rackId);
  const row = rack && ix.rows.get(rack.rowId);
  const room = row && ix.rooms.get(row.roomId);
  return { rack, row, room };
}
