import * as Comlink from 'comlink';

/** Thrown inside a job (and back to the pool) when the pool cancelled it at a checkpoint. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** What a running job tells the pool: how far it got, or only that it is still alive. */
export type JobEvent = { kind: 'progress'; done: number; total: number } | { kind: 'alive' };

/** The handle a job function receives: report progress, and end each chunk with a checkpoint. */
export interface JobContext {
  /** Reports `done` of `total` units of work; also tells the pool the worker is alive. */
  progress(done: number, total: number): void;
  /**
   * Ends a chunk of work: yields to the worker's event loop so a `cancel` message can arrive,
   * then throws CancelledError if it did. A job that calls this between chunks stops within one
   * chunk of being cancelled and keeps its worker (and the worker's caches) alive.
   */
  checkpoint(): Promise<void>;
  /** Whether the pool has asked this job to stop (for loops that poll instead of awaiting). */
  readonly cancelled: boolean;
}

/** A job: pure work on structured-clonable arguments, chunked with `job.checkpoint()`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JobFunction<A = any, R = any> = (args: A, job: JobContext) => R | Promise<R>;

/** A record of named jobs, the table a worker serves. */
export type JobTable = Record<string, JobFunction>;

/**
 * A macrotask boundary. A resolved promise would not do: comlink delivers `cancel` as a message,
 * and messages are only dispatched between tasks, never between microtasks. A message on a
 * channel of our own rather than `setTimeout(0)`: timers nested more than five deep wait at
 * least 4 ms (HTML timer clamping), and an analysis yields eight times in a row, so it spent
 * about 10 ms of each edit idle in a Chromium trace of the 5,000-node plan.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Serves a table of jobs to a `WorkerPool` (expose the result with comlink in a worker). Each run
 * carries the pool's job id; `cancel(id)` flags it, and the job notices at its next checkpoint.
 */
export function createJobRunner(jobs: JobTable) {
  const running = new Map<number, { cancelled: boolean }>();
  return {
    async run(jobId: number, name: string, args: unknown, onEvent?: (event: JobEvent) => void): Promise<unknown> {
      const fn = Object.hasOwn(jobs, name) ? jobs[name] : undefined;
      if (!fn) throw new Error(`the engine has no job named "${name}"`);
      const state = { cancelled: false };
      running.set(jobId, state);
      // Events are fire-and-forget: awaiting the UI thread's answer would slow every chunk.
      const emit = (event: JobEvent) => void Promise.resolve(onEvent?.(event)).catch(() => undefined);
      // A chunk that reported progress has told the pool it is alive; a second message per
      // chunk would only cost the UI thread another round trip (comlink answers every call).
      let reported = false;
      const context: JobContext = {
        progress: (done, total) => {
          reported = true;
          emit({ kind: 'progress', done, total });
        },
        async checkpoint() {
          if (state.cancelled) throw new CancelledError();
          if (!reported) emit({ kind: 'alive' });
          reported = false;
          await nextTask();
          if (state.cancelled) throw new CancelledError();
        },
        get cancelled() {
          return state.cancelled;
        },
      };
      try {
        return await fn(args, context);
      } finally {
        running.delete(jobId);
      }
    },
    cancel(jobId: number): void {
      const state = running.get(jobId);
      if (state) state.cancelled = true;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;

/**
 * Exposes a job table on a comlink endpoint (the worker's global scope by default) and releases
 * each run's progress callback when the run ends, so a long session does not leak message ports.
 */
export function serveJobs(jobs: JobTable, endpoint: Comlink.Endpoint = self as unknown as Comlink.Endpoint): void {
  const runner = createJobRunner(jobs);
  Comlink.expose(
    {
      async run(jobId: number, name: string, args: unknown, onEvent?: Comlink.Remote<(event: JobEvent) => void>): Promise<unknown> {
        try {
          return await runner.run(jobId, name, args, onEvent);
        } finally {
          onEvent?.[Comlink.releaseProxy]();
        }
      },
      cancel: (jobId: number) => runner.cancel(jobId),
    } satisfies JobRunner,
    endpoint,
  );
}
