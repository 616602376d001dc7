// Times the whole model pipeline (validate + evaluate) per sample plan in Node.
// Run: npm run bench (all benchmarks) or npx tsx test/bench/evaluate.bench.ts
import { readFileSync } from 'node:fs';
import { evaluate } from '../../src/models/evaluate';
import { validatePlan } from '../../src/plan/validate';
import { SAMPLES } from '../../src/plan/samples/samples';
import { measure } from './timing';

console.log('evaluate(plan) per sample, Node, median / p95 of 20 runs');
for (const file of Object.keys(SAMPLES)) {
  const raw = JSON.parse(readFileSync(`public/examples/${file}`, 'utf8'));
  const valid = validatePlan(raw);
  if (!valid.ok) throw new Error(`${file} is invalid`);
  const plan = valid.plan;
  const v = measure(() => validatePlan(raw), 20, 3);
  // A fresh structural copy each run so per-plan caches (topology) do not flatter the figure.
  const copies = Array.from({ length: 23 }, () => structuredClone(plan));
  let next = 0;
  const e = measure(() => evaluate(copies[next++]), 20, 3);
  console.log(`  ${file.padEnd(22)} ${String(plan.nodes.length).padStart(5)} nodes  validate ${v.medianMs.toFixed(1)} / ${v.p95Ms.toFixed(1)} ms  evaluate ${e.medianMs.toFixed(1)} / ${e.p95Ms.toFixed(1)} ms`);
}
