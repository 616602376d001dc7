// Times the whole model pipeline (validate + evaluate) per sample plan in Node.
// Run: npm run bench (all benchmarks) or npx tsx test/bench/evaluate.bench.ts
import { readFileSync } from 'node:fs';
import { DEFAULT_EVALUATE_OPTIONS, evaluate } from '../../src/models/evaluate';
import { controlPlaneReport } from '../../src/models/controlPlane/controlPlaneReport';
import { networkReport } from '../../src/models/network/networkReport';
import { physicalCapacity } from '../../src/models/physical/physicalCapacity';
import { storageReport } from '../../src/models/storage/storageReport';
import type { Plan } from '../../src/plan/schema';
import { validatePlan } from '../../src/plan/validate';
import { SAMPLES } from '../../src/plan/samples/samples';
import { measure } from './timing';

const { seed, samples } = DEFAULT_EVALUATE_OPTIONS;
/** The sections `evaluate` composes, each timed alone (so each pays for the topology it builds). */
const SECTIONS: Array<[string, (plan: Plan) => unknown]> = [
  ['physical', (plan) => physicalCapacity(plan)],
  ['network', (plan) => networkReport(plan)],
  ['controlPlane', (plan) => controlPlaneReport(plan, { seed, samples })],
  ['storage', (plan) => storageReport(plan, { seed })],
];

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
  const sections = SECTIONS.map(([name, section]) => {
    const fresh = Array.from({ length: 23 }, () => structuredClone(plan));
    let i = 0;
    const t = measure(() => section(fresh[i++]), 20, 3);
    return `${name} ${t.medianMs.toFixed(1)}`;
  });
  console.log(`  ${''.padEnd(22)} sections, median ms: ${sections.join('  ')}`);
}
