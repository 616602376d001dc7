import type { Plan, Rack } from '../plan/schema';
import { moveNodes, placeNode, type NodeMove } from './actions/nodes';
import { roleForHardware } from './naming';
import { indexPlan, nearestFreeU } from './occupancy';

/**
 * Where dragged nodes land when the anchor node's lowest U is put at `positionU` of `rackId`:
 * every node keeps its U offset from the anchor. The problem is the reason the drop would be
 * refused (the same reason `moveNodes` gives), or null.
 */
export function planNodeDrop(
  plan: Plan,
  args: { ids: readonly string[]; anchorId: string; rackId: string; positionU: number },
): { moves: NodeMove[]; problem: string | null } {
  const wanted = new Set([...args.ids, args.anchorId]);
  const byId = new Map(plan.nodes.filter((n) => wanted.has(n.id)).map((n) => [n.id, n]));
  const anchor = byId.get(args.anchorId);
  if (!anchor) return { moves: [], problem: `no node "${args.anchorId}"` };
  const moves = args.ids.flatMap((id) => {
    const node = byId.get(id);
    return node ? [{ id, rackId: args.rackId, positionU: node.positionU - anchor.positionU + args.positionU }] : [];
  });
  const unchanged = moves.every((m) => byId.get(m.id)?.rackId === m.rackId && byId.get(m.id)?.positionU === m.positionU);
  if (unchanged) return { moves, problem: null };
  // Upward moves in one rack are checked top first, so a group never collides with itself.
  moves.sort((a, b) => b.positionU - a.positionU);
  const result = moveNodes(plan, { moves });
  return { moves, problem: result.ok ? null : result.reason };
}

/** Whether a drop changes nothing (the nodes are dropped where they were). */
export function isNoopDrop(plan: Plan, moves: readonly NodeMove[]): boolean {
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  return moves.every((m) => byId.get(m.id)?.rackId === m.rackId && byId.get(m.id)?.positionU === m.positionU);
}

/** Why a new node of a profile cannot go at a slot, or null. */
export function placeProblem(plan: Plan, args: { hardwareId: string; rackId: string; positionU: number }): string | null {
  const hw = plan.hardware.find((h) => h.id === args.hardwareId);
  if (!hw) return `no hardware profile "${args.hardwareId}"`;
  const result = placeNode(plan, { ...args, role: roleForHardware(hw) });
  return result.ok ? null : result.reason;
}

/** The lowest free slot for a profile in a rack, or null when it is full. */
export function firstFreeSlot(plan: Plan, rack: Rack, hardwareId: string): number | null {
  const hw = plan.hardware.find((h) => h.id === hardwareId);
  if (!hw) return null;
  return nearestFreeU(rack, hw.heightU, indexPlan(plan).spans.get(rack.id) ?? [], 1);
}

export { rackOrder } from './drawingOrder';
