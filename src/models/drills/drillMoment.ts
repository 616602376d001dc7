import type { DrillResult } from './drillResult';
import type { DrillTimeline, TimelineEvent } from './timeline';

/** Where a drill stands at one instant of its timeline, for the rack view and the health panel. */
export interface DrillMoment {
  tS: number;
  /** Events at or before `tS`. */
  passed: number;
  /** The repair time has been reached: failed parts are back. */
  repaired: boolean;
  /** Ids still down / degraded at `tS` (empty once repaired) and those back after the repair. */
  downNodes: readonly string[];
  degradedNodes: readonly string[];
  downRacks: readonly string[];
  recoveredNodes: readonly string[];
  recoveredRacks: readonly string[];
  /** The lost nodes as the API sees them: still Ready until the grace period ends, then NotReady, then back. */
  nodeCondition: 'none-lost' | 'unresponsive' | 'not-ready' | 'rejoined';
  etcdWrites: 'flowing' | 'electing' | 'stopped';
  pods: 'running' | 'on-lost-nodes' | 'rescheduled' | 'pending';
  /** null when the drill rebuilds no storage. */
  storage: 'waiting' | 'rebuilding' | 'restored' | 'repaired' | null;
}

const at = (events: readonly TimelineEvent[], kind: TimelineEvent['kind']) => events.find((e) => e.kind === kind)?.atS;
const reached = (t: number, s: number | undefined) => s !== undefined && t >= s;

/**
 * The state of a drill at `tS` seconds after the failure, read off its timeline events (the
 * worker computed them; this only looks them up, so it is cheap enough for every animation
 * frame). Between two consecutive event times the answer does not change; every field only ever
 * moves forward (down → recovered, electing → flowing, waiting → rebuilding → restored).
 * Example: nodes down at t = 0 are `unresponsive` until the `not-ready` event (50 s by default).
 */
export function drillMomentAt(timeline: DrillTimeline, marks: DrillResult['marks'], tS: number): DrillMoment {
  const t = Number.isFinite(tS) && tS > 0 ? tS : 0;
  const ev = timeline.events;
  const repaired = reached(t, at(ev, 'repair'));
  const lost = marks.downNodes.length > 0;
  const stopped = reached(t, at(ev, 'etcd-writes-stop'));
  const electing = at(ev, 'etcd-election') !== undefined && !reached(t, at(ev, 'etcd-writes-resume'));
  const rescheduled = reached(t, at(ev, 'rescheduled'));
  const pending = reached(t, at(ev, 'pending'));
  const start = at(ev, 'rebuild-start');
  return {
    tS: t,
    passed: ev.filter((e) => e.atS <= t).length,
    repaired,
    downNodes: repaired ? [] : marks.downNodes,
    degradedNodes: repaired ? [] : marks.degradedNodes,
    downRacks: repaired ? [] : marks.downRacks,
    recoveredNodes: repaired ? [...marks.downNodes, ...marks.degradedNodes] : [],
    recoveredRacks: repaired ? marks.downRacks : [],
    nodeCondition: !lost ? 'none-lost' : repaired ? 'rejoined' : reached(t, at(ev, 'not-ready')) ? 'not-ready' : 'unresponsive',
    etcdWrites: repaired || (!stopped && !electing) ? 'flowing' : stopped ? 'stopped' : 'electing',
    // Pods rescheduled elsewhere stay there after the repair; Pending ones start on the returned nodes.
    pods: rescheduled ? 'rescheduled' : pending && !repaired ? 'pending' : lost && !repaired && !pending ? 'on-lost-nodes' : 'running',
    storage: start === undefined ? null : reached(t, at(ev, 'rebuild-end')) ? 'restored' : repaired ? 'repaired' : t >= start ? 'rebuilding' : 'waiting',
  };
}
