import { DEFAULTS } from './defaults';
import { CURRENT_VERSION } from './migrate';
import { nodeSchema, planSchema, type Plan, type PlanNode } from './schema';
import { crossCheck, protoKeyPath, validatePlan, type ValidationResult } from './validate';

type Doc = Record<string, unknown>;
const FIELDS = Object.keys(planSchema.shape) as (keyof typeof planSchema.shape)[];

/**
 * A `validatePlan` that remembers the last document it checked and re-parses only what changed.
 * A document built from the previous one by `applyPlanDelta` shares its unchanged fields and
 * nodes by identity, so those keep their validated form from last time (and that form keeps its
 * identity too, which the evaluator's section memo relies on). Changed fields and nodes are
 * parsed with their own schemas, which is what the plan schema does field by field (it has no
 * refinement across fields); the checks across collections (`crossCheck`) always run in full.
 * Anything out of the ordinary (another format version, an unknown field, an invalid part) falls
 * back to `validatePlan`, so issues and their field paths are exactly the cold ones.
 * Moving one node of 5,000 costs one node's parse and the cross checks instead of 5,000 parses.
 */
export function createPlanValidator(): (input: unknown) => ValidationResult {
  let last: { input: Doc; plan: Plan | null; result: ValidationResult } | null = null;
  const validNodes = new WeakMap<object, PlanNode>();

  const remember = (input: unknown, result: ValidationResult): ValidationResult => {
    if (isDoc(input)) {
      last = { input, plan: result.ok ? result.plan : null, result };
      if (result.ok && Array.isArray(input.nodes)) input.nodes.forEach((n, i) => isObject(n) && validNodes.set(n, result.plan.nodes[i]));
    } else last = null;
    return result;
  };

  return (input) => {
    if (last && input === last.input) return last.result;
    const quick = last?.plan && isDoc(input) ? incremental(last.input, last.plan, input, validNodes) : null;
    return remember(input, quick ?? validatePlan(input));
  };
}

/** The validation of `input` reusing `prevPlan`'s parts where `input` shares `prevInput`'s; null when only a cold validation can say. */
function incremental(prevInput: Doc, prevPlan: Plan, input: Doc, validNodes: WeakMap<object, PlanNode>): ValidationResult | null {
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
  const issues = crossCheck(plan);
  return issues.length === 0 ? { ok: true, plan, issues: [] } : { ok: false, issues };
}

const isObject = (x: unknown): x is object => typeof x === 'object' && x !== null;
const isDoc = (x: unknown): x is Doc => isObject(x) && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
