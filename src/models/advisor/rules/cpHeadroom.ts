import type { Finding } from '../../finding';
import { HEADROOM } from '../../controlPlane/sizing';
import { nameList, raSource, type PlanRule } from '../rule';

const ID = 'RA-CP-HEADROOM';

/**
 * RA-CP-HEADROOM: scale the control plane up when its CPU or memory use passes 60 %. Reads the
 * sizing verdict of each hardware profile the members run on: over 60 % with every node up is an
 * error, over 60 % only with one node down (a failure or a rolling upgrade) a warning.
 */
export const cpHeadroom: PlanRule = {
  id: ID,
  title: 'Control plane below 60 % CPU and memory',
  source: raSource(ID, 'when control-plane CPU or memory use passes 60 % of capacity, scale the control plane up.'),
  check(input) {
    const cp = input.report.controlPlane;
    const out: Finding[] = [];
    for (const v of cp.sizing.verdicts.filter((x) => x.inUse)) {
      const members = cp.members.filter((m) => m.hardwareId === v.hardwareId);
      const worstAllUp = Math.max(v.cpuUse.allUp, v.memoryUse.allUp);
      const worstOneDown = Math.max(v.cpuUse.oneDown, v.memoryUse.oneDown);
      const resource = (all: boolean) => ((all ? v.cpuUse.allUp >= v.memoryUse.allUp : v.cpuUse.oneDown >= v.memoryUse.oneDown) ? 'CPU' : 'memory');
      const names = nameList(members.map((m) => m.name));
      if (worstAllUp > HEADROOM) {
        out.push({
          ruleId: ID,
          severity: 'error',
          source: this.source,
          message: `${names} (${v.name}): ${resource(true)} ${pct(worstAllUp)} used with every control plane up`,
          why: 'past 60 % a burst of churn or a failover pushes the API server and etcd into saturation, and there is no headroom for one node down',
          figure: { label: `${resource(true)} use, all up`, value: Math.round(worstAllUp * 100), unit: '%' },
          subjects: { nodes: members.map((m) => m.id) },
        });
      } else if (worstOneDown > HEADROOM) {
        out.push({
          ruleId: ID,
          severity: 'warning',
          source: this.source,
          message: `${names} (${v.name}): ${resource(false)} ${pct(worstOneDown)} used with one control plane down`,
          why: 'a node failure or a rolling upgrade puts the survivors past 60 %',
          figure: { label: `${resource(false)} use, one down`, value: Math.round(worstOneDown * 100), unit: '%' },
          subjects: { nodes: members.map((m) => m.id) },
        });
      }
    }
    return out;
  },
};

function pct(x: number): string {
  return `${Math.round(x * 100)} %`;
}
