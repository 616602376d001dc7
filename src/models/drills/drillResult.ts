import type { ChaosExperiment } from './chaosMesh';
import type { DrillHealth } from './health';
import type { LitmusExperiment } from './litmus';
import type { DrillTimeline } from './timeline';

/** What a drill job answers: the health, the timeline and the Chaos Mesh export of one failure set. */
export interface DrillResult {
  health: DrillHealth | null;
  timeline: DrillTimeline;
  /** Component ids the plan does not have, with why. */
  unknown: string[];
  chaos: ChaosExperiment;
  /** The same drill as LitmusChaos ChaosEngines. */
  litmus: LitmusExperiment;
  /** Node and rack ids the drill takes down or degrades, for marking the rack view. */
  marks: { downNodes: string[]; degradedNodes: string[]; downRacks: string[] };
}
