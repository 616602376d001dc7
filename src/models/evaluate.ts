import type { Plan, PlanAssumptions, StorageSettings } from '../plan/schema';
import { STORAGE_ASSUMPTIONS, storageDefaults, type StorageAssumptions } from './storage/assumptions';
import { physicalCapacity } from './physical/physicalCapacity';
import { networkReport } from './network/networkReport';
import { controlPlaneReport } from './controlPlane/controlPlaneReport';
import type { CommitLatencyMemo } from './controlPlane/commitLatency';
import { storageReport } from './storage/storageReport';
import { componentId, resolveFailures, unknownComponents, type FailureSet } from './failures';
import { workloadCapacity } from './workload/workloadCapacity';
import { drillHealth } from './drills/drillHealth';
import type { ModelReport, Report } from './report';
import { advise } from './advisor/advise';

export interface EvaluateOptions {
  /** Seed for every sampled model (storage placement, drills), so the same plan and seed give the same report. */
  seed: number;
  /**
   * A failure set: the report is then also the plan as it would be after those failures (each
   * section's `afterFailures`, and `drill`, the health in operators' words). An empty set is no set.
   */
  failures?: FailureSet;
  /**
   * Results an incremental evaluator (`createEvaluator`) keeps across plans, reused where their
   * inputs are equal; a plain `evaluate` has none and computes everything.
   */
  memo?: EvaluationMemo;
}

/** What `createEvaluator` remembers beyond whole sections: commit-latency draws by their numbers. */
export interface EvaluationMemo {
  commitLatency: CommitLatencyMemo;
}

export const DEFAULT_EVALUATE_OPTIONS: EvaluateOptions = { seed: 1 };

/** The report's sections, computed one at a time (a cancellable job checks in between them). */
export type ReportSection = Exclude<keyof ModelReport, 'planName'>;

/**
 * One thunk per report section, in the order `evaluate` runs them. Each thunk is a chunk of work
 * a worker job can run and then yield after, so a newer request can cancel it between sections.
 */
export function reportSections(plan: Plan, options: Partial<EvaluateOptions> = {}): { [K in ReportSection]: () => ModelReport[K] } {
  const opts = { ...DEFAULT_EVALUATE_OPTIONS, ...options };
  const failures = opts.failures && opts.failures.components.length + (opts.failures.degradations?.length ?? 0) > 0 ? opts.failures : undefined;
  const resolved = failures ? resolveFailures(plan, failures) : undefined;
  return {
    physical: () => physicalCapacity(plan, resolved),
    network: () => networkReport(plan, resolved),
    controlPlane: () =>
      controlPlaneReport(plan, {
        assumptions: plan.assumptions?.controlPlane,
        resolved,
        latencyMemo: opts.memo?.commitLatency,
      }),
    storage: () => storageReport(plan, { seed: opts.seed, assumptions: storageAssumptions(plan.assumptions?.storage, plan.cluster.storage) }, failures),
    workload: () => workloadCapacity(plan, resolved),
    failures: () => (failures ? { components: failures.components.map(componentId), unknown: unknownComponents(plan, failures) } : null),
    drill: () => (failures ? drillHealth(plan, failures, { seed: opts.seed }) : null),
  };
}

/** Runs every model on a valid plan. Pure: the same plan and options give the same report, in a worker, a test or the CLI. */
export function evaluate(plan: Plan, options: Partial<EvaluateOptions> = {}): Report {
  const sections = reportSections(plan, options);
  const models: ModelReport = {
    planName: plan.name,
    physical: sections.physical(),
    network: sections.network(),
    controlPlane: sections.controlPlane(),
    storage: sections.storage(),
    workload: sections.workload(),
    failures: sections.failures(),
    drill: sections.drill(),
  };
  return { ...models, ...advise(plan, models) };
}

/** The plan's storage overrides on top of the defaults; the two records merge key by key. */
export function storageAssumptions(overrides: PlanAssumptions['storage'], storage?: StorageSettings): StorageAssumptions | undefined {
  if (!overrides) return undefined;
  // The defaults of the plan's provider release (Ceph mClock shares, Longhorn stream rate) under the overrides.
  const base = storage ? storageDefaults(storage) : STORAGE_ASSUMPTIONS;
  const { mclockRecoveryShare, diskBandwidthMBps, ...flat } = overrides;
  return {
    ...base,
    ...flat,
    mclockRecoveryShare: { ...base.mclockRecoveryShare, ...mclockRecoveryShare },
    diskBandwidthMBps: { ...base.diskBandwidthMBps, ...diskBandwidthMBps },
  };
}
