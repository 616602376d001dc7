import type { PhysicalReport } from './physical/physicalCapacity';
import type { NetworkReport } from './network/networkReport';
import type { ControlPlaneReport } from './controlPlane/controlPlaneReport';
import type { StorageReport } from './storage/storageReport';
import type { WorkloadCapacityReport } from './workload/workloadCapacity';
import type { DrillHealth } from './drills/health';
import type { Finding } from './finding';
import type { GuidanceItem } from './advisor/rule';

/**
 * Everything the models say about one plan. Each section is produced by one model family and
 * carries its units in its field names. Later capabilities add sections here and in `evaluate`.
 */
export interface Report {
  planName: string;
  physical: PhysicalReport;
  network: NetworkReport;
  controlPlane: ControlPlaneReport;
  storage: StorageReport;
  workload: WorkloadCapacityReport;
  /** The failure set `evaluate` was given, as component ids, and any the plan does not have (null without one). */
  failures: { components: string[]; unknown: string[] } | null;
  /** The drill's health in operators' words (null without a failure set). */
  drill: DrillHealth | null;
  /**
   * Every finding about the plan, most severe first: the advisor's reference-architecture rules
   * and each model family's own findings (`src/models/advisor/advise.ts`).
   */
  findings: Finding[];
  /** The reference architecture's guidance a plan cannot break, with the plan's answer to each. */
  guidance: GuidanceItem[];
}

/** The model sections of a report, which the advisor reads. */
export type ModelReport = Omit<Report, 'findings' | 'guidance'>;
