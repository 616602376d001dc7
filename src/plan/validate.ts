import { nodeSchema, planSchema, type Plan, type PlanNode, type Rack, type Hardware } from './schema';
import { issuesFromZod, type PlanIssue } from './issues';
import { migratePlan } from './migrate';

/** Most etcd members a plan may have: the etcd FAQ advises no more than seven (each write goes to every member). */
export const MAX_ETCD_MEMBERS = 7;

/** The issue a plan with more control planes than etcd supports gets, or null. */
export function controlPlaneLimitIssue(nodes: readonly Pick<PlanNode, 'role'>[]): PlanIssue | null {
  let controlPlanes = 0;
  for (const node of nodes) if (node.role === 'controlplane') controlPlanes++;
  return controlPlanes > MAX_ETCD_MEMBERS
    ? {
        path: 'nodes',
        message: `has ${controlPlanes} control-plane nodes; Talos runs an etcd member on each and etcd supports at most ${MAX_ETCD_MEMBERS} (etcd FAQ: more members only slow every write)`,
      }
    : null;
}

export type ValidationResult = { ok: true; plan: Plan; issues: [] } | { ok: false; issues: PlanIssue[] };

/**
 * Validates an untrusted document against the plan schema, then checks what a schema cannot:
 * references between collections, unique ids, and that every node fits its rack without overlap.
 * Older format versions are migrated first; a newer one is refused by name rather than as a
 * mismatch of `version`. Rule violations (reference-architecture advice) are not errors here; the
 * advisor reports them. Never throws: anything that is not a valid plan yields field-path issues.
 */
export function validatePlan(input: unknown): ValidationResult {
  const proto = protoKeyPath(input, '');
  if (proto !== null)
    return {
      ok: false,
      issues: [{ path: proto, message: 'is a "__proto__" key, which no plan field or Kubernetes label allows; refused rather than silently dropped' }],
    };
  const migrated = migratePlan(input);
  if (!migrated.ok) return { ok: false, issues: migrated.issues };
  const parsed = planSchema.safeParse(migrated.doc);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error, planSchema, migrated.doc) };
  const issues = crossCheck(parsed.data);
  return issues.length === 0 ? { ok: true, plan: parsed.data, issues: [] } : { ok: false, issues };
}

/**
 * The path of the first own "__proto__" key in a parsed document, or null. JSON.parse and the
 * YAML reader keep such a key as data, but copying it into a fresh object (as schema parsing
 * does) would set a prototype instead and the key would vanish without an error.
 */
export function protoKeyPath(value: unknown, path: string): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = protoKeyPath(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key === '__proto__') return at;
    const found = protoKeyPath((value as Record<string, unknown>)[key], at);
    if (found !== null) return found;
  }
  return null;
}

/** The U range a switch stack takes at the top of a rack: `[firstU, rack.heightU]`, or null if none. */
export function switchSlots(rack: Rack): [number, number] | null {
  const used = rack.tor.count * rack.tor.heightU;
  return used === 0 ? null : [rack.heightU - used + 1, rack.heightU];
}

/** The highest U a rack offers to nodes (below its switches). */
export function topFreeU(rack: Rack): number {
  return rack.heightU - rack.tor.count * rack.tor.heightU;
}

/**
 * Ids are unique across every collection, not only within one: `rttOverrides` name nodes, racks,
 * rows, rooms and sites by bare id, so a node "r2" beside a rack "r2" would make an override
 * meant for the rack apply to the node. Hardware ids share the namespace so that no reference
 * is ever ambiguous to a reader either.
 */
function uniqueIdsAcross(plan: Plan, issues: PlanIssue[]): void {
  // The first holder of each id as [field, index]; paths are spelled out only for an issue
  // (building one string per item cost a 5,000-node plan milliseconds on every edit).
  const seen = new Map<string, [string, number]>();
  for (const field of ['sites', 'rooms', 'rows', 'racks', 'hardware', 'nodes'] as const) {
    plan[field].forEach((item: { id: string }, i: number) => {
      const first = seen.get(item.id);
      if (first === undefined) {
        seen.set(item.id, [field, i]);
        return;
      }
      const here = `${field}[${i}].id`;
      const there = `${first[0]}[${first[1]}].id`;
      if (first[0] === field) issues.push({ path: here, message: `duplicates ${there} "${item.id}"` });
      else
        issues.push({
          path: here,
          message: `"${item.id}" is also ${there}; ids must be unique across sites, rooms, rows, racks, hardware and nodes (rttOverrides name them by id alone)`,
        });
    });
  }
}

