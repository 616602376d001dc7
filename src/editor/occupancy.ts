import type { Hardware, Plan, PlanNode, Rack } from '../plan/schema';
import { topFreeU } from '../plan/validate';

/** The U range one node takes in its rack, inclusive: `[fromU, toU]`. */
export interface Span {
  id: string;
  name: string;
  fromU: number;
  toU: number;
}

/** Looks up racks, hardware and nodes by id once per edit, so an edit on 5,000 nodes stays linear. */
export interface PlanIndex {
  racks: Map<string, Rack>;
  hardware: Map<string, Hardware>;
  nodes: Map<string, { node: PlanNode; index: number }>;
  /** Every node's span, by rack id, in plan order. */
  spans: Map<string, Span[]>;
}

/** Indexes already built, by plan: an action and the action it delegates to (shift, then move) index the same plan. */
const built = new WeakMap<Plan, PlanIndex>();
let last: { plan: Plan; index: PlanIndex } | null = null;

/** Most changed nodes for which patching the last index beats building a new one. */
const PATCHED_NODES = 16;

/**
 * The plan's index. Plans are immutable, so an index is kept per plan; and a plan that differs
 * from the last one indexed in a few nodes only (each edit of the open plan) gets a copy of that
 * index with only those nodes' entries and their racks' spans redone: building it anew cost the
 * main thread milliseconds per edit of a 5,000-node plan. The result is what building would give.
 * Callers must not change what it returns.
 */
export function indexPlan(plan: Plan): PlanIndex {
  const index = built.get(plan) ?? (last && patchedIndex(last.plan, last.index, plan)) ?? buildIndex(plan);
  built.set(plan, index);
  last = { plan, index };
  return index;
}

/**
 * `prevIndex` (of `prev`) redone for `plan`, or null unless `plan` differs from `prev` only in a
 * few nodes that each keep their id, rack and hardware (a shift, a rename, a role: the common edits).
 */
function patchedIndex(prev: Plan, prevIndex: PlanIndex, plan: Plan): PlanIndex | null {
  if (plan.racks !== prev.racks || plan.hardware !== prev.hardware || plan.nodes.length !== prev.nodes.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < plan.nodes.length; i++) {
    if (plan.nodes[i] !== prev.nodes[i] && changed.push(i) > PATCHED_NODES) return null;
  }
  const nodes = new Map(prevIndex.nodes);
  const spans = new Map(prevIndex.spans);
  const ids = new Set<string>();
  const racks = new Set<string>();
  for (const i of changed) {
    const [before, after] = [prev.nodes[i], plan.nodes[i]];
    // A node that changes id, rack or hardware can change which keys the maps hold, and their
    // order; building is simpler than keeping that order.
    if (before.id !== after.id || before.rackId !== after.rackId || before.hardwareId !== after.hardwareId) return null;
    ids.add(after.id);
    if (prevIndex.hardware.has(after.hardwareId)) racks.add(after.rackId);
  }
  // As building does: an id names its last node (ids may repeat in a plan being edited).
  for (const id of ids) {
    let j = plan.nodes.length - 1;
    while (plan.nodes[j].id !== id) j--;
    nodes.set(id, { node: plan.nodes[j], index: j });
  }
  for (const rackId of racks) {
    const list: Span[] = [];
    for (const node of plan.nodes) {
      if (node.rackId !== rackId) continue;
      const hw = prevIndex.hardware.get(node.hardwareId);
      if (hw) list.push(span(node, hw));
    }
    spans.set(rackId, list);
  }
  return { racks: prevIndex.racks, hardware: prevIndex.hardware, nodes, spans };
}

const span = (node: PlanNode, hw: Hardware): Span => ({ id: node.id, name: node.name, fromU: node.positionU, toU: node.positionU + hw.heightU - 1 });

function buildIndex(plan: Plan): PlanIndex {
  const racks = new Map(plan.racks.map((r) => [r.id, r]));
  const hardware = new Map(plan.hardware.map((h) => [h.id, h]));
  const nodes = new Map<string, { node: PlanNode; index: number }>();
  const spans = new Map<string, Span[]>();
  plan.nodes.forEach((node, index) => {
    nodes.set(node.id, { node, index });
    const hw = hardware.get(node.hardwareId);
    if (!hw) return;
    let list = spans.get(node.rackId);
    if (!list) spans.set(node.rackId, (list = []));
    list.push(span(node, hw));
  });
  return { racks, hardware, nodes, spans };
}

/**
 * Why a `heightU` tall node cannot sit at `positionU` in `rack`, given the spans already there,
 * or null when it fits. Reasons name the U range and the node or switch in the way, as the user
 * sees them: "U12-U13 overlaps w-0004 in R2".
 */
export function fitProblem(rack: Rack, heightU: number, positionU: number, spans: readonly Span[]): string | null {
  const toU = positionU + heightU - 1;
  const range = heightU === 1 ? `U${positionU}` : `U${positionU}-U${toU}`;
  if (!Number.isInteger(positionU) || positionU < 1) return `${range} is below U1 of ${rack.name}`;
  const top = topFreeU(rack);
  if (toU > top) {
    return top < rack.heightU
      ? `${range} runs into the switches of ${rack.name} (U${top + 1}-U${rack.heightU}); its top free U is U${top}`
      : `${range} runs over the top of ${rack.name} (${rack.heightU} U)`;
  }
  const hit = spans.find((s) => positionU <= s.toU && s.fromU <= toU);
  return hit ? `${range} overlaps ${hit.name} in ${rack.name}` : null;
}

/** The free slot for a `heightU` node nearest to `nearU` (ties go up), or null if the rack is full. */
export function nearestFreeU(rack: Rack, heightU: number, spans: readonly Span[], nearU = 1): number | null {
  const top = topFreeU(rack) - heightU + 1;
  for (let d = 0; d <= rack.heightU; d++) {
    for (const u of d === 0 ? [nearU] : [nearU + d, nearU - d]) {
      if (u >= 1 && u <= top && fitProblem(rack, heightU, u, spans) === null) return u;
    }
  }
  return null;
}
