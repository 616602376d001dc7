import type { Hardware, Plan, Rack } from './schema';
import { checkNodeFits, controlPlaneLimitIssue } from './validate';
import type { PlanIssue } from './issues';

/**
 * What `crossCheck` compares across the nodes of a plan it passed: how many items hold each id
 * (across sites, rooms, rows, racks, hardware and nodes), how many nodes hold each name, and
 * which nodes stand in each rack. Kept beside that plan so that an edit of a few nodes re-checks
 * only those nodes against it instead of all 5,000.
 */
export interface CrossCheckIndex {
  plan: Plan;
  ids: Map<string, number>;
  names: Map<string, number>;
  rackNodes: Map<string, Set<number>>;
  racks: Map<string, Rack>;
  hardware: Map<string, Hardware>;
}

const bump = (counts: Map<string, number>, key: string, by: number) => {
  const n = (counts.get(key) ?? 0) + by;
  if (n === 0) counts.delete(key);
  else counts.set(key, n);
};

/** The index of a plan that `crossCheck` passed (one pass over its items). */
export function crossCheckIndex(plan: Plan): CrossCheckIndex {
  const ids = new Map<string, number>();
  for (const field of ['sites', 'rooms', 'rows', 'racks', 'hardware', 'nodes'] as const) for (const item of plan[field]) bump(ids, item.id, 1);
  const names = new Map<string, number>();
  const rackNodes = new Map<string, Set<number>>();
  plan.nodes.forEach((node, i) => {
    bump(names, node.name, 1);
    const members = rackNodes.get(node.rackId) ?? new Set<number>();
    members.add(i);
    rackNodes.set(node.rackId, members);
  });
  return {
    plan,
    ids,
    names,
    rackNodes,
    racks: new Map(plan.racks.map((r) => [r.id, r])),
    hardware: new Map(plan.hardware.map((h) => [h.id, h])),
  };
}

/**
 * Whether `plan` passes `crossCheck`, where `plan` is `index.plan` with only the nodes at
 * `changed` replaced (same node count; every other field the same object). On true the index
 * now describes `plan`; on false nothing changed and the caller runs `crossCheck` for the issues
 * (false also stands for "cannot tell cheaply": a changed id while rttOverrides name ids).
 *
 * Why this equals `crossCheck(plan)` having no issues: the racks, rows, rooms, sites, hardware
 * and settings checks read nothing that changed, and passed; every node check is either about
 * one node (its rack, hardware, fit) or about a pair (same id, same name, overlapping U range),
 * and a pair of unchanged nodes passed before. So it suffices to check each changed node alone
 * and against every node now in its rack, its id and name against the counts, and the count of
 * control planes when a role changed.
 */
export function passesCrossCheckAfter(index: CrossCheckIndex, plan: Plan, changed: readonly number[]): boolean {
  const before = index.plan.nodes;
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  let roleChanged = false;
  for (const i of changed) {
    const [old, now] = [before[i], plan.nodes[i]];
    if (old.id !== now.id && plan.network.rttOverrides.length > 0) return false;
    bump(ids, old.id, -1);
    bump(ids, now.id, 1);
    bump(names, old.name, -1);
    bump(names, now.name, 1);
    roleChanged ||= old.role !== now.role;
  }
  const issues: PlanIssue[] = [];
  for (const i of changed) {
    const node = plan.nodes[i];
    if ((index.ids.get(node.id) ?? 0) + (ids.get(node.id) ?? 0) !== 1) return false;
    if ((index.names.get(node.name) ?? 0) + (names.get(node.name) ?? 0) !== 1) return false;
    const rack = index.racks.get(node.rackId);
    const hw = index.hardware.get(node.hardwareId);
    if (!rack || !hw) return false;
    checkNodeFits(node, i, rack, hw, issues);
    if (issues.length > 0) return false;
    const [from, to] = [node.positionU, node.positionU + hw.heightU - 1];
    for (const j of [...(index.rackNodes.get(rack.id) ?? []), ...changed]) {
      const other = plan.nodes[j];
      if (j === i || other.rackId !== rack.id) continue;
      const otherHw = index.hardware.get(other.hardwareId);
      if (!otherHw) return false;
      if (from <= other.positionU + otherHw.heightU - 1 && other.positionU <= to) return false;
    }
  }
  if (roleChanged && controlPlaneLimitIssue(plan.nodes)) return false;
  for (const [key, by] of ids) bump(index.ids, key, by);
  for (const [key, by] of names) bump(index.names, key, by);
  for (const i of changed) {
    const [old, now] = [before[i], plan.nodes[i]];
    if (old.rackId === now.rackId) continue;
    index.rackNodes.get(old.rackId)?.delete(i);
    const members = index.rackNodes.get(now.rackId) ?? new Set<number>();
    members.add(i);
    index.rackNodes.set(now.rackId, members);
  }
  index.plan = plan;
  return true;
}
