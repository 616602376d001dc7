import type { DrillMoment } from '../../models/drills/drillMoment';
import type { DrillTimeline, TimelineEvent } from '../../models/drills/timeline';

/** One line of the health panel at the scrubber's time: `ok` false while something is still wrong. */
export interface MomentLine {
  topic: 'nodes' | 'etcd' | 'pods' | 'storage' | 'repair';
  ok: boolean;
  text: string;
}

/**
 * The drill at one instant in operators' words, naming when the next step happens. Times come from
 * the timeline's events; `fmt` renders seconds. Example: lost nodes before the grace period read
 * "4 lost nodes still show Ready; NotReady at t = 50 s".
 */
export function momentLines(m: DrillMoment, timeline: DrillTimeline, lostNodes: number, fmt: (s: number) => string): MomentLine[] {
  const when = (kind: TimelineEvent['kind']) => {
    const e = timeline.events.find((x) => x.kind === kind);
    return e ? `t = ${fmt(e.atS)}` : null;
  };
  const repairAt = when('repair');
  const out: MomentLine[] = [];
  const n = `${lostNodes} lost node${lostNodes === 1 ? '' : 's'}`;
  switch (m.nodeCondition) {
    case 'unresponsive':
      out.push({
        topic: 'nodes',
        ok: false,
        text: `${n} still show Ready${when('not-ready') ? `; NotReady at ${when('not-ready')}` : ' (the repair comes before the grace period ends)'}`,
      });
      break;
    case 'not-ready':
      out.push({ topic: 'nodes', ok: false, text: `${n} NotReady${repairAt ? `; repair at ${repairAt}` : '; no repair chosen'}` });
      break;
    case 'rejoined':
      out.push({ topic: 'nodes', ok: true, text: `${n} repaired and Ready again` });
      break;
    case 'none-lost':
      break;
  }
  if (m.etcdWrites === 'electing')
    out.push({
      topic: 'etcd',
      ok: false,
      text: `etcd writes paused for a leader election${when('etcd-writes-resume') ? `; resume at ${when('etcd-writes-resume')}` : ''}`,
    });
  else if (m.etcdWrites === 'stopped')
    out.push({ topic: 'etcd', ok: false, text: `etcd writes stopped: quorum lost${repairAt ? ` until the repair at ${repairAt}` : ', no repair chosen'}` });
  else if (timeline.events.some((e) => e.kind === 'etcd-election' || e.kind === 'etcd-writes-stop'))
    out.push({ topic: 'etcd', ok: true, text: 'etcd writes flowing' });
  if (m.pods === 'on-lost-nodes')
    out.push({
      topic: 'pods',
      ok: false,
      text: `pods on the lost nodes not running${when('eviction') ? `; evicted at ${when('eviction')}` : ' and not evicted before the repair'}`,
    });
  else if (m.pods === 'pending') out.push({ topic: 'pods', ok: false, text: 'evicted pods Pending: not enough capacity left' });
  else if (m.pods === 'rescheduled') out.push({ topic: 'pods', ok: true, text: 'evicted pods rescheduled on the nodes left' });
  if (m.storage === 'waiting') out.push({ topic: 'storage', ok: false, text: `volumes degraded; rebuild starts at ${when('rebuild-start')}` });
  else if (m.storage === 'rebuilding')
    out.push({ topic: 'storage', ok: false, text: `storage rebuilding${when('rebuild-end') ? `; ends at ${when('rebuild-end')}` : ' until the repair'}` });
  else if (m.storage === 'restored') out.push({ topic: 'storage', ok: true, text: 'redundancy restored: every volume has all its copies' });
  else if (m.storage === 'repaired') out.push({ topic: 'storage', ok: true, text: 'replicas back with the repaired nodes' });
  if (m.repaired) out.push({ topic: 'repair', ok: true, text: `failed components repaired at ${repairAt}` });
  return out;
}
