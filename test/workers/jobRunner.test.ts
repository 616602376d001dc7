import { describe, expect, it } from 'vitest';
import { CancelledError, createJobRunner, type JobContext, type JobEvent } from '../../workers/jobRunner';

/** A job of `chunks` chunks that records how many it finished. */
function counter(log: number[]) {
  return async ({ chunks }: { chunks: number }, job: JobContext) => {
    for (let i = 0; i < chunks; i++) {
      log.push(i);
      job.progress(i + 1, chunks);
      await job.checkpoint();
    }
    return log.length;
  };
}

describe('createJobRunner(jobs)', () => {
  it("run(id, name, args, onEvent) resolves with the job's result and reports progress, which tells the pool it is alive", async () => {
    const events: JobEvent[] = [];
    const runner = createJobRunner({ count: counter([]) });
    await expect(runner.run(1, 'count', { chunks: 3 }, (e) => void events.push(e))).resolves.toBe(3);
    expect(events).toEqual([1, 2, 3].map((done) => ({ kind: 'progress', done, total: 3 })));
  });

  it('run(id, name, args, onEvent) of a job that reports no progress says it is alive at each checkpoint', async () => {
    const events: JobEvent[] = [];
    const quiet = async (_args: unknown, job: JobContext) => {
      for (let i = 0; i < 3; i++) await job.checkpoint();
      return 'done';
    };
    await expect(createJobRunner({ quiet }).run(1, 'quiet', {}, (e) => void events.push(e))).resolves.toBe('done');
    expect(events).toEqual([{ kind: 'alive' }, { kind: 'alive' }, { kind: 'alive' }]);
  });

  it('cancel(id) during a run makes the next checkpoint throw CancelledError, after at most one more chunk', async () => {
    const log: number[] = [];
    const runner = createJobRunner({ count: counter(log) });
    const run = runner.run(1, 'count', { chunks: 1000 });
    // The first chunk runs synchronously up to its checkpoint; the cancel lands during the yield.
    runner.cancel(1);
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(log).toEqual([0]);
  });

  it('cancel(id) of an unknown or finished job does nothing, and the next run still completes', async () => {
    const runner = createJobRunner({ count: counter([]) });
    runner.cancel(99);
    await expect(runner.run(2, 'count', { chunks: 2 })).resolves.toBe(2);
  });

  it('run(id, name) of a name the table does not have rejects naming it', async () => {
    const runner = createJobRunner({});
    await expect(runner.run(1, 'toString', {})).rejects.toThrow('the engine has no job named "toString"');
  });
});
