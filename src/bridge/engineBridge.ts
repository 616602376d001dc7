import * as Comlink from 'comlink';
import type { Analysis, EngineApi } from '../../workers/engineApi';
import type { EvaluateOptions } from '../models/evaluate';
import type { PlanFormat } from '../plan/io';
import type { Plan } from '../plan/schema';

export type { Analysis };

/** Raised on the UI side when a newer request replaced this one. */
export class StaleRequestError extends Error {
  constructor() {
    super('superseded by a newer request');
    this.name = 'StaleRequestError';
  }
}

/**
 * The one typed bridge from the UI to the model worker. `analyse` is latest-wins: a new call
 * rejects the previous pending one with StaleRequestError at once and tells the worker to drop
 * it, so a burst of edits never queues stale work the user will not see
 * (the squoosh worker-bridge pattern).
 */
export class EngineBridge {
  private worker: Worker;
  private api: Comlink.Remote<EngineApi>;
  private nextId = 1;
  private pending: { id: number; reject: (e: Error) => void } | null = null;

  constructor(factory: () => Worker = () => new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' })) {
    this.worker = factory();
    this.api = Comlink.wrap<EngineApi>(this.worker);
  }

  analyse(plan: unknown, options: Partial<EvaluateOptions> = {}): Promise<Analysis> {
    const id = this.nextId++;
    if (this.pending) {
      const stale = this.pending;
      void this.api.cancel(stale.id);
      stale.reject(new StaleRequestError());
    }
    return new Promise<Analysis>((resolve, reject) => {
      this.pending = { id, reject };
      this.api.analyse(id, plan, options).then(
        (result) => {
          if (this.pending?.id !== id) return;
          this.pending = null;
          resolve(result);
        },
        (error: unknown) => {
          if (this.pending?.id !== id) return;
          this.pending = null;
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  readPlan(text: string, format: PlanFormat) {
    return this.api.readPlan(text, format);
  }

  writePlan(plan: Plan, format: PlanFormat): Promise<string> {
    return this.api.writePlan(plan, format);
  }

  dispose(): void {
    this.api[Comlink.releaseProxy]();
    this.worker.terminate();
  }
}
