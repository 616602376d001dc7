import { EngineFailure, StaleRequestError, type EngineBridge } from '../bridge/engineBridge';
import type { RollingUpgradeReport } from '../models/drills/rollingUpgrade';
import type { Plan } from '../plan/schema';

/**
 * The rolling-upgrade drill of the open plan: run in the worker pool (slot `upgrade`, so a newer
 * run cancels the older), the report kept raw (it is replaced whole, never edited).
 */
export class RollingUpgradeState {
  report = $state.raw<RollingUpgradeReport | null>(null);
  running = $state(false);
  error = $state<string | null>(null);
  /** The plan the report is for: the panel marks it out of date once the plan is edited. */
  planOf = $state.raw<Plan | null>(null);
  private seq = 0;

  constructor(private readonly engine: EngineBridge) {}

  async run(plan: Plan): Promise<void> {
    const seq = ++this.seq;
    this.running = true;
    this.error = null;
    try {
      this.report = await this.engine.pool.run('upgrade', { plan }, { slot: 'upgrade' });
      this.planOf = plan;
    } catch (e) {
      if (e instanceof StaleRequestError) return;
      this.error = e instanceof EngineFailure || e instanceof Error ? e.message : String(e);
    } finally {
      // A newer run owns the flag once it started.
      if (seq === this.seq) this.running = false;
    }
  }
}
