import type { Analysis } from '../../workers/analyseJob';
import type { EngineJobs } from '../../workers/jobs';
import type { EvaluateOptions } from '../models/evaluate';
import type { ImportAnswers } from '../export/omni/importTemplate';
import type { PlanFormat } from '../plan/io';
import type { Plan } from '../plan/schema';
import { WorkerPool, type JobProgress, type PoolOptions } from './workerPool';

export type { Analysis, JobProgress };
export { EngineFailure, StaleRequestError } from './workerPool';

/** Starts one engine worker (Vite bundles `workers/engine.worker.ts` from this URL). */
export const engineWorker = () => new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' });

/**
 * The one typed bridge from the UI to the engine workers. `analyse` is latest-wins in the
 * `analyse` slot: a new call rejects the previous one with StaleRequestError at once, and the
 * previous job stops in its worker within one report section (the squoosh worker-bridge
 * pattern). Other model jobs (drills, sweeps, simulations) use `pool` directly with their own slot.
 */
export class EngineBridge {
  readonly pool: WorkerPool<EngineJobs>;

  constructor(factory: () => Worker = engineWorker, options: PoolOptions = {}) {
    this.pool = new WorkerPool<EngineJobs>(factory, options);
  }

  analyse(plan: unknown, options: Partial<EvaluateOptions> = {}, onProgress?: (progress: JobProgress) => void): Promise<Analysis> {
    return this.pool.run('analyse', { plan, options }, { slot: 'analyse', onProgress });
  }

  readPlan(text: string, format: PlanFormat) {
    return this.pool.run('readPlan', { text, format });
  }

  writePlan(plan: Plan, format: PlanFormat): Promise<string> {
    return this.pool.run('writePlan', { plan, format });
  }

  encodeSharedPlan(plan: Plan): Promise<string> {
    return this.pool.run('encodeSharedPlan', { plan });
  }

  decodeSharedPlan(payload: string) {
    return this.pool.run('decodeSharedPlan', { payload });
  }

  /** The Omni cluster template of a plan (latest-wins: a newer request supersedes it). */
  omniExport(plan: Plan) {
    return this.pool.run('omniExport', { plan }, { slot: 'omniExport' });
  }

  /**
   * The export's Talos patches checked against its version's schema (latest-wins). The first call
   * downloads the schema and has Ajv compile it, silent work that can take seconds on a busy
   * machine, so the stall limit is longer than for model jobs.
   */
  omniTalosCheck(plan: Plan) {
    return this.pool.run('omniTalosCheck', { plan }, { slot: 'omniTalosCheck', stallMs: 60_000 });
  }

  /** Reads an Omni template and builds the plan the answers describe (latest-wins). */
  omniImport(text: string, answers: Omit<ImportAnswers, 'readFile'>) {
    return this.pool.run('omniImport', { text, answers }, { slot: 'omniImport' });
  }

  dispose(): void {
    this.pool.dispose();
  }
}
