import { baseSettings } from '../../../src/plan/samples/common';
import { SAMPLE_HARDWARE } from '../../../src/plan/samples/catalogue';
import { PlanBuilder } from '../../../src/plan/samples/planBuilder';
import type { Hardware, Plan } from '../../../src/plan/schema';

/** A one-row fabric of identical 1U workers with `nics` × 25 GbE each, for hand-worked network tests. */
export function fabricPlan(o: { nodesPerRack: number; racks: number; torCount: 1 | 2; uplinkGbps: number; nics: number }): Plan {
  const hw = { ...structuredClone(SAMPLE_HARDWARE.worker), nics: { count: o.nics, speedGbps: 25 } } as Hardware;
  const b = new PlanBuilder(baseSettings('Fabric', 'fabric', ''), [hw]).site('dc1', 'DC 1').room('h1', 'H1', 'dc1').row('row1', 'Row 1', 'h1', 10_000);
  for (let r = 1; r <= o.racks; r++) b.rack(`r${r}`, 'row1', { heightU: 48, tor: { count: o.torCount, uplinkGbps: o.uplinkGbps } });
  for (let r = 1; r <= o.racks; r++) b.nodes(`r${r}`, 'worker', hw.id, o.nodesPerRack);
  return b.build();
}
