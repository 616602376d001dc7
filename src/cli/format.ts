import type { Report } from '../models/report';
import { int, watts as kw } from '../format/units';

/** A planner's one-screen summary of a report, for `evaluate` without `--json`. */
export function formatSummary(report: Report): string {
  const p = report.physical;
  const lines = [
    `Plan: ${report.planName}`,
    `Nodes: ${int(p.totals.nodes)} (control plane ${p.nodesByRole.controlplane}, worker ${p.nodesByRole.worker}, storage ${p.nodesByRole.storage}) in ${p.totals.racks} racks`,
    `Space: ${p.totals.usedU} of ${p.totals.totalU} U used`,
    `Power: ${kw(p.totals.typicalW)} typical, ${kw(p.totals.peakW)} peak`,
  ];
  for (const s of p.sites) {
    lines.push(
      `  ${s.name}: ${s.racks} racks, ${s.usedU}/${s.totalU} U, ${kw(s.peakW)} peak of ${kw(s.feedCapacityW)} feed capacity, ${s.racksFailingFeedLoss} rack(s) not surviving a feed loss`,
    );
  }
  const failing = p.racks.filter((r) => r.power.verdict !== 'survives' && r.power.verdict !== 'provider-managed');
  if (failing.length > 0) {
    lines.push(`Racks that do not survive losing one power feed (${failing.length}):`);
    for (const r of failing.slice(0, 20)) lines.push(`  ${r.name}: ${r.power.reasons[0]}`);
    if (failing.length > 20) lines.push(`  … and ${failing.length - 20} more`);
  }
  return lines.join('\n');
}
