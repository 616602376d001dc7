import { EngineFailure, StaleRequestError, type Analysis, type EngineBridge } from '../bridge/engineBridge';
import type { Plan } from '../plan/schema';

/**
 * The latest analysis of the open plan, computed in a worker. Results are `$state.raw`: they
 * are replaced whole and never made deeply reactive (a 5,000-node report is large). When the
 * engine fails, the last good results stay on screen marked stale, with the reason and a retry.
 */
export class AnalysisState {
  status = $state<'idle' | 'running' | 'done' | 'error'>('idle');
  result = $state.raw<Analysis | null>(null);
  /** The last valid analysis and the plan it describes, kept while the plan is invalid so panels do not blank out. */
  lastGood = $state.raw<(Extract<Analysis, { ok: true }> & { plan: Plan }) | null>(null);
  /** Why the last analysis gave no answer, in words the results pane shows. */
  error = $state<string | null>(null);
  /** How far the running analysis is, 0-1. */
  progress = $state(0);
  /** The plan the latest analysis was asked for: what `retry` analyses again. */
  private requested: Plan | null = null;

  constructor(private engine: EngineBridge) {}

  /** Analyses the last requested plan again (after the engine failed). */
  retry(): void {
    if (this.requested) void this.run(this.requested);
  }

  async run(plan: Plan): Promise<void> {
    this.requested = plan;
    this.status = 'running';
    this.progress = 0;
    try {
      const result = await this.engine.analyse(plan, {}, (p) => (this.progress = p.fraction));
      this.result = result;
      // A plan the worker found valid is the one we sent: plans in the document are already in
      // validated form (defaults filled), so panels can read this object without a copy back.
      if (result.ok) this.lastGood = { ...result, plan };
      this.status = 'done';
      this.error = null;
    } catch (e) {
      if (e instanceof StaleRequestError) return;
      this.status = 'error';
      this.error = e instanceof EngineFailure ? e.message : `the analysis failed: ${(e as Error).message}`;
    }
  }
}
