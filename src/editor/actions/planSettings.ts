import type { Plan } from '../../plan/schema';
import { done, refuse, type ActionResult } from '../action';

/** Renames the plan (its display name; the Kubernetes cluster name is `cluster.name`). */
export function renamePlan(plan: Plan, args: { name: string }): ActionResult {
  const name = args.name.trim();
  if (name.length === 0) return refuse('name: a plan needs a name');
  if (name.length > 120) return refuse(`name: at most 120 characters, got ${name.length}`);
  if (name === plan.name) return refuse('name: unchanged');
  return done({ ...plan, name }, `Rename plan to "${name}"`);
}
