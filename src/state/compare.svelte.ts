import { EngineFailure, StaleRequestError, type EngineBridge, type JobProgress } from '../bridge/engineBridge';
import type { Plan } from '../plan/schema';
import type { Comparison } from '../../workers/compareJob';
import type { PlanStore } from './planStore';

export type { Comparison };

/** What the open plan is compared with: another plan in this browser, or one of its own saved versions. */
export type CompareSource = { kind: 'plan'; id: string } | { kind: 'version'; key: number };

/** Which plan is which in a comparison, as the dialog names its columns. */
export interface CompareSides {
  a: string;
  b: string;
}

/**
 * One comparison of the open plan with a saved plan or version. Both headlines are computed in
 * the worker pool (job `comparePlans`, slot `compare`: a newer comparison cancels the older one);
 * nothing here writes to the store or the document, so comparing never changes either plan.
 */
export class CompareState {
  status = $state<'idle' | 'running' | 'done' | 'error'>('idle');
  progress = $state(0);
  result = $state.raw<Comparison | null>(null);
  sides = $state.raw<CompareSides | null>(null);
  error = $state<string | null>(null);
  private abort: AbortController | null = null;

  constructor(
    private readonly engine: EngineBridge,
    private readonly store: PlanStore,
  ) {}

  /** The stored plan a source names (read only), or null when it is gone. */
  async load(source: CompareSource): Promise<Plan | null> {
    if (source.kind === 'plan') return (await this.store.get(source.id))?.plan ?? null;
    return (await this.store.version(source.key)) ?? null;
  }

  /**
   * Compares `other` (column a, the baseline: "before") with the open plan (column b, "now"), or
   * the other way round when `swap` is set, so "added" and "moved" read in the chosen direction.
   */
  async run(open: Plan, openLabel: string, source: CompareSource, otherLabel: string, swap = false): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.status = 'running';
    this.progress = 0;
    this.error = null;
    this.result = null;
    try {
      const other = await this.load(source);
      if (abort.signal.aborted) return;
      if (!other) throw new Error(`${otherLabel} is no longer stored in this browser`);
      const [a, b] = swap ? [open, other] : [other, open];
      this.sides = swap ? { a: openLabel, b: otherLabel } : { a: otherLabel, b: openLabel };
      this.result = await this.engine.pool.run(
        'comparePlans',
        { a, b },
        {
          slot: 'compare',
          signal: abort.signal,
          onProgress: (p: JobProgress) => (this.progress = p.fraction),
        },
      );
      this.status = 'done';
    } catch (e) {
      if (e instanceof StaleRequestError || abort.signal.aborted) return;
      this.status = 'error';
      this.error = e instanceof EngineFailure || e instanceof Error ? e.message : String(e);
    }
  }

  /** Stops a running comparison and forgets the last one (the dialog closed). */
  close(): void {
    this.abort?.abort();
    this.abort = null;
    this.status = 'idle';
    this.result = null;
    this.sides = null;
    this.error = null;
  }
}
