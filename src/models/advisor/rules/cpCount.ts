import type { Finding, FindingFix } from '../../finding';
import { topologyOf } from '../../topology';
import { racksWithRoom } from '../fixTargets';
import { nameList, raSource, type PlanRule, type RuleInput } from '../rule';

const ID = 'RA-CP-COUNT';

/**
 * RA-CP-COUNT: three control-plane nodes. Reads the control-plane report's quorum (n members,
 * quorum ⌊n/2⌋ + 1, tolerated f = n − quorum) and, for larger counts, its throughput curves by
 * member count. 0-2 members: error (no fault tolerance); an even count: warning (no more
 * tolerance than n − 1, one more member per write); 5 or 7: info with the write ceiling it costs.
 */
export const cpCount: PlanRule = {
  id: ID,
  title: 'Three control-plane nodes',
  source: raSource(
    ID,
    'run three control-plane nodes. One has no high availability and two have no etcd fault tolerance; an even count adds no tolerance over the odd count below it; five or seven tolerate more but every write goes to every member.',
  ),
  check(input) {
    const { quorum, members, throughput } = input.report.controlPlane;
    const n = quorum.members;
    const names = members.map((m) => m.name);
    const nodes = members.map((m) => m.id);
    const base = { ruleId: ID, source: this.source, subjects: { nodes } };
    if (n === 0) {
      return [
        {
          ...base,
          severity: 'error',
          message: 'the plan has no control-plane nodes',
          why: 'without etcd and the API server there is no cluster: nothing in the plan can run',
          fix: addFix(input, 3),
        },
      ];
    }
    if (n <= 2) {
      return [
        {
          ...base,
          severity: 'error',
          message: `${n === 1 ? 'one control-plane node' : 'two control-plane nodes'} (${nameList(names)}): etcd tolerates no failure`,
          why: `quorum of ${n} is ${quorum.quorum}: losing ${n === 1 ? names[0] : 'either node'} stops every write and the Kubernetes API (0 failures tolerated)`,
          figure: { label: 'failures tolerated', value: 0, unit: 'nodes' },
          fix: addFix(input, 3 - n),
        },
      ];
    }
    if (quorum.evenCount) {
      return [
        {
          ...base,
          severity: 'warning',
          message: `${n} control-plane nodes: an even count`,
          why: `${n} members tolerate ${quorum.toleratedFailures} failure(s), no more than ${n - 1} would, while every write waits for one more member`,
          figure: { label: 'failures tolerated', value: quorum.toleratedFailures, unit: 'nodes' },
        },
      ];
    }
    if (n > 3) {
      const ceiling = (k: number) => throughput.byMembers.find((c) => c.members === k)?.maxWritesPerS;
      const here = throughput.plan?.maxWritesPerS;
      const three = ceiling(3);
      const cost =
        here !== undefined && three !== undefined && three > 0
          ? `; the write ceiling is ${Math.round(here).toLocaleString('en-US')} writes/s against ${Math.round(three).toLocaleString('en-US')} with three members`
          : '';
      const finding: Finding = {
        ...base,
        severity: 'info',
        message: `${n} control-plane nodes tolerate ${quorum.toleratedFailures} failures`,
        why: `every write is replicated to all ${n} members${cost}`,
      };
      if (here !== undefined) finding.figure = { label: 'etcd write ceiling', value: Math.round(here), unit: 'writes/s' };
      return [finding];
    }
    return [];
  },
};

/** Adds `count` control planes of the members' hardware in racks with room and no member. */
function addFix(input: RuleInput, count: number): FindingFix | undefined {
  const topo = topologyOf(input.plan);
  const memberRacks = new Set(input.report.controlPlane.members.map((m) => topo.placeById.get(m.id)?.rack.id ?? ''));
  const hardwareId =
    input.report.controlPlane.members[0]?.hardwareId ??
    input.report.controlPlane.sizing.verdicts.find((v) => v.verdict === 'fits')?.hardwareId ??
    input.report.controlPlane.sizing.verdicts.find((v) => v.verdict === 'fits-without-n1-headroom')?.hardwareId;
  const hw = hardwareId ? topo.hardwareById.get(hardwareId) : undefined;
  if (!hw) return undefined;
  const sites = new Set(input.report.controlPlane.members.map((m) => topo.placeById.get(m.id)?.site.id ?? ''));
  const racks = racksWithRoom(input, hw.heightU, memberRacks, sites).slice(0, count);
  if (racks.length < count) return undefined;
  const what = count === 1 ? 'a third control plane' : `${count} control planes`;
  return {
    kind: 'addControlPlanes',
    label: `Add ${what} (${hw.name}) in ${nameList(racks.map((r) => r.name))}`,
    hardwareId: hw.id,
    rackIds: racks.map((r) => r.id),
  };
}
