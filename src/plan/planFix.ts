/**
 * A plan edit described as data: the remedy a finding offers. The advisor (a model) names it and
 * the editor carries it out as one undoable edit (`src/editor/actions/fixes.ts`); it lives in the
 * plan layer because models may not import the editor nor the editor the models.
 */
export type PlanFix =
  /** Move each node to its rack (the rule picked racks with room, read from the physical report). */
  | { kind: 'moveNodes'; label: string; moves: readonly { nodeId: string; rackId: string }[] }
  /** Add control-plane nodes of a hardware profile, one in each rack. */
  | { kind: 'addControlPlanes'; label: string; hardwareId: string; rackIds: readonly string[] }
  /** Label storage nodes `node-role.kubernetes.io/storage=` and taint them NoSchedule. */
  | { kind: 'dedicateStorageNodes'; label: string; nodeIds: readonly string[] }
  /** Set each node's `topology.kubernetes.io/zone` to its rack id (Longhorn's zone = rack). */
  | { kind: 'zoneByRack'; label: string; nodeIds: readonly string[] }
  /** Set one cluster setting (a path under `plan.cluster`). */
  | { kind: 'setting'; label: string; path: readonly string[]; value: boolean | number | string };
