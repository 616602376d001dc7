// Times reading a 12 MB plan file, YAML and JSON, through the same readPlan the app's file import
// runs in its worker (issue #12: "a 12 MB plan reads in a few seconds"). The plan is the 5,000-node
// sample with topology and inventory labels on every node until the YAML text reaches 12 MB.
// Run: npm run bench planRead, or npx tsx test/bench/planRead.bench.ts
import { readPlan, writePlan } from '../../src/plan/io';
import { SAMPLES } from '../../src/plan/samples/samples';
import { figure } from './figures';
import { measure } from './timing';

const TARGET_BYTES = 12 * 1024 * 1024;
const plan = SAMPLES['hyperscale-5000.json']();
let round = 0;
while (Buffer.byteLength(writePlan(plan, 'yaml')) < TARGET_BYTES) {
  round += 1;
  for (const node of plan.nodes) {
    node.labels[`inventory.example.com/asset-tag-${round}`] = `asset-${node.id}-${round}-rack-${node.rackId}`.slice(0, 63);
    node.labels[`topology.example.com/pdu-outlet-${round}`] = `${node.rackId}-outlet-${round}`.slice(0, 63);
  }
}
for (const format of ['yaml', 'json'] as const) {
  const text = writePlan(plan, format);
  const mb = Buffer.byteLength(text) / 1024 / 1024;
  const heapBefore = process.memoryUsage().heapUsed;
  const first = readPlan(text, format);
  if (!first.ok) throw new Error(`the ${format} plan does not read: ${JSON.stringify(first).slice(0, 300)}`);
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const t = measure(() => readPlan(text, format), 5, 1);
  console.log(
    `  ${format.padEnd(4)} ${mb.toFixed(1)} MB, ${plan.nodes.length} nodes: read median ${t.medianMs.toFixed(0)} ms, p95 ${t.p95Ms.toFixed(0)} ms; heap after one read +${heapMb.toFixed(0)} MB`,
  );
  figure(`planRead.${format}12MB.medianMs`, t.medianMs);
}
