import type { Finding } from '../../finding';
import type { CapacityLeft } from '../../workload/capacityLeft';
import type { PlanRule } from '../rule';

const SOURCE =
  'N+1 capacity: the scheduler can only reschedule evicted pods onto allocatable capacity that is left (Kubernetes "Node-pressure eviction" and "Reserve compute resources": allocatable = capacity − reservations − eviction threshold; kubelet maxPods). Rackplan workload capacity model (src/models/README.md, "Workload capacity")';

/** "rack R2" from "rack R2 lost". */
const what = (c: CapacityLeft) => c.label.replace(/ lost$/, '');

/**
 * Model findings from the workload capacity model, the facts the headline's "Workload N+1"
 * figure states: WORKLOAD-CAPACITY (error) when the pods do not fit with every node up;
 * WORKLOAD-N1 when the evicted pods cannot all be rescheduled after losing the node whose loss
 * is tightest (error: the plan is not N+1) or, with every single node covered, the tightest
 * rack (warning).
 */
export const workloadCapacity: PlanRule = {
  id: 'WORKLOAD',
  title: 'Pods fit with every node up and after losing a node or a rack',
  source: SOURCE,
  check({ plan, report }) {
    const w = report.workload;
    const out: Finding[] = [];
    const schedulable = w.roles.reduce((s, r) => s + r.schedulableNodes, 0);
    if (!w.allUp.fits) {
      out.push({
        ruleId: 'WORKLOAD-CAPACITY',
        severity: 'error',
        source: SOURCE,
        message:
          schedulable === 0
            ? `no node takes regular pods: ${w.demand.pods.toLocaleString('en-US')} pods have nowhere to run`
            : `with every node up the ${w.demand.pods.toLocaleString('en-US')} pods do not fit on ${schedulable.toLocaleString('en-US')} schedulable nodes: ${w.allUp.short.join('; ')}`,
        why: 'pods beyond the allocatable capacity stay Pending',
        figure: utilisationFigure(w.allUp, 'all up'),
        subjects: { nodes: plan.nodes.filter((n) => n.role === 'worker').map((n) => n.id) },
      });
      return out;
    }
    const node = w.largestNodeLost;
    const rack = w.largestRackLost;
    if (node && !node.fits) {
      out.push({
        ruleId: 'WORKLOAD-N1',
        severity: 'error',
        source: SOURCE,
        message: `not N+1: after losing ${what(node)} the ${node.evictedPods.toLocaleString('en-US')} evicted pods cannot all be rescheduled (${node.short.join('; ')})`,
        why: 'a single node failure or a drain for an upgrade leaves pods Pending',
        figure: utilisationFigure(node, 'one node down'),
        ...(w.largestNodeLostId ? { subjects: { nodes: [w.largestNodeLostId] } } : {}),
      });
    } else if (rack && !rack.fits) {
      const rackId = w.largestRackLostId;
      out.push({
        ruleId: 'WORKLOAD-N1',
        severity: 'warning',
        source: SOURCE,
        message: `losing ${what(rack)} leaves too little for every pod: ${rack.evictedPods.toLocaleString('en-US')} evicted, ${rack.short.join('; ')}`,
        why: 'a rack power or switch outage leaves pods Pending until the rack returns',
        figure: utilisationFigure(rack, 'rack down'),
        ...(rackId ? { subjects: { racks: [rackId], nodes: plan.nodes.filter((n) => n.rackId === rackId).map((n) => n.id) } } : {}),
      });
    }
    return out;
  },
};

/** The tightest of CPU, memory and pod-slot use as a percentage (omitted when no capacity is left at all). */
function utilisationFigure(c: CapacityLeft, when: string): Finding['figure'] {
  const uses = [c.cpuUtilisation, c.memoryUtilisation, c.podUtilisation];
  if (uses.some((u) => u === null)) return undefined;
  return { label: `tightest resource use, ${when}`, value: Math.round(Math.max(...(uses as number[])) * 100), unit: '%' };
}
