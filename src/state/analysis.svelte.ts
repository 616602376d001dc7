import { StaleRequestError, type Analysis, type EngineBridge } from '../bridge/engineBridge';
import type { Plan } from '../plan/schema';

/**
 * The latest analysis of the open plan, computed in the worker. Results are `$state.raw`: they
 * are replaced whole and never made deeply reactive (a 5,000-node report is large).
 */
export class AnalysisState {
  status = $state<'idle' | 'running' | 'done' | 'error'>('idle');
  result = $state.raw<Analysis | null>(null);
  /** The last valid analysis and the plan it describes, kept while the plan is invalid so panels do not blank out. */
  lastGood = $state.raw<(Extract<Analysis, { ok: true }> & { plan: Plan }) | null>(null);
  error = $state<string | null>(null);

  constructor(private engine: EngineBridge) {}

  async run(plan: Plan): Promise<void> {
    this.status = 'running';
    try {
      const result = await this.engine.analyse(plan);
      this.result = result;
      // A plan the worker found valid is the one we sent: plans in the document are already in
      // validated form (defaults filled), so panels can read this object without a copy back.
      if (result.ok) this.lastGood = { ...result, plan };
      this.status = 'done';
      this.error = null;
    } catch (e) {
      if (e instanceof StaleRequestError) return;
      this.status = 'error';
      this.error = (e as Error).message;
    }
  }
}
