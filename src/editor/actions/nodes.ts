import type { FeedId, Plan, PlanNode, Rack, Role } from '../../plan/schema';
import { checkNodeInPlan, controlPlaneLimitIssue } from '../../plan/validate';
import { done, refuse, type ActionResult } from '../action';
import { nameAllocator } from '../naming';
import { fitProblem, indexPlan, nearestFreeU, type Span } from '../occupancy';

const ZONE = 'topology.kubernetes.io/zone';
const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** One node's destination: a rack and the lowest U it will occupy. */
export interface NodeMove {
  id: string;
  rackId: string;
  positionU: number;
}

/**
 * Changes fields of one node (role, name, hardware, labels…). The result must stay a valid plan;
 * otherwise the edit is refused with the first problem, named by its field.
 */
export function updateNode(plan: Plan, args: { id: string; patch: Partial<Omit<PlanNode, 'id'>> }): ActionResult {
  const index = plan.nodes.findIndex((n) => n.id === args.id);
  if (index < 0) return refuse(`no node "${args.id}"`);
  const before = plan.nodes[index];
  let node = { ...before, ...args.patch };
  if (args.patch.rackId && args.patch.rackId !== before.rackId) {
    const rack = plan.racks.find((r) => r.id === args.patch.rackId);
    if (rack) node = fitToRack(node, before.rackId, rack);
  }
  if (args.patch.role && args.patch.role !== before.role && !args.patch.labels && !args.patch.taints) node = withStorageMarking(node);
  const nodes = plan.nodes.slice();
  nodes[index] = node;
  const next = { ...plan, nodes };
  const issues = checkNodeInPlan(next, index);
  if (issues.length > 0) return refuse(`${issues[0].path}: ${issues[0].message}`);
  const what = Object.keys(args.patch).join(', ');
  return done(next, `Change ${what} of ${before.name}`);
}

/**
 * Adapts a node to a new rack: its feeds and switches shrink to what the rack has, and a zone
 * label that named the old rack follows it (the samples label each node with its rack).
 */
export function fitToRack(node: PlanNode, fromRackId: string, rack: Rack): PlanNode {
  const rackFeeds = rack.feeds.map((f) => f.id);
  const feeds = node.feeds.filter((f) => rackFeeds.includes(f));
  const tors: FeedId[] = rack.tor.count === 2 ? node.tors : ['A'];
  let labels = node.labels;
  if (labels[ZONE] === fromRackId && fromRackId !== rack.id) {
    labels = { ...labels };
    if (LABEL_VALUE.test(rack.id) && rack.id.length <= 63) labels[ZONE] = rack.id;
    else delete labels[ZONE];
  }
  return { ...node, rackId: rack.id, feeds: feeds.length > 0 ? feeds : [rackFeeds[0]], tors, labels };
}

/**
 * Moves nodes to new slots as one edit. Every destination must lie in a rack, below its switches
 * and clear of the nodes that stay and of the other moved nodes; otherwise the whole edit is
 * refused with the first reason, e.g. "U12-U13 overlaps w-0004 in R2".
 */
export function moveNodes(plan: Plan, args: { moves: readonly NodeMove[] }): ActionResult {
  if (args.moves.length === 0) return refuse('nothing to move');
  const idx = indexPlan(plan);
  const moving = new Set(args.moves.map((m) => m.id));
  const placed = new Map<string, Span[]>();
  const nodes = plan.nodes.slice();
  let changed = 0;
  for (const move of args.moves) {
    const entry = idx.nodes.get(move.id);
    if (!entry) return refuse(`no node "${move.id}"`);
    const rack = idx.racks.get(move.rackId);
    if (!rack) return refuse(`no rack "${move.rackId}"`);
    const hw = idx.hardware.get(entry.node.hardwareId);
    if (!hw) return refuse(`${entry.node.name} names no hardware profile`);
    let spans = placed.get(rack.id);
    if (!spans) placed.set(rack.id, (spans = (idx.spans.get(rack.id) ?? []).filter((s) => !moving.has(s.id))));
    const problem = fitProblem(rack, hw.heightU, move.positionU, spans);
    if (problem) return refuse(`${entry.node.name}: ${problem}`);
    spans.push({ id: entry.node.id, name: entry.node.name, fromU: move.positionU, toU: move.positionU + hw.heightU - 1 });
    if (entry.node.rackId === rack.id && entry.node.positionU === move.positionU) continue;
    changed += 1;
    nodes[entry.index] = { ...fitToRack(entry.node, entry.node.rackId, rack), positionU: move.positionU };
  }
  if (changed === 0) return refuse('the nodes are already there');
  const first = args.moves[0];
  const label =
    args.moves.length === 1
      ? `Move ${idx.nodes.get(first.id)?.node.name} to ${idx.racks.get(first.rackId)?.name} U${first.positionU}`
      : `Move ${args.moves.length} nodes`;
  return done({ ...plan, nodes }, label);
}

