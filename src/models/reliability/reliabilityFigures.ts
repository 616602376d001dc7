import type { Plan } from '../../plan/schema';
import { Z99 } from '../../plan/diskClasses';
import { COMPONENT_KINDS, HOURS_PER_YEAR, KIND_COUNT, repairQuantileHours, type ComponentKind } from './componentKinds';
import type { ExactDataLoss, ExactQuorum } from './exactFigures';
import type { SimModel } from './simModel';
import {
  KIND_FIELDS,
  K_API_HOURS,
  K_CAPACITY_HOURS,
  K_DATA_LOSSES,
  K_DOWN_HOURS,
  K_EVENTS,
  K_NODE_DOWN_HOURS,
  K_QUORUM_HOURS,
  K_UNAVAILABLE_HOURS,
  M_API_HOURS,
  M_CAPACITY_HOURS,
  M_QUORUM_HOURS,
  M_UNAVAILABLE_HOURS,
  type SimPartial,
} from './simulate';

/** Where a figure comes from: the Monte Carlo, or an exact Markov chain (used when the Monte Carlo saw too few events). */
export type FigureMethod = 'monte-carlo' | 'exact';

/** A figure with its 95 % interval (the Monte Carlo's; an exact figure has low = high = value). */
export interface Estimate {
  value: number;
  low: number;
  high: number;
  method: FigureMethod;
  /** Events behind a Monte Carlo figure (trials that saw it, for probabilities). */
  events?: number;
}

export interface KindRow {
  kind: ComponentKind;
  count: number;
  failuresPerYear: number;
  /** Component-hours down per year (all components of the kind). */
  downHoursPerYear: number;
  /** Node-hours per year of nodes taken down by this kind's events. */
  nodeDownHoursPerYear: number;
  /** The 99th-percentile repair time of one component, h (from its repair law). */
  repairP99Hours: number;
  /** Share of each risk's hours (or losses) that began with this kind's event. */
  quorumShare: number;
  apiShare: number;
  unavailableShare: number;
  capacityShare: number;
  dataLossShare: number;
}

export interface ReliabilityFigures {
  trials: number;
  componentYears: number;
  events: number;
  missionYears: number[];
  members: number;
  /** P(losing etcd quorum at least once) within each mission checkpoint. */
  quorumLossWithin: Estimate[];
  quorumHoursPerYear: Estimate;
  apiHoursPerYear: Estimate;
  /** API availability as nines, −log10(unavailability); null when no outage was seen (see `ninesAtLeast`). */
  nines: number | null;
  /** Nines at the pessimistic end of the interval. */
  ninesAtLeast: number;
  dataLossWithin: Estimate[];
  bytesLostWithin: Estimate[];
  unavailableHoursPerYear: Estimate;
  capacityShortWithin: Estimate[];
  capacityShortHoursPerYear: Estimate;
  byKind: KindRow[];
  /** The kind each risk's hours mostly began with (null when the risk never happened). */
  topContributor: {
    quorum: ComponentKind | null;
    api: ComponentKind | null;
    unavailable: ComponentKind | null;
    capacity: ComponentKind | null;
    dataLoss: ComponentKind | null;
  };
  exactQuorum: ExactQuorum | null;
  exactDataLoss: ExactDataLoss | null;
}

const Z95 = 1.959964;
/** Fewer events than this and a probability falls back to the exact chain where one exists. */
export const MIN_EVENTS_FOR_MONTE_CARLO = 10;

