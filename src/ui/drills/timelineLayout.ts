import { scaleSymlog, type ScaleSymLog } from 'd3';
import type { TimelineEvent } from '../../models/drills/timeline';
import { placeRuleLabels, type RuleLabelOut } from '../charts/labelLayout';

/** Short names of the events for the chart; the full sentence is in each mark's title and the list. */
export const EVENT_LABEL: Record<TimelineEvent['kind'], string> = {
  failure: 'failure',
  'etcd-election': 'etcd election',
  'etcd-writes-resume': 'writes resume',
  'etcd-writes-stop': 'etcd writes stop',
  'not-ready': 'NotReady',
  eviction: 'eviction',
  rescheduled: 'rescheduled',
  pending: 'pods Pending',
  'rebuild-start': 'rebuild start',
  'rebuild-end': 'rebuild end',
  'redundancy-restored': 'redundancy restored',
  repair: 'repair',
};

/**
 * The time axis, s → px. A drill's events run from a one-second etcd election to a rebuild of
 * hours, so a linear axis would pile the first minute into one pixel: a symmetric log (linear
 * below 1 s, logarithmic above; d3's scaleSymlog) keeps both ends readable.
 */
export function timelineScale(endS: number, widthPx: number): ScaleSymLog<number, number> {
  return scaleSymlog()
    .constant(1)
    .domain([0, Math.max(1, endS)])
    .range([0, Math.max(1, widthPx)])
    .clamp(true);
}

/** Round times a planner reads at a glance, s: 0, 1 s, 10 s, 1 min, 5 min, 10 min, 30 min, 1 h … 30 d. */
const TICKS_S = [0, 1, 10, 60, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 2 * 86_400, 7 * 86_400, 30 * 86_400];

/** The round times inside the axis, dropping any closer than `minGapPx` to the last one kept. */
export function timeTicks(scale: ScaleSymLog<number, number>, minGapPx = 44): number[] {
  const end = scale.domain()[1];
  const out: number[] = [];
  for (const t of TICKS_S) {
    if (t > end) break;
    if (out.length === 0 || scale(t) - scale(out[out.length - 1]) >= minGapPx) out.push(t);
  }
  return out;
}

export interface EventMark extends RuleLabelOut {
  event: TimelineEvent;
  /** The event's position on the axis, px. */
  px: number;
  label: string;
}

/** Each event at its time, its label in the lowest row where it covers no other (`placeRuleLabels`). */
export function eventMarks(events: readonly TimelineEvent[], scale: ScaleSymLog<number, number>, widthPx: number): EventMark[] {
  const inputs = events.map((e) => ({ px: scale(e.atS), text: EVENT_LABEL[e.kind] }));
  return placeRuleLabels(inputs, widthPx).map((p, i) => ({ ...p, event: events[i], px: inputs[i].px, label: inputs[i].text }));
}

/** A round tick time in its natural unit: 0, 10 s, 5 min, 3 h, 2 d. */
export function tickLabel(t: number): string {
  if (t === 0) return '0';
  if (t < 60) return `${t} s`;
  if (t < 3600) return `${t / 60} min`;
  if (t < 86_400) return `${t / 3600} h`;
  return `${t / 86_400} d`;
}

/** A scrubber time to read beside the axis: tenths below 10 s (elections are sub-second), then `duration`'s units. */
export function scrubLabel(t: number, duration: (s: number) => string): string {
  return t < 10 ? `${+t.toFixed(1)} s` : duration(t);
}