/** Moves nodes up (positive) or down by `deltaU` within their racks, as one edit. */
export function shiftNodes(plan: Plan, args: { ids: readonly string[]; deltaU: number }): ActionResult {
  const idx = indexPlan(plan);
  const moves: NodeMove[] = [];
  for (const id of args.ids) {
    const entry = idx.nodes.get(id);
    if (!entry) return refuse(`no node "${id}"`);
    moves.push({ id, rackId: entry.node.rackId, positionU: entry.node.positionU + args.deltaU });
  }
  // Moving up, the top node goes first so the group never collides with itself.
  moves.sort((a, b) => (args.deltaU > 0 ? b.positionU - a.positionU : a.positionU - b.positionU));
  return moveNodes(plan, { moves });
}

/**
 * Moves nodes into another rack, each to the free slot nearest its current U (so a group keeps
 * its layout where there is room). Refused when the rack has no room for one of them.
 */
export function moveNodesToRack(plan: Plan, args: { ids: readonly string[]; rackId: string }): ActionResult {
  const idx = indexPlan(plan);
  const rack = idx.racks.get(args.rackId);
  if (!rack) return refuse(`no rack "${args.rackId}"`);
  const moving = new Set(args.ids);
  const spans = (idx.spans.get(rack.id) ?? []).filter((s) => !moving.has(s.id));
  const moves: NodeMove[] = [];
  const entries = args.ids.map((id) => idx.nodes.get(id));
  if (entries.some((e) => !e)) return refuse(`no node "${args.ids[entries.findIndex((e) => !e)]}"`);
  for (const { node } of (entries as { node: PlanNode }[]).sort((a, b) => a.node.positionU - b.node.positionU)) {
    const heightU = idx.hardware.get(node.hardwareId)?.heightU ?? 1;
    const u = nearestFreeU(rack, heightU, spans, node.positionU);
    if (u === null) return refuse(`${node.name}: no free ${heightU} U slot in ${rack.name}`);
    spans.push({ id: node.id, name: node.name, fromU: u, toU: u + heightU - 1 });
    moves.push({ id: node.id, rackId: rack.id, positionU: u });
  }
  return moveNodes(plan, { moves });
}

/**
 * Adds one node of a hardware profile at a slot. It gets a fresh name for its role (`w-0042`),
 * the rack's feeds and switches, and a zone label naming the rack, like the sample plans.
 * The new node is the last in `plan.nodes`.
 */
export function placeNode(plan: Plan, args: { hardwareId: string; rackId: string; positionU: number; role: Role }): ActionResult {
  const rack = plan.racks.find((r) => r.id === args.rackId);
  if (!rack) return refuse(`no rack "${args.rackId}"`);
  const hw = plan.hardware.find((h) => h.id === args.hardwareId);
  if (!hw) return refuse(`no hardware profile "${args.hardwareId}"`);
  const idx = indexPlan(plan);
  const problem = fitProblem(rack, hw.heightU, args.positionU, idx.spans.get(rack.id) ?? []);
  if (problem) return refuse(problem);
  const name = nameAllocator([...idx.nodes.keys(), ...plan.nodes.map((n) => n.name)])(args.role);
  const node = newNode(name, args.role, hw.id, hw.nics.count, rack, args.positionU);
  const nodes = [...plan.nodes, node];
  const tooMany = args.role === 'controlplane' ? controlPlaneLimitIssue(nodes) : null;
  if (tooMany) return refuse(`${tooMany.path}: ${tooMany.message}`);
  return done({ ...plan, nodes }, `Place ${name} (${hw.name}) in ${rack.name} U${args.positionU}`);
}

function newNode(name: string, role: Role, hardwareId: string, nics: number, rack: Rack, positionU: number): PlanNode {
  const labels: Record<string, string> = {};
  if (LABEL_VALUE.test(rack.id) && rack.id.length <= 63) labels[ZONE] = rack.id;
  // Every way of placing a storage node (palette drop, keyboard, role change) gives it the
  // storage label and taint, through the one helper that keeps them in step with the role.
  return withStorageMarking({
    id: name,
    name,
    role,
    hardwareId,
    rackId: rack.id,
    positionU,
    feeds: rack.feeds.map((f) => f.id),
    tors: rack.tor.count === 2 && nics >= 2 ? ['A', 'B'] : ['A'],
    labels,
    taints: [],
  });
}

