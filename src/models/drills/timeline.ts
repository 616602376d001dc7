import type { Plan } from '../../plan/schema';
import type { Report } from '../report';

/** One thing that happens after the failure, at `atS` seconds. */
export interface TimelineEvent {
  atS: number;
  kind:
    | 'failure'
    | 'etcd-election'
    | 'etcd-writes-resume'
    | 'etcd-writes-stop'
    | 'not-ready'
    | 'eviction'
    | 'rescheduled'
    | 'pending'
    | 'rebuild-start'
    | 'rebuild-end'
    | 'redundancy-restored'
    | 'repair';
  text: string;
  /** The plan setting (or model) the time comes from. */
  timer: string;
}

export interface DrillTimeline {
  events: TimelineEvent[];
  /** The last event's time, s (at least the repair time when one is set). */
  endS: number;
}

/**
 * kube-controller-manager `--node-monitor-grace-period`, s: the plan's value, else the default of
 * its Kubernetes version (50 s from 1.32, 40 s before: Kubernetes 1.32 raised it, https://github.com/kubernetes/kubernetes/pull/126287).
 */
export function nodeMonitorGracePeriodS(plan: Plan): number {
  const set = plan.cluster.nodeLifecycle.nodeMonitorGracePeriodS;
  if (set !== undefined) return set;
  const [major, minor] = plan.cluster.kubernetesVersion.split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 32) ? 50 : 40;
}

/**
 * A discrete-event timeline of a drill from the failure at t = 0, built from the report of
 * `evaluate(plan, { failures })`:
 * - etcd: when a member is down (assume it was the leader, the worst case) writes stop for the
 *   expected leader-loss gap of `timerAdvice` (election timeout, randomised, plus a vote RTT);
 *   without quorum they stop until the repair.
 * - Nodes: NotReady after `nodeMonitorGracePeriodS`; their pods are evicted once the
 *   not-ready/unreachable toleration (300 s by default) runs out and then rescheduled, or Pending
 *   when the capacity left is short.
 * - Storage: rebuild start and end from the provider's own waits and the rebuild model; redundancy
 *   is restored at its end.
 * - Repair at `repairAtS` (when given): failed parts return, and anything not yet done stops there.
 * Events are sorted by time (ties keep the order above). No event time is negative or infinite.
 */
export function drillTimeline(plan: Plan, report: Report, repairAtS?: number): DrillTimeline {
  const events: TimelineEvent[] = [];
  const drill = report.drill;
  const repair = repairAtS !== undefined && Number.isFinite(repairAtS) && repairAtS >= 0 ? repairAtS : undefined;
  const before = (t: number) => repair === undefined || t < repair;
  events.push({ atS: 0, kind: 'failure', text: `failure: ${report.failures?.components.join(', ') ?? 'nothing'}`, timer: 'the drill' });
  if (!drill) return { events, endS: 0 };

  const q = drill.core.quorum;
  const etcd = plan.cluster.etcd;
  if (q.members > 0 && !q.held) {
    events.push({
      atS: 0,
      kind: 'etcd-writes-stop',
      text: `etcd loses quorum (${q.membersUp}/${q.members} up, needs ${q.quorum}): writes stop until the repair`,
      timer: 'Raft quorum',
    });
  } else if (q.membersUp < q.members && before(etcd.electionTimeoutMs / 1000)) {
    const gapS = (report.controlPlane.timers?.leaderLossUnavailableMs.expected ?? 2 * etcd.electionTimeoutMs) / 1000;
    events.push({
      atS: etcd.electionTimeoutMs / 1000,
      kind: 'etcd-election',
      text: `if the leader was lost, followers start an election after the election timeout (${etcd.electionTimeoutMs} ms)`,
      timer: 'cluster.etcd.electionTimeoutMs',
    });
    if (before(gapS))
      events.push({
        atS: gapS,
        kind: 'etcd-writes-resume',
        text: `new leader elected: writes resume after an expected ${Math.round(gapS * 1000)} ms gap`,
        timer: 'cluster.etcd.electionTimeoutMs, heartbeatMs',
      });
  }

  const down = drill.core.nodes.down;
  if (down > 0) {
    const graceS = nodeMonitorGracePeriodS(plan);
    const nl = plan.cluster.nodeLifecycle;
    const tolS = Math.max(nl.notReadyTolerationS, nl.unreachableTolerationS);
    if (before(graceS))
      events.push({
        atS: graceS,
        kind: 'not-ready',
        text: `${down} node(s) NotReady (no status for the node-monitor grace period)`,
        timer: 'cluster.nodeLifecycle.nodeMonitorGracePeriodS',
      });
    const evictS = graceS + tolS;
    const cap = drill.core.capacity;
    if (q.members > 0 && !q.held) {
      // The controller manager needs a working API to taint and evict: nothing moves without quorum.
    } else if (cap.evictedPods > 0 && before(evictS)) {
      events.push({
        atS: evictS,
        kind: 'eviction',
        text: `${cap.evictedPods} pod(s) evicted from the lost nodes (toleration ${tolS} s ran out)`,
        timer: 'cluster.nodeLifecycle.notReadyTolerationS / unreachableTolerationS',
      });
      events.push(
        cap.fits
          ? { atS: evictS, kind: 'rescheduled', text: `evicted pods rescheduled on the ${cap.nodesLeft} nodes left`, timer: 'workload capacity' }
          : { atS: evictS, kind: 'pending', text: `pods stay Pending: ${cap.short.join('; ')}`, timer: 'workload capacity' },
      );
    }
  }

  const rebuild = report.storage.afterFailures?.rebuild;
  const start = rebuild?.timeline.rebuildStartS;
  const end = rebuild?.timeline.restoredAtS;
  if (rebuild && rebuild.bytesRebuilt > 0 && start !== null && start !== undefined && Number.isFinite(start) && before(start)) {
    events.push({
      atS: start,
      kind: 'rebuild-start',
      text: `storage rebuild starts: ${rebuild.reason}`,
      timer: 'cluster.storage (replenishment / down-out waits)',
    });
    if (end !== null && end !== undefined && Number.isFinite(end) && end >= start && before(end)) {
      events.push({ atS: end, kind: 'rebuild-end', text: 'storage rebuild ends', timer: 'storage rebuild model' });
      events.push({ atS: end, kind: 'redundancy-restored', text: 'every volume has all its copies again', timer: 'storage rebuild model' });
    }
  }
  if (repair !== undefined)
    events.push({ atS: repair, kind: 'repair', text: 'failed components repaired: nodes rejoin, replicas return', timer: "the drill's repair time" });
  const order = new Map(events.map((e, i) => [e, i]));
  events.sort((a, b) => a.atS - b.atS || (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { events, endS: events.reduce((m, e) => Math.max(m, e.atS), 0) };
}
