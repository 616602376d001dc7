import { describe, expect, it } from 'vitest';
import { EngineFailure, StaleRequestError, WorkerPool, type JobProgress } from '../../src/bridge/workerPool';
import type { JobContext } from '../../workers/jobRunner';
import { channelWorker } from './channelWorker';

/** Test jobs; `log` records every chunk each job finished, tagged with the worker that ran it. */
function jobsFor(worker: number, log: string[]) {
  return {
    chunks: async ({ tag, chunks, failAt }: { tag: string; chunks: number; failAt?: number }, job: JobContext) => {
      for (let i = 0; i < chunks; i++) {
        if (i === failAt) throw new Error(`${tag} failed at chunk ${i}`);
        log.push(`${tag}:${i}@${worker}`);
        job.progress(i + 1, chunks);
        await job.checkpoint();
      }
      return `${tag} done on ${worker}`;
    },
    /** Never checkpoints and never answers: a hung model. */
    hang: () => new Promise<never>(() => undefined),
    /** Hangs on the first worker only (as a job would behind another that blocks it), answers on any other. */
    hangOnFirst: () => (worker === 1 ? new Promise<never>(() => undefined) : `answered on ${worker}`),
    throws: ({ message }: { message: string }) => {
      throw new Error(message);
    },
  };
}
type TestJobs = ReturnType<typeof jobsFor>;

function testPool(options: ConstructorParameters<typeof WorkerPool>[1] = {}) {
  const log: string[] = [];
  const workers: ReturnType<typeof channelWorker>[] = [];
  const pool = new WorkerPool<TestJobs>(
    () => {
      const w = channelWorker(jobsFor(workers.length + 1, log));
      workers.push(w);
      return w;
    },
    { size: 1, ...options },
  );
  return { pool, log, workers };
}

