import { SAMPLES } from './src/plan/samples/samples';
import { placeStorage } from './src/models/storage/placement';
import { storageFailureScenario, storageReport } from './src/models/storage/storageReport';
import { rebalanceAddNodes, rebalanceDrainNode } from './src/models/storage/rebalance';
import { reportSections } from './src/models/evaluate';
const plan = SAMPLES['hyperscale-5000.json']();
const cpu = (f: () => unknown) => { const t = process.cpuUsage(); f(); const c = process.cpuUsage(t); return ((c.user + c.system) / 1000).toFixed(1); };
for (let k = 0; k < 4; k++) {
  const p = structuredClone(plan);
  const secs = reportSections(p, {}) as any;
  const out: Record<string, string> = {};
  for (const n of Object.keys(secs)) out[n] = cpu(() => secs[n]());
  console.log(JSON.stringify(out));
}
