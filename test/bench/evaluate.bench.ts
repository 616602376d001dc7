// Times the model pipeline per sample plan in Node: validate, a cold evaluate, each section
// alone, and the incremental evaluator after one-node edits.
// Run: npm run bench evaluate (or: npx tsx test/bench/evaluate.bench.ts)
import { readFileSync } from 'node:fs';
import { shiftNodes, updateNode } from '../../src/editor/actions/nodes';
import { updateRack } from '../../src/editor/actions/racks';
import { DEFAULT_EVALUATE_OPTIONS, evaluate, reportSections, type ReportSection } from '../../src/models/evaluate';
import { createEvaluator } from '../../src/models/evaluator';
import type { Plan } from '../../src/plan/schema';
import { validatePlan } from '../../src/plan/validate';
import { SAMPLES } from '../../src/plan/samples/samples';
import { figure } from './figures';
import { measure } from './timing';

const f = (n: number) => n.toFixed(1);

/** A one-node edit that the editor accepts: the first node of `role` that can move one U. */
function oneNodeEdit(plan: Plan, role: string): Plan | null {
  for (const node of plan.nodes.filter((n) => n.role === role)) {
    for (const deltaU of [1, -1]) {
      const r = shiftNodes(plan, { ids: [node.id], deltaU });
      if (r.ok) return r.plan;
    }
  }
  return null;
}

console.log(
  'evaluate(plan) per sample, Node: validate median / p95 of 20 runs; evaluate the first run, then median / p95 (min) of 30 cold runs after 10 warm-up runs',
);
for (const file of Object.keys(SAMPLES)) {
  const raw = JSON.parse(readFileSync(`public/examples/${file}`, 'utf8'));
  const valid = validatePlan(raw);
  if (!valid.ok) throw new Error(`${file} is invalid`);
  const plan = valid.plan;
  // Cold: each run evaluates a fresh structural copy no run has seen, so no per-plan cache
  // (topology) or memo keyed by the plan's parts can answer. Each copy is dropped once evaluated:
  // held, every evaluated copy kept its caches alive (2.5 MB each on the 5,000-node plan), a state
  // the app never reaches, and the old generation they filled made the one mark-compact of the
  // series cost 45-60 ms instead of 11-22 ms. The first run also meets code V8 has not yet
  // optimised for a plan of this size (the 5,000-node plan's first runs took 419, 221, 101, 76,
  // 86, 57 and 96 ms against about 50 once compiled, on a shared machine): it is reported on its
  // own as `firstMs`, and the cold figures are 30 runs after 10 more warm-up runs, the state of a
  // worker that has evaluated a few edits.
  const warmup = 10,
    runs = 30;
  const copies: Array<Plan | undefined> = Array.from({ length: 1 + warmup + runs }, () => structuredClone(plan));
  let next = 0;
  const take = (list: Array<Plan | undefined>, i: number): Plan => {
    const copy = list[i]!;
    list[i] = undefined;
    return copy;
  };
  const first = measure(() => evaluate(take(copies, next++)), 1, 0);
  const e = measure(() => evaluate(take(copies, next++)), runs, warmup);
  // Validation after the cold runs, so its garbage (and a marking cycle it starts) lands on itself.
  const v = measure(() => validatePlan(raw), 20, 3);
  figure(`evaluate.${file}.validateMs`, v.medianMs);
  figure(`evaluate.${file}.firstMs`, first.medianMs);
  figure(`evaluate.${file}.coldMs`, e.medianMs);
  figure(`evaluate.${file}.coldP95Ms`, e.p95Ms);
  figure(`evaluate.${file}.coldMinMs`, e.minMs);
  console.log(
    `  ${file.padEnd(22)} ${String(plan.nodes.length).padStart(5)} nodes  validate ${f(v.medianMs)} / ${f(v.p95Ms)} ms  evaluate first ${f(first.medianMs)} ms, then ${f(e.medianMs)} / ${f(e.p95Ms)} (${f(e.minMs)}) ms`,
  );
  const names = Object.keys(reportSections(plan)) as ReportSection[];
  const sections = names.map((name) => {
    const fresh: Array<Plan | undefined> = Array.from({ length: 23 }, () => structuredClone(plan));
    let i = 0;
    const t = measure(() => reportSections(take(fresh, i++), DEFAULT_EVALUATE_OPTIONS)[name](), 20, 3);
    figure(`evaluate.${file}.section.${name}Ms`, t.medianMs);
    return `${name} ${f(t.medianMs)}`;
  });
  console.log(`  ${''.padEnd(22)} sections, median ms: ${sections.join('  ')}`);

  // The incremental path: an evaluator that saw the plan, then the plan after one edit. Each run
  // alternates between the two plans, so every run recomputes what the edit touched.
  const edits: Array<[string, Plan | null]> = [
    ['afterWorkerEditMs', oneNodeEdit(plan, 'worker')],
    ['afterStorageEditMs', oneNodeEdit(plan, 'storage')],
    ['afterControlPlaneEditMs', oneNodeEdit(plan, 'controlplane')],
    ['afterNodeRenameMs', plan.nodes.length ? ((r) => (r.ok ? r.plan : null))(updateNode(plan, { id: plan.nodes[0].id, patch: { name: 'renamed' } })) : null],
    ['afterRackRenameMs', plan.racks.length ? ((r) => (r.ok ? r.plan : null))(updateRack(plan, { id: plan.racks[0].id, patch: { name: 'renamed' } })) : null],
  ];
  const parts: string[] = [];
  for (const [label, edited] of edits) {
    if (!edited) continue;
    const evaluator = createEvaluator();
    evaluator.evaluate(plan);
    let runs = 0;
    const t = measure(() => evaluator.evaluate(runs++ % 2 === 0 ? edited : plan), 20, 2);
    figure(`evaluate.${file}.${label}`, t.medianMs);
    figure(`evaluate.${file}.${label.replace(/Ms$/, 'MinMs')}`, t.minMs);
    parts.push(`${label.replace(/^after|Ms$/g, '')} ${f(t.medianMs)} (${f(t.minMs)})`);
  }
  console.log(`  ${''.padEnd(22)} incremental after one edit, median (min) ms: ${parts.join('  ')}`);
}
