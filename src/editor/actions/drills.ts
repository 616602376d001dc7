import { drillSchema, type Drill, type Plan } from '../../plan/schema';
import { done, refuse, type ActionResult } from '../action';
import { checkPart } from '../schemaCheck';

const drillsOf = (plan: Plan): Drill[] => plan.drills ?? [];

/**
 * Saves a drill under its name: a new name appends it, an existing name replaces that drill in
 * place (saving again after a change is the common case, and two drills of one name could not be
 * told apart in the list). One undo step.
 */
export function saveDrill(plan: Plan, args: { drill: Drill }): ActionResult {
  const drills = drillsOf(plan);
  const at = drills.findIndex((d) => d.name === args.drill.name.trim());
  const checked = checkPart(drillSchema, { ...args.drill, name: args.drill.name.trim() }, `drills[${at < 0 ? drills.length : at}]`);
  if ('problem' in checked) return refuse(checked.problem);
  const drill = checked.value;
  if (drill.fail.length === 0 && drill.degrade.length === 0) return refuse('a drill needs at least one failed or degraded component');
  const next = at < 0 ? [...drills, drill] : drills.map((d, i) => (i === at ? drill : d));
  return done({ ...plan, drills: next }, `${at < 0 ? 'Save' : 'Update'} drill ${drill.name}`);
}

/** Renames a saved drill; a name another drill has is refused. */
export function renameDrill(plan: Plan, args: { name: string; to: string }): ActionResult {
  const drills = drillsOf(plan);
  const at = drills.findIndex((d) => d.name === args.name);
  if (at < 0) return refuse(`no saved drill "${args.name}"`);
  const to = args.to.trim();
  if (to === args.name) return refuse('the name is unchanged');
  if (drills.some((d) => d.name === to)) return refuse(`drills[${at}].name: another drill is already called "${to}"`);
  const checked = checkPart(drillSchema, { ...drills[at], name: to }, `drills[${at}]`);
  if ('problem' in checked) return refuse(checked.problem);
  return done({ ...plan, drills: drills.map((d, i) => (i === at ? checked.value : d)) }, `Rename drill ${args.name} to ${to}`);
}

/** Deletes a saved drill; the last one gone leaves no `drills` key, as a plan that never had one. */
export function deleteDrill(plan: Plan, args: { name: string }): ActionResult {
  const drills = drillsOf(plan);
  if (!drills.some((d) => d.name === args.name)) return refuse(`no saved drill "${args.name}"`);
  const rest = drills.filter((d) => d.name !== args.name);
  const { drills: _gone, ...without } = plan;
  return done(rest.length ? { ...plan, drills: rest } : without, `Delete drill ${args.name}`);
}
