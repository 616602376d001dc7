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

export function indexPlan(plan: Plan): PlanIndex {
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
    list.push({ id: node.id, name: node.name, fromU: node.positionU, toU: node.positionU + hw.heightU - 1 });
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