export function crossCheck(plan: Plan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  uniqueIdsAcross(plan, issues);

  const siteIds = new Set(plan.sites.map((s) => s.id));
  const roomIds = new Set(plan.rooms.map((r) => r.id));
  const rowIds = new Set(plan.rows.map((r) => r.id));
  const racks = new Map(plan.racks.map((r) => [r.id, r]));
  const hardware = new Map(plan.hardware.map((h) => [h.id, h]));

  plan.rooms.forEach((room, i) => {
    if (!siteIds.has(room.siteId)) issues.push({ path: `rooms[${i}].siteId`, message: `names no site, got "${room.siteId}"` });
  });
  plan.rows.forEach((row, i) => {
    if (!roomIds.has(row.roomId)) issues.push({ path: `rows[${i}].roomId`, message: `names no room, got "${row.roomId}"` });
  });
  plan.racks.forEach((rack, i) => {
    if (!rowIds.has(rack.rowId)) issues.push({ path: `racks[${i}].rowId`, message: `names no row, got "${rack.rowId}"` });
    if (rack.feeds.length === 2 && rack.feeds[0].id === rack.feeds[1].id) {
      issues.push({ path: `racks[${i}].feeds[1].id`, message: `duplicates feed "${rack.feeds[0].id}"` });
    }
    if (topFreeU(rack) < 1) issues.push({ path: `racks[${i}].tor`, message: `switches fill the whole ${rack.heightU} U rack` });
  });
  plan.hardware.forEach((hw, i) => {
    if (hw.powerPeakW < hw.powerTypicalW) {
      issues.push({ path: `hardware[${i}].powerPeakW`, message: `must be at least powerTypicalW (${hw.powerTypicalW}), got ${hw.powerPeakW}` });
    }
  });

  const names = new Map<string, number>();
  const occupancy = new Map<string, { from: number; to: number; index: number }[]>();
  plan.nodes.forEach((node, i) => {
    const first = names.get(node.name);
    if (first !== undefined) issues.push({ path: `nodes[${i}].name`, message: `duplicates nodes[${first}].name "${node.name}"` });
    else names.set(node.name, i);
    const rack = racks.get(node.rackId);
    const hw = hardware.get(node.hardwareId);
    if (!rack) issues.push({ path: `nodes[${i}].rackId`, message: `names no rack, got "${node.rackId}"` });
    if (!hw) issues.push({ path: `nodes[${i}].hardwareId`, message: `names no hardware profile, got "${node.hardwareId}"` });
    if (!rack || !hw) return;
    checkNodeFits(node, i, rack, hw, issues);
    const from = node.positionU;
    const to = node.positionU + hw.heightU - 1;
    const list = occupancy.get(rack.id) ?? [];
    for (const other of list) {
      if (from <= other.to && other.from <= to) {
        issues.push({
          path: `nodes[${i}].positionU`,
          message: `U${from}-U${to} overlaps nodes[${other.index}] ("${plan.nodes[other.index].name}", U${other.from}-U${other.to}) in rack "${rack.name}"`,
        });
        break;
      }
    }
    list.push({ from, to, index: i });
    occupancy.set(rack.id, list);
  });

  const endpoints =
    plan.network.rttOverrides.length === 0
      ? new Set<string>()
      : new Set<string>([...siteIds, ...roomIds, ...rowIds, ...racks.keys(), ...plan.nodes.map((n) => n.id)]);
  plan.network.rttOverrides.forEach((o, i) => {
    if (!endpoints.has(o.from)) issues.push({ path: `network.rttOverrides[${i}].from`, message: `names no node, rack, row, room or site, got "${o.from}"` });
    if (!endpoints.has(o.to)) issues.push({ path: `network.rttOverrides[${i}].to`, message: `names no node, rack, row, room or site, got "${o.to}"` });
  });

  const tooMany = controlPlaneLimitIssue(plan.nodes);
  if (tooMany) issues.push(tooMany);

  issues.push(...crossCheckSettings(plan));
  return issues;
}

/**
 * The checks of the settings sections that span fields (Ceph minSize against size, rising full
 * ratios, etcd election timeout against heartbeat): cheap, so the settings editor runs them on every edit.
 */
export function crossCheckSettings(plan: Pick<Plan, 'cluster' | 'workload'>): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const cni = plan.cluster.cni;
  // Flannel's backends are VXLAN-style overlays (vxlan, host-gw, wireguard); "native" routing and
  // Geneve are Cilium modes, and the network model would otherwise price Flannel as VXLAN silently.
  if (cni.name === 'flannel' && cni.mode !== 'vxlan') {
    issues.push({ path: 'cluster.cni.mode', message: `Flannel runs "vxlan" here; "${cni.mode}" is a Cilium mode, got "${cni.mode}" with Flannel` });
  }
  const storage = plan.cluster.storage;
  if (storage.provider === 'ceph' && storage.pool.type === 'replicated' && storage.pool.minSize > storage.pool.size) {
    issues.push({ path: 'cluster.storage.pool.minSize', message: `must not exceed pool.size (${storage.pool.size}), got ${storage.pool.minSize}` });
  }
  if (storage.provider === 'ceph' && !(storage.nearfullRatio <= storage.backfillfullRatio && storage.backfillfullRatio <= storage.fullRatio)) {
    issues.push({ path: 'cluster.storage.backfillfullRatio', message: 'ratios must rise: nearfullRatio <= backfillfullRatio <= fullRatio' });
  }
  // Connections may be fewer than clients: gRPC multiplexes clients over a connection, and etcd's
  // own benchmarks run 1,000 clients over 100 connections (etcd op-guide/performance).
  const etcd = plan.cluster.etcd;
  if (etcd.electionTimeoutMs < 5 * etcd.heartbeatMs) {
    issues.push({
      path: 'cluster.etcd.electionTimeoutMs',
      message: `must be at least 5 x heartbeatMs (${5 * etcd.heartbeatMs} ms): etcd refuses to start otherwise (embed config check: the election timeout must be at least 5 times the heartbeat interval), got ${etcd.electionTimeoutMs}`,
    });
  }
  return issues;
}