describe('WorkerPool', () => {
  it('new WorkerPool(factory, { size: 0 }) still has one worker', () => {
    expect(new WorkerPool(() => channelWorker({}), { size: 0 }).size).toBe(1);
  });

  it("run(name, args, { onProgress }) resolves with the job's result and reports progress up to done", async () => {
    const { pool } = testPool();
    const progress: JobProgress[] = [];
    await expect(pool.run('chunks', { tag: 'a', chunks: 3 }, { onProgress: (p) => progress.push(p) })).resolves.toBe('a done on 1');
    expect(progress.at(-1)).toEqual({ done: 3, total: 3, fraction: 1 });
    pool.dispose();
  });

  it('run(…, { slot }) twice at once rejects the first with StaleRequestError, which stops within one chunk, on the same worker', async () => {
    const { pool, log, workers } = testPool();
    const first = pool.run('chunks', { tag: 'old', chunks: 1000 }, { slot: 'analyse' });
    const second = pool.run('chunks', { tag: 'new', chunks: 2 }, { slot: 'analyse' });
    await expect(first).rejects.toBeInstanceOf(StaleRequestError);
    await expect(second).resolves.toBe('new done on 1');
    expect(log.filter((l) => l.startsWith('old')).length).toBeLessThanOrEqual(1);
    expect(workers).toHaveLength(1);
    pool.dispose();
  });

  it('run(…) of a job that ignores its cancel has its worker terminated after cancelGraceMs; the next job is sent to it at once meanwhile', async () => {
    const { pool, workers } = testPool({ cancelGraceMs: 20 });
    const hung = pool.run('hang', undefined, { slot: 's' });
    const next = pool.run('chunks', { tag: 'next', chunks: 1 }, { slot: 's' });
    await expect(hung).rejects.toBeInstanceOf(StaleRequestError);
    await expect(next).resolves.toBe('next done on 1');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(workers[0].terminated).toBe(true);
    await expect(pool.run('chunks', { tag: 'later', chunks: 1 })).resolves.toBe('later done on 2');
    pool.dispose();
  });

  it('run(…) sent behind a cancelled job that never stops runs again on a fresh worker when that worker is terminated', async () => {
    const { pool, workers } = testPool({ cancelGraceMs: 20 });
    const hung = pool.run('hang', undefined, { slot: 's' });
    const next = pool.run('hangOnFirst', undefined, { slot: 's' });
    await expect(hung).rejects.toBeInstanceOf(StaleRequestError);
    await expect(next).resolves.toBe('answered on 2');
    expect(workers[0].terminated).toBe(true);
    pool.dispose();
  });

  it('run(…) of a job that throws rejects with EngineFailure "threw" and its message; the worker serves the next job', async () => {
    const { pool, workers } = testPool();
    const failure = await pool.run('throws', { message: 'model blew up' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EngineFailure);
    expect(failure).toMatchObject({ reason: 'threw', message: 'model blew up' });
    await expect(pool.run('chunks', { tag: 'after', chunks: 1 })).resolves.toBe('after done on 1');
    expect(workers).toHaveLength(1);
    pool.dispose();
  });

  it('run(…) on a worker that says nothing for stallMs rejects with EngineFailure "stalled" and replaces the worker', async () => {
    const { pool, workers } = testPool({ stallMs: 30 });
    const failure = await pool.run('hang', undefined).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'EngineFailure', reason: 'stalled' });
    expect(workers[0].terminated).toBe(true);
    await expect(pool.run('chunks', { tag: 'after', chunks: 1 })).resolves.toBe('after done on 2');
    pool.dispose();
  });

  it('run(…) on a worker that fires an error event rejects with EngineFailure "crashed" naming the error', async () => {
    const { pool, workers } = testPool();
    const running = pool.run('hang', undefined);
    workers[0].crash('Uncaught SyntaxError');
    await expect(running).rejects.toMatchObject({ reason: 'crashed', message: 'the engine worker stopped: Uncaught SyntaxError' });
    await expect(pool.run('chunks', { tag: 'after', chunks: 1 })).resolves.toBe('after done on 2');
    pool.dispose();
  });

  it('map(name, argsList) runs the parts on every worker and resolves with the results in order', async () => {
    const { pool, workers } = testPool({ size: 3 });
    const progress: JobProgress[] = [];
    const parts = ['a', 'b', 'c', 'd'].map((tag) => ({ tag, chunks: 2 }));
    const results = await pool.map('chunks', parts, { onProgress: (p) => progress.push(p) });
    expect(results.map((r) => r.split(' ')[0])).toEqual(['a', 'b', 'c', 'd']);
    expect(new Set(results.map((r) => r.split(' on ')[1])).size).toBe(3);
    expect(workers).toHaveLength(3);
    expect(progress.at(-1)).toEqual({ done: 4 * 2, total: 4 * 2, fraction: 1 });
    pool.dispose();
  });

  it('map(…) with one failing part rejects as a whole with its failure and stops the other parts', async () => {
    const { pool, log } = testPool({ size: 2 });
    const parts = [
      { tag: 'long', chunks: 1000 },
      { tag: 'bad', chunks: 10, failAt: 2 },
    ];
    await expect(pool.map('chunks', parts)).rejects.toMatchObject({ reason: 'threw', message: 'bad failed at chunk 2' });
    const atFailure = log.filter((l) => l.startsWith('long')).length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log.filter((l) => l.startsWith('long')).length).toBeLessThanOrEqual(atFailure + 1);
    pool.dispose();
  });

  it('run(…, { signal }) rejects with StaleRequestError when the signal aborts, and the job stops', async () => {
    const { pool, log } = testPool();
    const controller = new AbortController();
    const running = pool.run('chunks', { tag: 'long', chunks: 1000 }, { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(StaleRequestError);
    await expect(pool.run('chunks', { tag: 'next', chunks: 1 })).resolves.toBe('next done on 1');
    expect(log.filter((l) => l.startsWith('long')).length).toBeLessThanOrEqual(1);
    pool.dispose();
  });
});
