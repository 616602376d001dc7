import { StaleRequestError, type EngineBridge } from '../bridge/engineBridge';
import type { ReliabilityFigures } from '../models/reliability/reliabilityFigures';
import type { ReliabilityRun } from '../models/reliability/reliabilityRun';
import { emptyPartial, mergePartials, type SimPartial } from '../models/reliability/simulate';
import { reliabilityVariants } from '../models/reliability/variants';
import type { Plan } from '../plan/schema';

export type SimulationStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface CompareColumn {
  id: string;
  label: string;
  run: ReliabilityRun;
}

/** Trials per chunk (one checkpoint each) and chunks per round (one summary and convergence check each). */
const CHUNK_TRIALS = 250;
const CHUNKS_PER_ROUND = 8;

/**
 * The reliability simulation of the open plan, run in the engine's worker pool: rounds of trial
 * chunks fanned out over the workers (chunk k always draws the same stream, so the figures do not
 * depend on how many workers ran them), summed here, then summarised in a worker with the exact
 * chains until the intervals are tight or the trial budget is spent. Cancel stops the workers
 * within one chunk and keeps the figures so far. Results are `$state.raw`: replaced whole.
 */
export class ReliabilitySimulation {
  status = $state<SimulationStatus>('idle');
  /** 0-1 of the trial budget. */
  progress = $state(0);
  trials = $state(0);
  converged = $state(false);
  figures = $state.raw<ReliabilityFigures | null>(null);
  /** The plan the figures describe (a run of another plan replaces them). */
  plan = $state.raw<Plan | null>(null);
  error = $state<string | null>(null);
  maxTrials = $state(20_000);
  seed = $state(1);

  compareStatus = $state<SimulationStatus>('idle');
  compareProgress = $state(0);
  columns = $state.raw<CompareColumn[] | null>(null);

  private abort: AbortController | null = null;
  private compareAbort: AbortController | null = null;

  constructor(private engine: EngineBridge) {}

  async run(plan: Plan): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const pool = this.engine.pool;
    const budget = this.maxTrials;
    const seed = this.seed;
    this.status = 'running';
    this.progress = 0;
    this.trials = 0;
    this.converged = false;
    this.error = null;
    this.plan = plan;
    this.figures = null;
    let total: SimPartial | null = null;
    let chunk = 0;
    try {
      while ((total?.trials ?? 0) < budget) {
        const done = total?.trials ?? 0;
        const chunks = Math.min(CHUNKS_PER_ROUND, Math.ceil((budget - done) / CHUNK_TRIALS));
        const parts = Math.min(pool.size, chunks);
        const args = Array.from({ length: parts }, (_, i) => {
          const from = Math.floor((i * chunks) / parts);
          const to = Math.floor(((i + 1) * chunks) / parts);
          const trials = Math.min((to - from) * CHUNK_TRIALS, budget - done - from * CHUNK_TRIALS);
          return { plan, seed, firstChunk: chunk + from, chunks: to - from, chunkTrials: CHUNK_TRIALS, trials };
        });
        const roundTrials = chunks * CHUNK_TRIALS;
        const partials = await pool.map('reliabilityTrials', args, {
          slot: 'reliability',
          signal: abort.signal,
          onProgress: (p) => {
            this.progress = Math.min(1, (done + p.fraction * roundTrials) / budget);
          },
        });
        chunk += chunks;
        // Merging adds counts and sums; the figures themselves are computed in a worker below.
        total ??= emptyPartial(partials[0].quorumLossWithin.length);
        for (const part of partials) mergePartials(total, part);
        this.trials = total.trials;
        this.progress = Math.min(1, total.trials / budget);
        const summary = await pool.run('reliabilitySummary', { plan, partial: total }, { slot: 'reliability-summary', signal: abort.signal });
        this.figures = summary.figures;
        this.converged = summary.converged;
        if (summary.converged) break;
      }
      this.progress = 1;
      this.status = 'done';
    } catch (e) {
      if (e instanceof StaleRequestError) {
        if (this.abort === abort) this.status = 'cancelled';
        return;
      }
      this.status = 'error';
      this.error = (e as Error).message;
    }
  }

  cancel(): void {
    this.abort?.abort();
  }

  /** Runs every variant of `reliabilityVariants` for a fixed budget, one per worker, side by side. */
  async compare(plan: Plan, trials = 4000): Promise<void> {
    this.compareAbort?.abort();
    const abort = (this.compareAbort = new AbortController());
    const variants = reliabilityVariants(plan);
    this.compareStatus = 'running';
    this.compareProgress = 0;
    this.columns = null;
    try {
      const runs = await this.engine.pool.map(
        'reliabilityVariant',
        variants.map((v) => ({ plan: v.plan, seed: this.seed, trials, chunkTrials: CHUNK_TRIALS })),
        {
          slot: 'reliability-compare',
          signal: abort.signal,
          onProgress: (p) => {
            this.compareProgress = p.fraction;
          },
        },
      );
      this.columns = variants.map((v, i) => ({ id: v.id, label: v.label, run: runs[i] }));
      this.compareStatus = 'done';
    } catch (e) {
      if (e instanceof StaleRequestError) {
        if (this.compareAbort === abort) this.compareStatus = 'cancelled';
        return;
      }
      this.compareStatus = 'error';
      this.error = (e as Error).message;
    }
  }

  cancelCompare(): void {
    this.compareAbort?.abort();
  }
}
