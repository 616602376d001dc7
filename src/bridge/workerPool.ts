import * as Comlink from 'comlink';
import type { JobEvent, JobRunner, JobTable } from '../../workers/jobRunner';

/** Raised on the UI side when a newer job took this one's slot, or the caller cancelled it. */
export class StaleRequestError extends Error {
  constructor(message = 'superseded by a newer request') {
    super(message);
    this.name = 'StaleRequestError';
  }
}

/** Why the engine could not give an answer: the job threw, the worker died, or it went silent. */
export type EngineFailureReason = 'threw' | 'crashed' | 'stalled';

/** A job that failed for a reason the user should see (and can retry); never a superseded one. */
export class EngineFailure extends Error {
  constructor(
    readonly reason: EngineFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'EngineFailure';
  }
}

export interface PoolOptions {
  /** Workers to run at most; default: the machine's cores less one (the UI's), at least one. */
  size?: number;
  /** A job whose worker sends nothing (no progress, no checkpoint, no result) for this long has failed, ms. */
  stallMs?: number;
  /** A cancelled job that has not reached a checkpoint after this long has its worker terminated, ms. */
  cancelGraceMs?: number;
}

export interface RunOptions {
  /**
   * Latest-wins slot (e.g. `analyse`, `drill`, `sweep`, `simulation`): a new job in a slot cancels
   * the one before it, which rejects at once with StaleRequestError and stops in its worker.
   */
  slot?: string;
  /** Progress over the whole job (every part of a `map`), called on the UI thread. */
  onProgress?: (progress: JobProgress) => void;
  /** Aborting cancels the job like a newer job in its slot would. */
  signal?: AbortSignal;
  /** Overrides the pool's `stallMs` for this job. */
  stallMs?: number;
}

export interface JobProgress {
  /** Units of work done and known so far, summed over parts. */
  done: number;
  total: number;
  /** Mean of each part's done/total, 0-1 (a part that has not reported counts as 0). */
  fraction: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ArgsOf<F> = F extends (args: infer A, ...rest: any[]) => unknown ? A : never;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ResultOf<F> = F extends (...rest: any[]) => infer R ? Awaited<R> : never;

interface Group {
  slot: string | undefined;
  tasks: Task[];
  results: unknown[];
  remaining: number;
  parts: { done: number; total: number }[];
  onProgress: ((progress: JobProgress) => void) | undefined;
  stallMs: number;
  resolve: (results: unknown[]) => void;
  reject: (error: Error) => void;
  done: boolean;
}

interface Task {
  id: number;
  name: string;
  args: unknown;
  part: number;
  group: Group;
  handle: Handle | null;
  settled: boolean;
}

interface Handle {
  worker: Worker;
  api: Comlink.Remote<JobRunner>;
  task: Task | null;
  stallTimer: ReturnType<typeof setTimeout> | undefined;
  /** Cancelled jobs still winding down in this worker, each with the timer that terminates the worker if it does not stop. */
  draining: Map<Task, ReturnType<typeof setTimeout>>;
}

const defaultSize = () => Math.max(1, ((globalThis.navigator?.hardwareConcurrency as number | undefined) ?? 2) - 1);

/**
 * A pool of model workers running named jobs (the job table in `workers/jobs.ts`), typed from that
 * table. One job runs per worker at a time; jobs queue for a free worker; workers start lazily.
 *
 * - **Latest wins per slot.** `run(name, args, { slot })` rejects the slot's previous job at once
 *   with StaleRequestError and sends its worker `cancel`; the job stops at its next
 *   `job.checkpoint()` (within one chunk) and the worker, with its caches, serves the next job,
 *   which is sent right behind the cancel. A job that does not reach a checkpoint within
 *   `cancelGraceMs` has its worker terminated and a fresh one started (models are pure, so
 *   nothing is lost but caches); a job sent behind it runs again on the fresh worker.
 * - **Failures are errors, never silence.** A job that throws rejects with EngineFailure
 *   `threw`; a worker that dies (script error, failed load) with `crashed`; a worker that sends
 *   nothing for `stallMs` is terminated and the job rejects with `stalled`. Callers show the
 *   message and offer a retry; the next job gets a fresh worker.
 * - **Fan-out.** `map(name, argsList)` runs one job per element on as many workers as are free
 *   and resolves with the results in order; progress is summed over parts; a failure or cancel of
 *   one part cancels them all.
 *
 * @example
 * // workers/jobs.ts: register a chunked job (the worker serves the table with serveJobs).
 * export const ENGINE_JOBS = {
 *   monteCarlo: async ({ plan, seed, trials }: { plan: Plan; seed: number; trials: number }, job: JobContext) => {
 *     let failures = 0;
 *     for (let done = 0; done < trials; done += 1000) {
 *       failures += simulateTrials(plan, seed + done, Math.min(1000, trials - done)); // one chunk
 *       job.progress(done + 1000, trials);
 *       await job.checkpoint(); // yields; throws CancelledError if a newer job took the slot
 *     }
 *     return failures;
 *   },
 * };
 *
 * // UI side (state): one job with progress, cancelled by the next one in its slot.
 * const pool = new WorkerPool<EngineJobs>(engineWorker);
 * const failures = await pool.run('monteCarlo', { plan, seed: 1, trials: 100_000 }, {
 *   slot: 'simulation',
 *   onProgress: ({ fraction }) => (this.progress = fraction),
 * });
 *
 * // Fan out: split the trials into one part per worker, then combine.
 * const seeds = Array.from({ length: pool.size }, (_, i) => ({ plan, seed: 1 + i * 1e6, trials: 100_000 / pool.size }));
 * const parts = await pool.map('monteCarlo', seeds, { slot: 'simulation', onProgress });
 * const total = parts.reduce((a, b) => a + b, 0);
 *
 * // Either rejects with StaleRequestError when superseded (ignore it) or EngineFailure (show it).
 */
export class WorkerPool<J extends JobTable> {
  readonly size: number;
  private readonly stallMs: number;
  private readonly cancelGraceMs: number;
  private readonly handles: Handle[] = [];
  private readonly queue: Task[] = [];
  private readonly slots = new Map<string, Group>();
  private nextId = 1;
  private disposed = false;

