import type { Plan } from '../../plan/schema';
import { topologyOf } from '../topology';
import { HOURS_PER_YEAR } from './componentKinds';
import { meanTimeToBadHours, probabilityBadWithin, stationaryBadShare } from './markov';
import { quorumChain, type QuorumPart } from './quorumChain';
import { replicaGroupChain } from './replicaGroup';
import type { SimModel } from './simModel';

export interface ExactQuorum {
  /** Probability of losing quorum at least once within each checkpoint (`SimModel.checkpointsYears`). */
  lossWithin: number[];
  /** Long-run hours per year without quorum. */
  hoursPerYear: number;
  /** Parts in the chain (members' nodes, and racks, rooms, sites holding some but not all members). */
  parts: number;
  /** What the exact chain leaves out (switches, feeds, site links: the Monte Carlo has them). */
  scope: string;
}

export interface ExactDataLoss {
  /** Probability of losing any data within each checkpoint: 1 − Π over distinct replica sets of (1 − p_set). */
  lossWithin: number[];
  /** Expected logical bytes lost within each checkpoint: Σ over units of p_unit · bytes. */
  bytesWithin: number[];
  /** Mean time to data loss of one replica set, hours (the smallest over the plan's kinds of set). */
  mttdlHours: number;
  replicaSets: number;
}

/**
 * The exact quorum figures of a plan: members' nodes and every rack, room and site holding some
 * of the members are independent two-state parts (exponential failure and repair at the plan's
 * means, repaired in parallel) in `quorumChain`; a rack, room or site holding every member is a
 * common mode in series: P(no loss by t) = e^(−λ_c·t) · P_chain(no loss by t), and its long-run
 * availability μ/(λ+μ) multiplies the chain's. Null without members, or when the chain would
 * exceed `MAX_EXACT_PARTS` parts.
 */
export function exactQuorum(plan: Plan, m: SimModel): ExactQuorum | null {
  if (m.members === 0) return null;
  const r = plan.reliability;
  const t = topologyOf(plan);
  const cps = t.places.filter((p) => p.node.role === 'controlplane');
  const rate = (afr: number) => afr / HOURS_PER_YEAR;
  const parts: QuorumPart[] = cps.map((_, i) => ({ failuresPerHour: rate(r.node.annualFailureRate), repairsPerHour: 1 / r.node.repairHours, members: [i] }));
  let commonFailures = 0;
  let commonAvailability = 1;
  const levels = [
    { spec: r.rack, key: (i: number) => cps[i].rack.id },
    { spec: r.room, key: (i: number) => cps[i].room.id },
    { spec: r.site, key: (i: number) => cps[i].site.id },
  ];
  for (const { spec, key } of levels) {
    const groups = new Map<string, number[]>();
    cps.forEach((_, i) => groups.set(key(i), [...(groups.get(key(i)) ?? []), i]));
    for (const members of groups.values()) {
      const lambda = rate(spec.annualFailureRate);
      if (lambda === 0) continue;
      const mu = 1 / spec.repairHours;
      if (members.length === cps.length) {
        commonFailures += lambda;
        commonAvailability *= mu / (lambda + mu);
      } else parts.push({ failuresPerHour: lambda, repairsPerHour: mu, members });
    }
  }
  const chain = quorumChain(cps.length, m.quorum, parts);
  if (!chain) return null;
  const lossWithin = m.checkpointsHours.length
    ? [...m.checkpointsHours].map((h) => 1 - Math.exp(-commonFailures * h) * (1 - probabilityBadWithin(chain, h)))
    : [];
  const share = 1 - commonAvailability * (1 - stationaryBadShare(chain));
  return {
    lossWithin,
    hoursPerYear: share * HOURS_PER_YEAR,
    parts: parts.length,
    scope: 'control-plane nodes, racks, rooms and sites (exponential repair, in parallel); switches, feeds and site links only in the Monte Carlo',
  };
}

/**
 * The exact data-loss figures: each distinct set of disks holding a unit's shards is a replica
 * group (`replicaGroupChain`: the disk failure rate, repair at 1 / the storage model's rebuild
 * hours, in parallel; or at the disk repair time with the plan's repair crew where the provider
 * does not rebuild). Sets share disks, so their losses are positively correlated and
 * 1 − Π(1 − p_set) is an upper bound on P(any loss) (Harris' inequality). Null without data.
 */
export function exactDataLoss(plan: Plan, m: SimModel): ExactDataLoss | null {
  const r = plan.reliability;
  const lambda = r.disk.annualFailureRate / HOURS_PER_YEAR;
  if (m.unitCount === 0 || lambda === 0) return null;
  const memo = new Map<string, { within: number[]; mttdl: number }>();
  const seen = new Set<string>();
  const survive = new Array<number>(m.checkpointsHours.length).fill(1);
  const bytes = new Array<number>(m.checkpointsHours.length).fill(0);
  let mttdl = Infinity;
  // Units per disk set, from the disk → unit rows.
  const setOf = new Array<number[]>(m.unitCount);
  for (let d = 0; d < m.diskCount; d++) {
    for (let j = m.diskUnitStart[d]; j < m.diskUnitStart[d + 1]; j++) (setOf[m.diskUnits[j]] ??= []).push(d);
  }
  for (let u = 0; u < m.unitCount; u++) {
    const set = setOf[u];
    if (!set || set.length < m.needed) continue;
    const rebuild = m.diskRebuildHours[set[0]];
    const repairHours = rebuild > 0 ? rebuild : r.disk.repairHours;
    const repair = rebuild > 0 || r.repairCrew === 'parallel' ? 'parallel' : 'serial';
    const key = `${set.length}/${m.needed}/${repairHours}/${repair}`;
    let solved = memo.get(key);
    if (!solved) {
      const chain = replicaGroupChain({ width: set.length, needed: m.needed, failuresPerHour: lambda, repairsPerHour: 1 / repairHours, repair });
      solved = { within: [...m.checkpointsHours].map((h) => probabilityBadWithin(chain, h)), mttdl: meanTimeToBadHours(chain) };
      memo.set(key, solved);
    }
    mttdl = Math.min(mttdl, solved.mttdl);
    for (let c = 0; c < survive.length; c++) bytes[c] += solved.within[c] * m.unitBytes[u];
    const setKey = set.join(',');
    if (seen.has(setKey)) continue;
    seen.add(setKey);
    for (let c = 0; c < survive.length; c++) survive[c] *= 1 - solved.within[c];
  }
  if (seen.size === 0) return null;
  return { lossWithin: survive.map((s) => 1 - s), bytesWithin: bytes, mttdlHours: mttdl, replicaSets: seen.size };
}
