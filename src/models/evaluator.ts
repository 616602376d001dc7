import type { Plan } from '../plan/schema';
import { DEFAULT_EVALUATE_OPTIONS, reportSections, type EvaluateOptions, type EvaluationMemo, type ReportSection } from './evaluate';
import { advise } from './advisor/advise';
import type { ModelReport, Report } from './report';

type SectionThunks = { [K in ReportSection]: () => ModelReport[K] };

/**
 * What a section reads, as a list compared element by element with `Object.is`. Plans are
 * immutable and edits copy only the path they change, so an unchanged part keeps its identity
 * and identity is a free cache key. Every key holds the options, the failure set and every
 * top-level part of the plan but its name and nodes (settings, hardware, locations: they change
 * rarely); sections then differ in which nodes they read:
 * - control plane: the control-plane nodes (with their index) and the node counts by role
 *   (etcd load and sizing count workers, they do not look at them);
 * - storage, for replicated providers with storage nodes: those nodes (with their index) and the
 *   node count (rebalancing appends nodes after the last);
 * - every other section, and every section under a failure set (a feed loss trips breakers by
 *   the load of every node in the rack): all nodes.
 */
export function sectionKeys(plan: Plan, options: EvaluateOptions): Record<ReportSection, () => unknown[]> {
  const common: unknown[] = [options.seed, JSON.stringify(options.failures ?? null)];
  for (const key of Object.keys(plan).sort()) {
    if (key !== 'nodes' && key !== 'name') common.push(key, (plan as unknown as Record<string, unknown>)[key]);
  }
  const failing = (options.failures?.components.length ?? 0) + (options.failures?.degradations?.length ?? 0) > 0;
  const allNodes = () => [...common, plan.nodes];
  const nodesWhere = (keep: (node: Plan['nodes'][number]) => boolean) => {
    const out: unknown[] = [...common, plan.nodes.length];
    const counts = { controlplane: 0, worker: 0, storage: 0 };
    plan.nodes.forEach((node, index) => {
      counts[node.role] += 1;
      if (keep(node)) out.push(node, index);
    });
    out.push(counts.controlplane, counts.worker, counts.storage);
    return out;
  };
  const storage = () => {
    const provider = plan.cluster.storage.provider;
    if (failing || provider === 'none' || provider === 'local-path') return allNodes();
    const dataProfiles = new Set(plan.hardware.filter((h) => h.disks.some((d) => d.purpose === 'data')).map((h) => h.id));
    // With no storage node holding data disks, replicated providers fall back to any node with data disks.
    if (!plan.nodes.some((n) => n.role === 'storage' && dataProfiles.has(n.hardwareId))) return allNodes();
    return nodesWhere((n) => n.role === 'storage');
  };
  return {
    physical: allNodes,
    network: allNodes,
    controlPlane: () => (failing ? allNodes() : nodesWhere((n) => n.role === 'controlplane')),
    storage,
    workload: allNodes,
    failures: allNodes,
    drill: allNodes,
  };
}

const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * An `evaluate` that remembers each section's last inputs and result, and recomputes a section
 * only when what it reads changed (see `sectionKeys`): moving a worker re-runs the physical,
 * network and workload sections but not CRUSH placement nor the commit-latency Monte Carlo.
 * Within a section it recomputes, commit-latency draws are reused when their numbers are equal
 * (`EvaluationMemo`). Its reports equal `evaluate(plan, options)` (a property test checks it on
 * generated edits).
 * One evaluator per worker: its memory is one report.
 */
export function createEvaluator() {
  const last = new Map<ReportSection, { key: unknown[]; value: unknown }>();
  const kept: EvaluationMemo = { commitLatency: new Map() };
  let computed: ReportSection[] = [];
  const sections = (plan: Plan, options: Partial<EvaluateOptions> = {}): SectionThunks => {
    const opts = { ...DEFAULT_EVALUATE_OPTIONS, ...options, memo: kept };
    const thunks = reportSections(plan, opts);
    const keys = sectionKeys(plan, opts);
    const memo = {} as Record<ReportSection, () => unknown>;
    for (const name of Object.keys(thunks) as ReportSection[]) {
      memo[name] = () => {
        const key = keys[name]();
        const hit = last.get(name);
        if (hit && sameKey(hit.key, key)) return hit.value;
        const value = thunks[name]();
        computed.push(name);
        last.set(name, { key, value });
        return value;
      };
    }
    return memo as SectionThunks;
  };
  return {
    /** Memoised thunks, one per section, for callers that run sections as chunks (the analyse job). */
    sections,
    evaluate(plan: Plan, options: Partial<EvaluateOptions> = {}): Report {
      const s = sections(plan, options);
      const models = { planName: plan.name } as ModelReport;
      for (const name of Object.keys(s) as ReportSection[]) (models as unknown as Record<ReportSection, unknown>)[name] = s[name]();
      // The advisor only reads the sections, so it is not memoised: it is cheap next to them.
      return { ...models, ...advise(plan, models) };
    },
    /** The sections recomputed since the last call (for tests and the benchmark). */
    takeComputed(): ReportSection[] {
      const out = computed;
      computed = [];
      return out;
    },
  };
}

export type Evaluator = ReturnType<typeof createEvaluator>;