  constructor(
    private readonly factory: () => Worker,
    options: PoolOptions = {},
  ) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultSize()));
    this.stallMs = options.stallMs ?? 10_000;
    // Longer than a report section takes on a busy machine, so a cancelled analysis normally stops
    // at its own checkpoint and its worker keeps its caches; only a job stuck in one chunk is killed.
    this.cancelGraceMs = options.cancelGraceMs ?? 1_000;
  }

  /** Runs one job; resolves with its result. See the class comment for slots and failures. */
  run<K extends keyof J & string>(name: K, args: ArgsOf<J[K]>, options: RunOptions = {}): Promise<ResultOf<J[K]>> {
    return this.map(name, [args], options).then((results) => results[0]);
  }

  /** Runs one job per element of `argsList` across the pool's workers; resolves with the results in order. */
  map<K extends keyof J & string>(name: K, argsList: ArgsOf<J[K]>[], options: RunOptions = {}): Promise<ResultOf<J[K]>[]> {
    if (this.disposed) return Promise.reject(new StaleRequestError('the engine was shut down'));
    if (options.slot) this.cancel(options.slot);
    if (options.signal?.aborted) return Promise.reject(new StaleRequestError('cancelled'));
    return new Promise<ResultOf<J[K]>[]>((resolve, reject) => {
      const group: Group = {
        slot: options.slot,
        tasks: [],
        results: new Array(argsList.length),
        remaining: argsList.length,
        parts: argsList.map(() => ({ done: 0, total: 0 })),
        onProgress: options.onProgress,
        stallMs: options.stallMs ?? this.stallMs,
        resolve: resolve as (results: unknown[]) => void,
        reject,
        done: false,
      };
      if (argsList.length === 0) {
        resolve([]);
        return;
      }
      group.tasks = argsList.map((args, part) => ({ id: this.nextId++, name, args, part, group, handle: null, settled: false }));
      if (options.slot) this.slots.set(options.slot, group);
      options.signal?.addEventListener('abort', () => this.stop(group, new StaleRequestError('cancelled')), { once: true });
      this.queue.push(...group.tasks);
      this.pump();
    });
  }

  /** Cancels the job in a slot, if any: its promise rejects with StaleRequestError. */
  cancel(slot: string): void {
    const group = this.slots.get(slot);
    if (group) this.stop(group, new StaleRequestError());
  }

  /** Whether a slot has a job queued or running. */
  isBusy(slot: string): boolean {
    return this.slots.has(slot);
  }

  /** Terminates every worker; pending jobs reject with StaleRequestError. */
  dispose(): void {
    this.disposed = true;
    for (const group of new Set([...this.queue, ...this.handles.flatMap((h) => (h.task ? [h.task] : []))].map((t) => t.group))) {
      this.stop(group, new StaleRequestError('the engine was shut down'));
    }
    for (const handle of [...this.handles]) this.terminate(handle);
  }

  private pump(): void {
    if (this.disposed) return;
    while (this.queue.length > 0) {
      const handle = this.handles.find((h) => h.task === null) ?? (this.handles.length < this.size ? this.spawn() : null);
      if (!handle) return;
      this.dispatch(this.queue.shift()!, handle);
    }
  }

  private spawn(): Handle {
    const worker = this.factory();
    const handle: Handle = { worker, api: Comlink.wrap<JobRunner>(worker), task: null, stallTimer: undefined, draining: new Map() };
    const died = (event: Event) => {
      event.preventDefault();
      const message = (event as ErrorEvent).message || 'its script failed to load or threw outside a job';
      this.fail(handle, new EngineFailure('crashed', `the engine worker stopped: ${message}`));
    };
    worker.addEventListener('error', died);
    worker.addEventListener('messageerror', died);
    this.handles.push(handle);
    return handle;
  }

  private dispatch(task: Task, handle: Handle): void {
    handle.task = task;
    task.handle = handle;
    const onEvent = Comlink.proxy((event: JobEvent) => {
      if (handle.task !== task) return;
      this.armStall(handle);
      if (event.kind === 'progress' && !task.group.done && !task.settled) this.progress(task, event.done, event.total);
    });
    this.armStall(handle);
    handle.api.run(task.id, task.name, task.args, onEvent).then(
      (result) => this.settle(handle, task, null, result),
      (error: unknown) => this.settle(handle, task, error instanceof Error ? error : new Error(String(error)), undefined),
    );
  }

  private settle(handle: Handle, task: Task, error: Error | null, result: unknown): void {
    // A cancelled job has stopped (its group was rejected when it was cancelled).
    const drain = handle.draining.get(task);
    if (drain !== undefined) {
      clearTimeout(drain);
      handle.draining.delete(task);
      task.settled = true;
      return;
    }
    // A terminated worker's late answer, or one for a task this handle no longer runs, is ignored.
    if (handle.task !== task) return;
    this.release(handle);
    task.settled = true;
    const group = task.group;
    if (!group.done) {
      if (error) {
        this.stop(group, new EngineFailure('threw', error.message));
      } else {
        // Progress travels on its own message channel, so the last report of a part may arrive
        // after its result: a finished part counts as done, and its late reports are ignored.
        const part = group.parts[task.part];
        if (part && part.done < part.total) this.progress(task, part.total, part.total);
        group.results[task.part] = result;
        group.remaining -= 1;
        if (group.remaining === 0) {
          group.done = true;
          if (group.slot && this.slots.get(group.slot) === group) this.slots.delete(group.slot);
          group.resolve(group.results);
        }
      }
    }
    this.pump();
  }

  /** Ends a group: rejects its promise, drops its queued parts and cancels its running ones. */
  private stop(group: Group, reason: Error): void {
    if (group.done) return;
    group.done = true;
    if (group.slot && this.slots.get(group.slot) === group) this.slots.delete(group.slot);
    group.reject(reason);
    for (const task of group.tasks) {
      if (task.settled) continue;
      const handle = task.handle;
      if (!handle) {
        const i = this.queue.indexOf(task);
        if (i >= 0) this.queue.splice(i, 1);
        task.settled = true;
      } else if (handle.task === task) {
        void handle.api.cancel(task.id).catch(() => undefined);
        // The worker is free for the next job at once: its message queues behind the cancel, so
        // the cancelled job has been told before the next one starts, and stops at its next
        // checkpoint (jobs share state only between checkpoints: see ENGINE_JOBS). Waiting for
        // the cancelled job's answer first cost a round trip through this thread, which during a
        // burst of edits on the 5,000-node plan was busy drawing the last one for 20-40 ms.
        clearTimeout(handle.stallTimer);
        handle.stallTimer = undefined;
        handle.task = null;
        handle.draining.set(
          task,
          setTimeout(() => {
            if (handle.draining.has(task)) this.replace(handle, true);
          }, this.cancelGraceMs),
        );
      }
    }
    this.pump();
  }

  private progress(task: Task, done: number, total: number): void {
    const group = task.group;
    group.parts[task.part] = { done, total };
    if (!group.onProgress) return;
    let sumDone = 0;
    let sumTotal = 0;
    let fractions = 0;
    for (const p of group.parts) {
      sumDone += p.done;
      sumTotal += p.total;
      fractions += p.total > 0 ? Math.min(1, p.done / p.total) : 0;
    }
    group.onProgress({ done: sumDone, total: sumTotal, fraction: fractions / group.parts.length });
  }

  private armStall(handle: Handle): void {
    clearTimeout(handle.stallTimer);
    const stallMs = handle.task?.group.stallMs ?? this.stallMs;
    handle.stallTimer = setTimeout(() => {
      this.fail(handle, new EngineFailure('stalled', `the engine did not answer for ${Math.round(stallMs / 1000)} s`));
    }, stallMs);
  }

  /** A worker failed: its job's group rejects with `failure`, and the worker is replaced. */
  private fail(handle: Handle, failure: EngineFailure): void {
    const task = handle.task;
    this.replace(handle, false);
    if (task) this.stop(task.group, failure);
  }

  /**
   * Terminates a worker; the next job that needs one starts a fresh worker. With `requeue`, the
   * job it was running (one that only shared the worker with a cancelled job that would not stop)
   * goes back to the front of the queue: models are pure, so running it again is safe.
   */
  private replace(handle: Handle, requeue: boolean): void {
    const task = handle.task;
    this.terminate(handle);
    if (task && requeue && !task.group.done) {
      task.handle = null;
      this.queue.unshift(task);
    } else if (task) task.settled = true;
    for (const cancelled of handle.draining.keys()) cancelled.settled = true;
    handle.draining.clear();
    this.pump();
  }

  private terminate(handle: Handle): void {
    this.release(handle);
    for (const timer of handle.draining.values()) clearTimeout(timer);
    const i = this.handles.indexOf(handle);
    if (i >= 0) this.handles.splice(i, 1);
    handle.worker.terminate();
  }

  private release(handle: Handle): void {
    clearTimeout(handle.stallTimer);
    handle.stallTimer = undefined;
    handle.task = null;
  }
}