/** Pushes the issues of one node against its rack: fits below the switches, names the rack's feeds and switches, lists none twice. */
export function checkNodeFits(node: PlanNode, i: number, rack: Rack, hw: Hardware, issues: PlanIssue[]): void {
  const top = node.positionU + hw.heightU - 1;
  const limit = topFreeU(rack);
  if (top > limit) {
    const why = limit < rack.heightU ? ` (U${limit + 1}-U${rack.heightU} hold the switches)` : '';
    issues.push({
      path: `nodes[${i}].positionU`,
      message: `a ${hw.heightU} U "${hw.name}" at U${node.positionU} reaches U${top}, above the rack's top free U${limit}${why}`,
    });
  }
  const feedIds = new Set(rack.feeds.map((f) => f.id));
  node.feeds.forEach((f, j) => {
    if (!feedIds.has(f)) issues.push({ path: `nodes[${i}].feeds[${j}]`, message: `rack "${rack.name}" has no feed ${f}` });
  });
  node.tors.forEach((t, j) => {
    if (t === 'B' && rack.tor.count < 2) issues.push({ path: `nodes[${i}].tors[${j}]`, message: `rack "${rack.name}" has only switch A` });
  });
  if (new Set(node.feeds).size !== node.feeds.length) issues.push({ path: `nodes[${i}].feeds`, message: 'lists a feed twice' });
  if (new Set(node.tors).size !== node.tors.length) issues.push({ path: `nodes[${i}].tors`, message: 'lists a switch twice' });
}

/**
 * Checks one node against its plan without re-validating the whole plan: its fields, its
 * references, its fit in the rack and overlap with the rack's other nodes. The editor uses it
 * so a single edit on a 5,000-node plan costs microseconds; the worker still validates fully.
 */
export function checkNodeInPlan(plan: Plan, index: number): PlanIssue[] {
  const node = plan.nodes[index];
  const parsed = nodeSchema.safeParse(node);
  if (!parsed.success) {
    return issuesFromZod(parsed.error, nodeSchema, node).map((i) => ({
      ...i,
      path: `nodes[${index}]${i.path === '(plan)' ? '' : i.path.startsWith('[') ? i.path : `.${i.path}`}`,
    }));
  }
  const issues: PlanIssue[] = [];
  const rack = plan.racks.find((r) => r.id === node.rackId);
  const hw = plan.hardware.find((h) => h.id === node.hardwareId);
  if (!rack) issues.push({ path: `nodes[${index}].rackId`, message: `names no rack, got "${node.rackId}"` });
  if (!hw) issues.push({ path: `nodes[${index}].hardwareId`, message: `names no hardware profile, got "${node.hardwareId}"` });
  if (!rack || !hw) return issues;
  checkNodeFits(node, index, rack, hw, issues);
  const tooMany = node.role === 'controlplane' ? controlPlaneLimitIssue(plan.nodes) : null;
  if (tooMany) issues.push(tooMany);
  const hwById = new Map(plan.hardware.map((h) => [h.id, h]));
  const to = node.positionU + hw.heightU - 1;
  plan.nodes.forEach((other, j) => {
    if (j === index) return;
    if (other.name === node.name) issues.push({ path: `nodes[${index}].name`, message: `duplicates nodes[${j}].name "${node.name}"` });
    if (other.id === node.id) issues.push({ path: `nodes[${index}].id`, message: `duplicates nodes[${j}].id "${node.id}"` });
    if (other.rackId !== node.rackId) return;
    const oh = hwById.get(other.hardwareId);
    if (!oh) return;
    const oto = other.positionU + oh.heightU - 1;
    if (node.positionU <= oto && other.positionU <= to) {
      issues.push({
        path: `nodes[${index}].positionU`,
        message: `U${node.positionU}-U${to} overlaps "${other.name}" (U${other.positionU}-U${oto}) in rack "${rack.name}"`,
      });
    }
  });
  return issues;
}
