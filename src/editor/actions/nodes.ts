import type { PlanNode, Plan } from '../../plan/schema';
import { checkNodeInPlan } from '../../plan/validate';
import { done, refuse, type ActionResult } from '../action';

/**
 * Changes fields of one node (role, name, hardware, labels…). The result must stay a valid plan;
 * otherwise the edit is refused with the first problem, named by its field.
 */
export function updateNode(plan: Plan, args: { id: string; patch: Partial<Omit<PlanNode, 'id'>> }): ActionResult {
  const index = plan.nodes.findIndex((n) => n.id === args.id);
  if (index < 0) return refuse(`no node "${args.id}"`);
  const before = plan.nodes[index];
  const node = { ...before, ...args.patch };
  const nodes = plan.nodes.slice();
  nodes[index] = node;
  const next = { ...plan, nodes };
  const issues = checkNodeInPlan(next, index);
  if (issues.length > 0) return refuse(`${issues[0].path}: ${issues[0].message}`);
  const what = Object.keys(args.patch).join(', ');
  return done(next, `Change ${what} of ${before.name}`);
}
