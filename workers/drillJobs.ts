import { chaosMeshExperiment } from '../src/models/drills/chaosMesh';
import { litmusExperiment } from '../src/models/drills/litmus';
import { rollingUpgrade, type RollingUpgradeReport } from '../src/models/drills/rollingUpgrade';
import type { DrillResult } from '../src/models/drills/drillResult';
import { sweepChunk, sweepScenarios, type SweepRow } from '../src/models/drills/sweep';
import { sweepBasis } from '../src/models/drills/sweepBasis';
import { drillTimeline } from '../src/models/drills/timeline';
import { evaluate } from '../src/models/evaluate';
import { DEGRADED, DOWN, resolveFailures, type FailureSet } from '../src/models/failures';
import type { Plan } from '../src/plan/schema';
import type { JobContext } from './jobRunner';

/** One drill: the plan evaluated after the failures, its timeline and its Chaos Mesh export. */
export function drillJob({ plan, failures, name, repairAtS }: { plan: Plan; failures: FailureSet; name: string; repairAtS?: number }): DrillResult {
  const report = evaluate(plan, { failures });
  const resolved = resolveFailures(plan, failures);
  const ids = (status: number) => plan.nodes.filter((_, i) => resolved.nodeStatus[i] === status).map((n) => n.id);
  return {
    marks: { downNodes: ids(DOWN), degradedNodes: ids(DEGRADED), downRacks: [...resolved.racksDown.keys()] },
    health: report.drill,
    timeline: drillTimeline(plan, report, repairAtS),
    unknown: report.failures?.unknown ?? [],
    chaos: chaosMeshExperiment(plan, failures, { name }),
    litmus: litmusExperiment(plan, failures, { name }),
  };
}

/** Scenarios to run per chunk between checkpoints: small enough to cancel quickly. */
const CHUNK = 200;

/**
 * One part of a sweep (`part` of `parts`, contiguous ranges): builds the basis once per worker
 * (cached per plan object), then runs its scenarios in chunks with progress and a checkpoint.
 */
export async function sweepJob(
  { plan, pairs, part, parts }: { plan: Plan; pairs: boolean; part: number; parts: number },
  job: JobContext,
): Promise<SweepRow[]> {
  const basis = sweepBasis(plan);
  const scenarios = sweepScenarios(basis, { pairs });
  const per = Math.ceil(scenarios.length / parts);
  const start = part * per;
  const end = Math.min(scenarios.length, start + per);
  const rows: SweepRow[] = [];
  for (let k = start; k < end; k += CHUNK) {
    rows.push(...sweepChunk(basis, scenarios, k, Math.min(end, k + CHUNK)));
    job.progress(Math.min(end, k + CHUNK) - start, end - start);
    await job.checkpoint();
  }
  return rows;
}

/** The rolling-upgrade drill: the plan's update strategy batch by batch, with health at each step. */
export function upgradeJob({ plan }: { plan: Plan }): RollingUpgradeReport {
  return rollingUpgrade(plan);
}
