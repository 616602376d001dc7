import type { AnalyseArgs, Analysis, BaseMissing } from '../../workers/analyseJob';
import type { EngineJobs } from '../../workers/jobs';
import type { EvaluateOptions } from '../models/evaluate';
import type { ImportAnswers } from '../export/omni/importTemplate';
import type { PlanFormat } from '../plan/io';
import { planDelta, type PlanDelta } from '../plan/planDelta';
import type { Plan } from '../plan/schema';
import type { Report } from '../models/report';
import { StaleRequestError, WorkerPool, type JobProgress, type PoolOptions } from './workerPool';

export type { Analysis, JobProgress };
export { EngineFailure, StaleRequestError } from './workerPool';

/** Plan numbers are unique across bridges, so a worker can never apply one bridge's delta to another's plan. */
let nextVersion = 1;
const NO_CHANGE: PlanDelta = { changed: {}, removed: [] };
const isDocument = (x: unknown): x is Plan => typeof x === 'object' && x !== null && !Array.isArray(x);

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
  /** The plan last asked to be analysed, and its number. */
  private latest: { plan: Plan; version: number } | null = null;
  /**
   * The last plan whose analysis came back: the worker holds it, so the next delta is based on it.
   * (Analyses superseded since may never have reached the worker: the pool drops queued ones.)
   */
  private received: { plan: Plan; version: number } | null = null;
  /** The last report received whole (sections put back), and the worker's id for it. */
  private report: { id: string; report: Report } | null = null;

  constructor(factory: () => Worker = engineWorker, options: PoolOptions = {}) {
    this.pool = new WorkerPool<EngineJobs>(factory, options);
  }

  /**
   * Analyses a plan in the worker. After the first analysis only a delta travels (what changed
   * since the last plan whose analysis came back, compared by identity): structured-cloning a
   * 5,000-node plan for every edit cost the main thread tens of ms
   * each time. A worker that does not hold the delta's base (a fresh one, or another worker of
   * the pool) says so, and the plan is sent whole once.
   * The answer, too, leaves out the report sections equal to those of the last report received
   * (most of them after a small edit); they are put back here from that report, so the UI gets
   * whole reports whose unchanged sections keep their objects.
   */
  async analyse(plan: unknown, options: Partial<EvaluateOptions> = {}, onProgress?: (progress: JobProgress) => void): Promise<Analysis> {
    const known = this.report;
    const args = { ...this.analyseArgs(plan, options), known: known?.id };
    let answer: Analysis | BaseMissing = await this.pool.run('analyse', args, { slot: 'analyse', onProgress });
    if ('baseMissing' in answer) {
      // A newer analysis was asked for meanwhile: it owns the slot, and this one is stale.
      if (this.latest?.version !== args.version) throw new StaleRequestError();
      answer = await this.pool.run('analyse', { plan, version: args.version, options, known: known?.id }, { slot: 'analyse', onProgress });
      if ('baseMissing' in answer) throw new Error('the engine asked for a base it was just sent');
    }
    if (isDocument(plan) && args.version !== undefined) this.received = { plan, version: args.version };
    if (!answer.ok) return answer;
    const { reportId, unchanged = [], ...analysis } = answer;
    if (unchanged.length > 0) {
      if (!known) throw new Error('the engine left out sections of a report this side does not hold');
      const report = { ...analysis.report } as Record<keyof Report, unknown>;
      for (const key of unchanged) report[key] = known.report[key];
      analysis.report = report as Report;
    }
    if (reportId !== undefined) this.report = { id: reportId, report: analysis.report };
    return analysis;
  }

  private analyseArgs(plan: unknown, options: Partial<EvaluateOptions>): AnalyseArgs {
    if (!isDocument(plan)) {
      this.latest = null;
      return { plan, options };
    }
    const version = this.latest?.plan === plan ? this.latest.version : nextVersion++;
    this.latest = { plan, version };
    const base = this.received;
    if (!base) return { plan, version, options };
    return { delta: { base: base.version, changes: base.plan === plan ? NO_CHANGE : planDelta(base.plan, plan) }, version, options };
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
