// Times the Omni template export, its re-check (load + Omni's validation) and the import back to
// a plan, per sample plan in Node. Run: npm run bench omni, or npx tsx test/bench/omniExport.bench.ts
import { omniTemplate } from '../../src/export/omni/exportTemplate';
import { planFromTemplate } from '../../src/export/omni/importTemplate';
import { loadTemplate } from '../../src/export/omni/loadTemplate';
import { validateTemplate } from '../../src/export/omni/validateTemplate';
import { SAMPLES } from '../../src/plan/samples/samples';
import { measure } from './timing';

console.log('Omni template per sample, Node, median / p95 of 10 runs');
for (const [file, build] of Object.entries(SAMPLES)) {
  const plan = build();
  const exported = omniTemplate(plan);
  const loaded = loadTemplate(exported.template);
  if (!loaded.ok) throw new Error(`${file}: the export does not load`);
  const answers = { hardware: plan.hardware, defaultHardwareId: plan.hardware[0].id, rackCount: 3, unlimitedSize: 3 };
  const e = measure(() => omniTemplate(plan), 10, 2);
  const c = measure(
    () => {
      const l = loadTemplate(exported.template);
      if (l.ok) validateTemplate(l.documents);
    },
    10,
    2,
  );
  const i = measure(() => planFromTemplate(loaded.documents, answers), 10, 2);
  const kib = (exported.template.length / 1024).toFixed(0);
  console.log(
    `  ${file.padEnd(22)} ${String(plan.nodes.length).padStart(5)} nodes ${String(exported.documents.length).padStart(4)} docs ${kib.padStart(4)} KiB  export ${e.medianMs.toFixed(0)} / ${e.p95Ms.toFixed(0)} ms  check ${c.medianMs.toFixed(0)} / ${c.p95Ms.toFixed(0)} ms  import ${i.medianMs.toFixed(0)} / ${i.p95Ms.toFixed(0)} ms`,
  );
}