/**
 * Copies nodes into the free slot nearest above each original in the same rack, with fresh
 * names. The copies are the last nodes in `plan.nodes`, in the order of `ids`.
 */
export function duplicateNodes(plan: Plan, args: { ids: readonly string[] }): ActionResult {
  if (args.ids.length === 0) return refuse('nothing selected to duplicate');
  const idx = indexPlan(plan);
  const allocate = nameAllocator([...idx.nodes.keys(), ...plan.nodes.map((n) => n.name)]);
  const copies: PlanNode[] = [];
  const added = new Map<string, Span[]>();
  for (const id of args.ids) {
    const entry = idx.nodes.get(id);
    if (!entry) return refuse(`no node "${id}"`);
    const { node } = entry;
    const rack = idx.racks.get(node.rackId);
    const hw = idx.hardware.get(node.hardwareId);
    if (!rack || !hw) return refuse(`${node.name} is not in a rack`);
    let spans = added.get(rack.id);
    if (!spans) added.set(rack.id, (spans = (idx.spans.get(rack.id) ?? []).slice()));
    const u = nearestFreeU(rack, hw.heightU, spans, node.positionU + hw.heightU);
    if (u === null) return refuse(`no free ${hw.heightU} U slot left in ${rack.name} for a copy of ${node.name}`);
    const name = allocate(node.role);
    spans.push({ id: name, name, fromU: u, toU: u + hw.heightU - 1 });
    copies.push({ ...node, id: name, name, positionU: u, labels: { ...node.labels }, taints: node.taints.map((t) => ({ ...t })) });
  }
  const tooMany = copies.some((c) => c.role === 'controlplane') ? controlPlaneLimitIssue([...plan.nodes, ...copies]) : null;
  if (tooMany) return refuse(`${tooMany.path}: ${tooMany.message}`);
  const label = copies.length === 1 ? `Duplicate ${idx.nodes.get(args.ids[0])?.node.name} as ${copies[0].name}` : `Duplicate ${copies.length} nodes`;
  return done({ ...plan, nodes: [...plan.nodes, ...copies] }, label);
}

/** Removes nodes, and the RTT overrides that named them. */
export function deleteNodes(plan: Plan, args: { ids: readonly string[] }): ActionResult {
  const ids = new Set(args.ids);
  const nodes = plan.nodes.filter((n) => !ids.has(n.id));
  const removed = plan.nodes.length - nodes.length;
  if (removed === 0) return refuse('nothing selected to delete');
  const name = removed === 1 ? plan.nodes.find((n) => ids.has(n.id))?.name : `${removed} nodes`;
  const rttOverrides = plan.network.rttOverrides.filter((o) => !ids.has(o.from) && !ids.has(o.to));
  const network = rttOverrides.length === plan.network.rttOverrides.length ? plan.network : { ...plan.network, rttOverrides };
  return done({ ...plan, nodes, network }, `Delete ${name}`);
}

/** Gives nodes a role, as one edit. */
export function setRole(plan: Plan, args: { ids: readonly string[]; role: Role }): ActionResult {
  const ids = new Set(args.ids);
  let changed = 0;
  const nodes = plan.nodes.map((n) => {
    if (!ids.has(n.id) || n.role === args.role) return n;
    changed += 1;
    return withStorageMarking({ ...n, role: args.role });
  });
  if (changed === 0) return refuse(`already ${args.role}`);
  const tooMany = args.role === 'controlplane' ? controlPlaneLimitIssue(nodes) : null;
  if (tooMany) return refuse(`${tooMany.path}: ${tooMany.message}`);
  return done({ ...plan, nodes }, `Make ${changed} node${changed === 1 ? '' : 's'} ${args.role}`);
}

const STORAGE_ROLE_KEY = 'node-role.kubernetes.io/storage';

/**
 * Keeps the storage label and taint in step with the role: the reference architecture labels
 * storage nodes `node-role.kubernetes.io/storage=` and taints them so regular workloads stay off
 * (RA-STORAGE-DEDICATED); a node that leaves the storage role loses both.
 */
function withStorageMarking(node: PlanNode): PlanNode {
  const labels = { ...node.labels };
  const taints = node.taints.filter((t) => t.key !== STORAGE_ROLE_KEY);
  if (node.role === 'storage') {
    labels[STORAGE_ROLE_KEY] = '';
    taints.push({ key: STORAGE_ROLE_KEY, value: '', effect: 'NoSchedule' });
  } else {
    delete labels[STORAGE_ROLE_KEY];
  }
  return { ...node, labels, taints };
}
