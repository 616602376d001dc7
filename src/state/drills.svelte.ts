import { EngineFailure, StaleRequestError, type EngineBridge } from '../bridge/engineBridge';
import { rankSweep, type SweepRow } from '../models/drills/sweep';
import { parseComponentId, type FailedComponent } from '../models/failures';
import type { Plan } from '../plan/schema';
import type { DrillResult } from '../models/drills/drillResult';

/**
 * The drill the user is building and the last sweep: which components are failed, the worker's
 * answer for them, and a sweep's progress and ranked rows. Models run in the worker pool (slots
 * `drill` and `sweep`); a newer drill or sweep cancels the older one.
 */
export class DrillState {
  /** Component ids (`rack:R2`) in the order the user failed them. */
  failed = $state<string[]>([]);
  result = $state.raw<DrillResult | null>(null);
  running = $state(false);
  error = $state<string | null>(null);
  sweepRows = $state.raw<SweepRow[] | null>(null);
  sweepProgress = $state<number | null>(null);
  sweepError = $state<string | null>(null);
  private sweepAbort: AbortController | null = null;

  constructor(private readonly engine: EngineBridge) {}

  /** Adds a component id; returns the parse error instead when it is not one. */
  fail(id: string): string | null {
    const c = parseComponentId(id.trim());
    if ('error' in c) return c.error;
    if (!this.failed.includes(id.trim())) this.failed = [...this.failed, id.trim()];
    return null;
  }

  unfail(id: string): void {
    this.failed = this.failed.filter((x) => x !== id);
  }

  toggle(id: string): void {
    if (this.failed.includes(id)) this.unfail(id);
    else this.fail(id);
  }

  clear(): void {
    this.failed = [];
    this.result = null;
  }

  async run(plan: Plan): Promise<void> {
    const components = this.failed.map(parseComponentId).filter((c): c is FailedComponent => !('error' in c));
    if (components.length === 0) { this.result = null; return; }
    this.running = true;
    this.error = null;
    try {
      this.result = await this.engine.pool.run('drill', { plan, failures: { components }, name: this.failed.join(' ') }, { slot: 'drill' });
    } catch (e) {
      if (e instanceof StaleRequestError) return;
      this.error = e instanceof EngineFailure || e instanceof Error ? e.message : String(e);
    } finally {
      this.running = false;
    }
  }

  /** Runs the sweep over every worker of the pool, with progress; `cancelSweep` stops it. */
  async sweep(plan: Plan, pairs: boolean): Promise<void> {
    this.sweepAbort?.abort();
    const abort = new AbortController();
    this.sweepAbort = abort;
    this.sweepProgress = 0;
    this.sweepError = null;
    const parts = Math.max(1, this.engine.pool.size);
    try {
      const chunks = await this.engine.pool.map('sweep', Array.from({ length: parts }, (_, part) => ({ plan, pairs, part, parts })), {
        slot: 'sweep', signal: abort.signal, onProgress: ({ fraction }) => (this.sweepProgress = fraction),
      });
      this.sweepRows = rankSweep(chunks.flat());
    } catch (e) {
      if (!(e instanceof StaleRequestError)) this.sweepError = e instanceof Error ? e.message : String(e);
    } finally {
      if (this.sweepAbort === abort) { this.sweepProgress = null; this.sweepAbort = null; }
    }
  }

  cancelSweep(): void {
    this.sweepAbort?.abort();
  }
}
