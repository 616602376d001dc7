import { validatePlan, type Hardware, type Plan, type Rack } from '../../../src/plan';
import { baseSettings } from '../../../src/plan/samples/common';
import { PlanBuilder } from '../../../src/plan/samples/planBuilder';

/** A 1 U node drawing 250 W typical, 400 W peak. */
export const NODE_400W: Hardware = {
  id: 'n400',
  name: '1U 400 W',
  cores: 16,
  cpuClass: 'balanced',
  memoryGiB: 64,
  disks: [{ class: 'nvme-enterprise', capacityGB: 960, count: 1, purpose: 'system' }],
  nics: { count: 2, speedGbps: 25 },
  heightU: 1,
  powerTypicalW: 250,
  powerPeakW: 400,
};

/** A 2 U node drawing 500 W typical, 800 W peak. */
export const NODE_2U: Hardware = { ...NODE_400W, id: 'n2u', name: '2U 800 W', heightU: 2, powerTypicalW: 500, powerPeakW: 800 };

/**
 * One 42 U rack ("r1") in one row, room and site, with the given feeds and switches (350 W each,
 * 1 U each, at U41-U42 when there are two), to be filled by `fill`. Validated, so tests see what
 * the models see.
 */
export function oneRackPlan(rack: { feeds: Rack['feeds']; torCount?: 1 | 2; siteKind?: 'datacenter' | 'cloud' }, fill: (b: PlanBuilder) => void): Plan {
  const b = new PlanBuilder(baseSettings('Rack test', 'rack-test', ''), [structuredClone(NODE_400W), structuredClone(NODE_2U)])
    .site('s1', 'Site', rack.siteKind ?? 'datacenter')
    .room('room', 'Room', 's1')
    .row('row', 'Row', 'room')
    .rack('r1', 'row', { feeds: rack.feeds, tor: { count: rack.torCount ?? 2, powerW: 350, heightU: 1 } });
  fill(b);
  const result = validatePlan(b.build());
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}