/** Wilson score interval for x successes in n trials at 95 % (Wilson, JASA 1927): stays inside [0, 1] even at x = 0. */
export function wilson(x: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = x / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z95 / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Mean of per-trial values from Σ and Σ² with a normal 95 % interval, clamped at 0. */
export function meanEstimate(sum: number, sumSq: number, n: number): Estimate {
  const mean = n > 0 ? sum / n : 0;
  const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
  const half = n > 0 ? Z95 * Math.sqrt(variance / n) : 0;
  return { value: mean, low: Math.max(0, mean - half), high: mean + half, method: 'monte-carlo' };
}

function probability(x: number, n: number, exact: number | undefined): Estimate {
  const ci = wilson(x, n);
  if (x < MIN_EVENTS_FOR_MONTE_CARLO && exact !== undefined) return { value: exact, low: exact, high: exact, method: 'exact', events: x };
  return { value: n > 0 ? x / n : 0, ...ci, method: 'monte-carlo', events: x };
}

/**
 * The report of a run: Monte Carlo figures with 95 % intervals (Wilson for probabilities, normal
 * for means over trials), each probability replaced by its exact Markov value when the Monte
 * Carlo saw fewer than `MIN_EVENTS_FOR_MONTE_CARLO` trials with the event and a chain exists
 * (`method` says which). Availability is of the API: 1 − hours without it / 8,766 h.
 */
export function reliabilityFigures(plan: Plan, m: SimModel, p: SimPartial, exactQ: ExactQuorum | null, exactD: ExactDataLoss | null): ReliabilityFigures {
  const n = p.trials;
  const years = T(m);
  const perYear = n > 0 ? 1 / (n * years) : 0;
  const moment = (k: number) => meanEstimate(p.moments[k * 2], p.moments[k * 2 + 1], n);
  let quorumHours = moment(M_QUORUM_HOURS);
  let apiHours = moment(M_API_HOURS);
  const quorumEvents = p.quorumLossWithin[p.quorumLossWithin.length - 1];
  if (quorumEvents < MIN_EVENTS_FOR_MONTE_CARLO && exactQ) {
    const h = exactQ.hoursPerYear;
    quorumHours = { value: h, low: h, high: h, method: 'exact', events: quorumEvents };
    // Without a site partition the API is lost exactly when quorum is.
    if (m.siteCount === 1) apiHours = { ...quorumHours };
  }
  const unavailability = apiHours.value / HOURS_PER_YEAR;
  const worst = apiHours.high / HOURS_PER_YEAR;
  const cp = m.checkpointsYears;
  const byKind: KindRow[] = COMPONENT_KINDS.map((kind, k) => {
    const f = (field: number) => p.byKind[k * KIND_FIELDS + field];
    const count = countOf(m, k);
    return {
      kind,
      count,
      failuresPerYear: f(K_EVENTS) * perYear,
      downHoursPerYear: f(K_DOWN_HOURS) * perYear,
      nodeDownHoursPerYear: f(K_NODE_DOWN_HOURS) * perYear,
      repairP99Hours: repairQuantileHours(plan.reliability[kind], 0.99, Z99),
      quorumShare: share(p, k, K_QUORUM_HOURS),
      apiShare: share(p, k, K_API_HOURS),
      unavailableShare: share(p, k, K_UNAVAILABLE_HOURS),
      capacityShare: share(p, k, K_CAPACITY_HOURS),
      dataLossShare: share(p, k, K_DATA_LOSSES),
    };
  });
  const top = (key: keyof Pick<KindRow, 'quorumShare' | 'apiShare' | 'unavailableShare' | 'capacityShare' | 'dataLossShare'>) => {
    const best = byKind.reduce((a, b) => (b[key] > a[key] ? b : a));
    return best[key] > 0 ? best.kind : null;
  };
  return {
    trials: n,
    componentYears: p.componentHours / HOURS_PER_YEAR,
    events: p.events,
    missionYears: cp,
    members: m.members,
    quorumLossWithin: cp.map((_, c) => probability(p.quorumLossWithin[c], n, exactQ?.lossWithin[c])),
    quorumHoursPerYear: quorumHours,
    apiHoursPerYear: apiHours,
    nines: unavailability > 0 ? -Math.log10(unavailability) : null,
    ninesAtLeast: worst > 0 ? -Math.log10(Math.min(1, worst)) : 0,
    dataLossWithin: cp.map((_, c) => probability(p.dataLossWithin[c], n, exactD?.lossWithin[c])),
    bytesLostWithin: cp.map((_, c) => {
      const mc = meanEstimate(p.bytesLost[c], p.bytesLostSq[c], n);
      const b = exactD?.bytesWithin[c];
      return p.dataLossWithin[c] < MIN_EVENTS_FOR_MONTE_CARLO && b !== undefined
        ? { value: b, low: b, high: b, method: 'exact' as const, events: p.dataLossWithin[c] }
        : mc;
    }),
    unavailableHoursPerYear: moment(M_UNAVAILABLE_HOURS),
    capacityShortWithin: cp.map((_, c) => probability(p.capacityShortWithin[c], n, undefined)),
    capacityShortHoursPerYear: moment(M_CAPACITY_HOURS),
    byKind,
    topContributor: {
      quorum: top('quorumShare'),
      api: top('apiShare'),
      unavailable: top('unavailableShare'),
      capacity: top('capacityShare'),
      dataLoss: top('dataLossShare'),
    },
    exactQuorum: exactQ,
    exactDataLoss: exactD,
  };
}

function T(m: SimModel): number {
  return m.checkpointsHours[m.checkpointsHours.length - 1] / HOURS_PER_YEAR;
}

function share(p: SimPartial, k: number, field: number): number {
  let total = 0;
  for (let j = 0; j < KIND_COUNT; j++) total += p.byKind[j * KIND_FIELDS + field];
  return total > 0 ? p.byKind[k * KIND_FIELDS + field] / total : 0;
}

function countOf(m: SimModel, k: number): number {
  let c = 0;
  for (let i = 0; i < m.compCount; i++) if (m.compKind[i] === k) c++;
  return c;
}
