import { DEFAULTS } from './defaults';
import { CURRENT_VERSION } from './migrate';
import { nodeSchema, planSchema, type Plan, type PlanNode } from './schema';
import { crossCheck, protoKeyPath, validatePlan, type ValidationResult } from './validate';
import { crossCheckIndex, passesCrossCheckAfter, type CrossCheckIndex } from './crossCheckIndex';

type Doc = Record<string, unknown>;
const FIELDS = Object.keys(planSchema.shape) as (keyof typeof planSchema.shape)[];

/**
 * A `validatePlan` that remembers the last document it checked and re-parses only what changed.
 * A document built from the previous one by `applyPlanDelta` shares its unchanged fields and
 * nodes by identity, so those keep their validated form from last time (and that form keeps its
 * identity too, which the evaluator's section memo relies on). Changed fields and nodes are
 * parsed with their own schemas, which is what the plan schema does field by field (it has no
 * refinement across fields). The checks across collections (`crossCheck`) re-check only the
 * changed nodes when nothing but a few nodes changed since a plan that passed them (see
 * `passesCrossCheckAfter`), and run in full otherwise or when that finds anything.
 * Anything out of the ordinary (another format version, an unknown field, an invalid part) falls
 * back to `validatePlan`, so issues and their field paths are exactly the cold ones.
 * Moving one node of 5,000 costs one node's parse and its checks against its rack, not 5,000 of each.
 */
export function createPlanValidator(): (input: unknown) => ValidationResult {
  let last: { input: Doc; plan: Plan | null; result: ValidationResult } | null = null;
  const validNodes = new WeakMap<object, PlanNode>();
  // Of the last plan that passed the cross checks; built when the first edit after it needs it.
  let index: CrossCheckIndex | null = null;
  const indexOf = (plan: Plan) => (index?.plan === plan ? index : (index = crossCheckIndex(plan)));

  const remember = (input: unknown, result: ValidationResult): ValidationResult => {
    if (isDoc(input)) {
      last = { input, plan: result.ok ? result.plan : null, result };
      if (result.ok && Array.isArray(input.nodes)) input.nodes.forEach((n, i) => isObject(n) && validNodes.set(n, result.plan.nodes[i]));
    } else last = null;
    return result;
  };

  return (input) => {
    if (last && input === last.input) return last.result;
    const quick = last?.plan && isDoc(input) ? incremental(last.input, last.plan, input, validNodes, indexOf) : null;
    return remember(input, quick ?? validatePlan(input));
  };
}

/** The validation of `input` reusing `prevPlan`'s parts where `input` shares `prevInput`'s; null when only a cold validation can say. */
function incremental(
  prevInput: Doc,
  prevPlan: Plan,
  input: Doc,
  validNodes: WeakMap<object, PlanNode>,
  indexOf: (plan: Plan) => CrossCheckIndex,
): ValidationResult | null {
  if (input.version !== CURRENT_VERSION) return null;
  for (const key of Object.keys(input)) if (!(key in planSchema.shape)) return null;
  const out: Doc = {};
  const prev = prevPlan as unknown as Doc;
  for (const key of FIELDS) {
    const value = input[key];
    if (value === prevInput[key] && key in input === key in prevInput) {
      if (key in prev) out[key] = prev[key];
      continue;
    }
    if (key === 'nodes' && Array.isArray(value)) {
      if (value.length > DEFAULTS.limits.maxNodes) return null;
      const nodes: PlanNode[] = [];
      for (const node of value) {
        let valid = isObject(node) ? validNodes.get(node) : undefined;
        if (!valid) {
          if (protoKeyPath(node, '') !== null) return null;
          const parsed = nodeSchema.safeParse(node);
          if (!parsed.success) return null;
          valid = parsed.data;
          if (isObject(node)) validNodes.set(node, valid);
        }
        nodes.push(valid);
      }
      out.nodes = nodes;
      continue;
    }
    if (protoKeyPath(value, '') !== null) return null;
    const parsed = planSchema.shape[key].safeParse(value);
    if (!parsed.success) return null;
    if (parsed.data !== undefined || key in input) out[key] = parsed.data;
  }
  const plan = out as unknown as Plan;
  const changed = changedNodes(prev, out);
  if (changed && passesCrossCheckAfter(indexOf(prevPlan), plan, changed)) return { ok: true, plan, issues: [] };
  const issues = crossCheck(plan);
  return issues.length === 0 ? { ok: true, plan, issues: [] } : { ok: false, issues };
}

/** Cheaper to check one by one than the whole plan. */
const CHANGED_NODES_CHECKED = 64;

/** The indices of the nodes that differ between two validated plans alike in every other field but the name, or null. */
function changedNodes(prev: Doc, next: Doc): number[] | null {
  for (const key of FIELDS) if (key !== 'nodes' && key !== 'name' && prev[key] !== next[key]) return null;
  const [before, after] = [prev.nodes as PlanNode[], next.nodes as PlanNode[]];
  if (before.length !== after.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < after.length; i++) {
    if (before[i] === after[i]) continue;
    if (changed.push(i) > CHANGED_NODES_CHECKED) return null;
  }
  return changed;
}

const isObject = (x: unknown): x is object => typeof x === 'object' && x !== null;
const isDoc = (x: unknown): x is Doc => isObject(x) && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
