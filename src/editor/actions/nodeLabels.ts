import { labelKeySchema, labelValueSchema, nodeSchema, taintEffectSchema, type Plan, type PlanNode, type Taint } from '../../plan/schema';
import { done, refuse, type ActionResult } from '../action';
import { checkPart } from '../schemaCheck';

/*
 * Label and taint edits of nodes. Each checks the key, value and effect against the same schema
 * parts a file is validated with, so the inspector refuses exactly what an import would, and
 * words the refusal after the field the user typed in ("label key: must be …").
 *
 * Labels are plain objects whose keys come from users. Keys are only ever tested with
 * Object.hasOwn and written into fresh objects after the schema accepted them, so a key like
 * "constructor" is data, never an inherited property, and "__proto__" is refused by the pattern.
 */

/** The nodes named by `ids`, with their index in `plan.nodes`; a missing id is a refusal. */
function nodesByIds(plan: Plan, ids: readonly string[]): { index: number; node: PlanNode }[] | string {
  const wanted = new Set(ids);
  const found = plan.nodes.flatMap((node, index) => (wanted.has(node.id) ? [{ index, node }] : []));
  if (found.length === 0) return ids.length === 0 ? 'no node selected' : `no node "${ids[0]}"`;
  if (found.length < wanted.size) return `no node "${ids.find((id) => !found.some((f) => f.node.id === id))}"`;
  return found;
}

/** Puts changed nodes into a copy of the plan after checking each against the node schema. */
function withNodes(plan: Plan, changed: readonly { index: number; node: PlanNode }[]): Plan | string {
  const nodes = plan.nodes.slice();
  for (const { index, node } of changed) {
    const checked = checkPart(nodeSchema, node, `nodes[${index}]`);
    if ('problem' in checked) return checked.problem;
    nodes[index] = node;
  }
  return { ...plan, nodes };
}

const shown = (key: string, value: string) => (value ? `${key}=${value}` : key);
const whom = (changed: readonly { node: PlanNode }[]) => (changed.length === 1 ? changed[0].node.name : `${changed.length} nodes`);

/**
 * Sets the label `key=value` on every node of `ids`, as one edit. With `replaces` (one node), the
 * label of that key is renamed to `key` in place. Refused with the field and its valid form when
 * the key or value is not Kubernetes syntax, or when the rename would overwrite another label.
 */
export function setNodeLabel(plan: Plan, args: { ids: readonly string[]; key: string; value: string; replaces?: string }): ActionResult {
  const key = checkPart(labelKeySchema, args.key, 'label key');
  if ('problem' in key) return refuse(key.problem);
  const value = checkPart(labelValueSchema, args.value, 'label value');
  if ('problem' in value) return refuse(value.problem);
  const found = nodesByIds(plan, args.ids);
  if (typeof found === 'string') return refuse(found);
  const renaming = args.replaces !== undefined && args.replaces !== args.key;
  const changed: { index: number; node: PlanNode }[] = [];
  for (const { index, node } of found) {
    if (args.replaces !== undefined && !Object.hasOwn(node.labels, args.replaces)) return refuse(`${node.name} has no label "${args.replaces}"`);
    if (renaming && Object.hasOwn(node.labels, args.key)) return refuse(`label key: ${node.name} already has a label "${args.key}"; edit that one instead`);
    if (!renaming && Object.hasOwn(node.labels, args.key) && node.labels[args.key] === args.value) continue;
    // Rebuilding from entries keeps a renamed label in its place in the list.
    const entries = Object.entries(node.labels).map(([k, v]): [string, string] => (k === args.key || k === args.replaces ? [args.key, args.value] : [k, v]));
    if (!entries.some(([k]) => k === args.key)) entries.push([args.key, args.value]);
    const labels = Object.fromEntries(entries);
    changed.push({ index, node: { ...node, labels } });
  }
  if (changed.length === 0)
    return refuse(`${shown(args.key, args.value)} is already set on ${found.length === 1 ? found[0].node.name : `all ${found.length} nodes`}`);
  const next = withNodes(plan, changed);
  if (typeof next === 'string') return refuse(next);
  const verb = renaming ? `Rename label ${args.replaces} to ${args.key} of` : `Label`;
  return done(next, `${verb} ${whom(changed)} ${renaming ? '' : shown(args.key, args.value)}`.trimEnd());
}

