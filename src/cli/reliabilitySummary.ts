import { hoursFigure as hours, probability as percent } from '../format/probability';
import { bytes } from '../format/units';
import type { Estimate, ReliabilityFigures } from '../models/reliability/reliabilityFigures';
import type { ReliabilityRun } from '../models/reliability/reliabilityRun';

/** "0.33 % (0.24–0.46 %, Monte Carlo)" or "3.6e-11 % (exact Markov)". */
export function withInterval(e: Estimate, fmt: (x: number) => string): string {
  return e.method === 'exact' ? `${fmt(e.value)} (exact Markov)` : `${fmt(e.value)} (${fmt(e.low)}–${fmt(e.high)}, Monte Carlo)`;
}

/** The planner's summary of a reliability run, for `plan reliability` without `--json`. */
export function formatReliability(planName: string, run: ReliabilityRun): string {
  const f: ReliabilityFigures = run.figures;
  const lines = [
    `Plan: ${planName}`,
    `Simulated ${f.trials} missions of ${f.missionYears[f.missionYears.length - 1]} years (${Math.round(f.componentYears).toLocaleString('en-US')} component-years), ${run.converged ? 'converged' : 'stopped at the trial budget'}; intervals are 95 %.`,
    `etcd (${f.members} members):`,
  ];
  f.missionYears.forEach((y, i) => lines.push(`  P(quorum lost within ${y} y): ${withInterval(f.quorumLossWithin[i], percent)}`));
  lines.push(`  hours per year without quorum: ${withInterval(f.quorumHoursPerYear, hours)}`);
  lines.push(`  hours per year without the API: ${withInterval(f.apiHoursPerYear, hours)}`);
  lines.push(
    `  API availability: ${f.nines === null ? `no outage seen, at least ${f.ninesAtLeast.toFixed(1)} nines` : `${f.nines.toFixed(1)} nines (at least ${f.ninesAtLeast.toFixed(1)})`}`,
  );
  lines.push('Storage:');
  f.missionYears.forEach((y, i) =>
    lines.push(`  P(any data lost within ${y} y): ${withInterval(f.dataLossWithin[i], percent)}; expected ${withInterval(f.bytesLostWithin[i], bytes)}`),
  );
  lines.push(`  hours per year with some volume unavailable: ${withInterval(f.unavailableHoursPerYear, hours)}`);
  lines.push('Workload capacity:');
  lines.push(
    `  P(short within 1 y): ${withInterval(f.capacityShortWithin[0], percent)}; hours per year short: ${withInterval(f.capacityShortHoursPerYear, hours)}`,
  );
  const top = f.topContributor;
  lines.push(
    `Biggest contributor: quorum ${top.quorum ?? '—'}, API ${top.api ?? '—'}, unavailable volumes ${top.unavailable ?? '—'}, capacity ${top.capacity ?? '—'}, data loss ${top.dataLoss ?? 'disk (exact)'}`,
  );
  lines.push('By component kind (per year): failures, component-hours down, node-hours down, p99 repair');
  for (const k of f.byKind) {
    if (k.count === 0) continue;
    lines.push(
      `  ${k.kind.padEnd(8)} ×${String(k.count).padEnd(5)} ${k.failuresPerYear.toPrecision(3).padStart(9)}  ${hours(k.downHoursPerYear).padStart(9)}  ${hours(k.nodeDownHoursPerYear).padStart(9)}  ${hours(k.repairP99Hours).padStart(7)}`,
    );
  }
  return lines.join('\n');
}