/** Removes the label `key` from every node of `ids` that has it, as one edit. */
export function removeNodeLabel(plan: Plan, args: { ids: readonly string[]; key: string }): ActionResult {
  const found = nodesByIds(plan, args.ids);
  if (typeof found === 'string') return refuse(found);
  const changed = found
    .filter(({ node }) => Object.hasOwn(node.labels, args.key))
    .map(({ index, node }) => ({
      index,
      node: { ...node, labels: Object.fromEntries(Object.entries(node.labels).filter(([k]) => k !== args.key)) },
    }));
  if (changed.length === 0) return refuse(`no selected node has a label "${args.key}"`);
  const nodes = plan.nodes.slice();
  for (const { index, node } of changed) nodes[index] = node;
  return done({ ...plan, nodes }, `Remove label ${args.key} from ${whom(changed)}`);
}

/**
 * Adds a taint to a node, or with `index` replaces its taint there, as one edit. Refused with the
 * field and its valid form for a bad key, value or effect, and when another of its taints has the
 * same key and effect (the API server allows one per pair).
 */
export function setNodeTaint(plan: Plan, args: { id: string; taint: Taint; index?: number }): ActionResult {
  const key = checkPart(labelKeySchema, args.taint.key, 'taint key');
  if ('problem' in key) return refuse(key.problem);
  const value = checkPart(labelValueSchema, args.taint.value, 'taint value');
  if ('problem' in value) return refuse(value.problem);
  const effect = checkPart(taintEffectSchema, args.taint.effect, 'taint effect');
  if ('problem' in effect) return refuse(effect.problem);
  const found = nodesByIds(plan, [args.id]);
  if (typeof found === 'string') return refuse(found);
  const { index, node } = found[0];
  if (args.index !== undefined && !(args.index >= 0 && args.index < node.taints.length)) return refuse(`${node.name} has no taint ${args.index + 1}`);
  const taint: Taint = { key: args.taint.key, value: args.taint.value, effect: args.taint.effect };
  const twin = node.taints.findIndex((t, i) => i !== args.index && t.key === taint.key && t.effect === taint.effect);
  if (twin >= 0) return refuse(`taint key: ${node.name} already has a ${taint.effect} taint "${taint.key}"; Kubernetes allows one taint per key and effect`);
  const old = args.index === undefined ? undefined : node.taints[args.index];
  if (old && old.key === taint.key && old.value === taint.value && old.effect === taint.effect) return refuse('the taint is unchanged');
  const taints = old ? node.taints.map((t, i) => (i === args.index ? taint : t)) : [...node.taints, taint];
  const next = withNodes(plan, [{ index, node: { ...node, taints } }]);
  if (typeof next === 'string') return refuse(next);
  return done(next, `${old ? 'Change' : 'Add'} taint ${shown(taint.key, taint.value)}:${taint.effect} ${old ? 'of' : 'to'} ${node.name}`);
}

/** Removes the taint at `index` from a node, as one edit. */
export function removeNodeTaint(plan: Plan, args: { id: string; index: number }): ActionResult {
  const found = nodesByIds(plan, [args.id]);
  if (typeof found === 'string') return refuse(found);
  const { index, node } = found[0];
  const taint = node.taints[args.index];
  if (!taint) return refuse(`${node.name} has no taint ${args.index + 1}`);
  const nodes = plan.nodes.slice();
  nodes[index] = { ...node, taints: node.taints.filter((_, i) => i !== args.index) };
  return done({ ...plan, nodes }, `Remove taint ${shown(taint.key, taint.value)}:${taint.effect} from ${node.name}`);
}
