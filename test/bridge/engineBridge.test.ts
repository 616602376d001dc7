import { describe, expect, it } from 'vitest';
import { reportSections } from '../../src/models/evaluate';
import { EngineBridge, StaleRequestError } from '../../src/bridge/engineBridge';
import { analyseJob, type AnalyseArgs } from '../../workers/analyseJob';
import type { JobContext } from '../../workers/jobRunner';
import { ENGINE_JOBS } from '../../workers/jobs';
import { hyperscalePlan, referencePlan } from '../../src/plan/samples/samples';
import { channelWorker } from './channelWorker';

/**
 * A bridge over the real engine jobs, as the worker serves them, whose analyse job also records
 * each chunk it finished (validation, then each report section) under the plan's name.
 */
function bridgeOverChannel() {
  const chunks: string[] = [];
  let workers = 0;
  const counted = (name: string, job: JobContext): JobContext => ({
    progress: (done, total) => {
      chunks.push(name);
      job.progress(done, total);
    },
    checkpoint: () => job.checkpoint(),
    get cancelled() {
      return job.cancelled;
    },
  });
  const jobs = { ...ENGINE_JOBS, analyse: (args: AnalyseArgs, job: JobContext) => analyseJob(args, counted((args.plan as { name: string }).name, job)) };
  // A generous grace: here the "worker" shares the test's thread, so a slow validation of 5,000
  // nodes on a busy machine must not let the grace timer terminate it before it reaches its checkpoint.
  const bridge = new EngineBridge(
    () => {
      workers += 1;
      return channelWorker(jobs);
    },
    { size: 1, cancelGraceMs: 10_000 },
  );
  return { bridge, chunks, workers: () => workers };
}

describe('EngineBridge', () => {
  it("analyse(plan) resolves with the worker's report", async () => {
    const { bridge } = bridgeOverChannel();
    const result = await bridge.analyse(referencePlan());
    expect(result.ok && result.report.physical.totals.nodes).toBe(12);
    bridge.dispose();
  });

  it('analyse(5,000-node plan) then analyse(newer) at once: the first stops within one chunk and the newer result arrives', async () => {
    const { bridge, chunks, workers } = bridgeOverChannel();
    const older = { ...hyperscalePlan(), name: 'Older' };
    const newer = { ...hyperscalePlan(), name: 'Newer' };
    // The order the app makes them in: the first is posted and starts; the edit that follows
    // posts the second before the first has finished.
    const first = bridge.analyse(older);
    const second = bridge.analyse(newer);
    await expect(first).rejects.toBeInstanceOf(StaleRequestError);
    const result = await second;
    expect(result.ok && result.report.planName).toBe('Newer');
    expect(result.ok && result.report.physical.totals.nodes).toBe(5000);
    // Every chunk of the older analysis came after its cancel (both were asked for at once): at
    // most the one it was in (validation) may finish; none of its report sections does.
    expect(chunks.filter((c) => c === 'Older').length).toBeLessThanOrEqual(1);
    expect(chunks.filter((c) => c === 'Newer')).toHaveLength(1 + Object.keys(reportSections(newer)).length);
    // It stopped by itself at a checkpoint: the worker (and its caches) served the newer request.
    expect(workers()).toBe(1);
    bridge.dispose();
  });

  it('readPlan(text, format) and writePlan(plan, format) round-trip through the worker', async () => {
    const { bridge } = bridgeOverChannel();
    const plan = referencePlan();
    const yaml = await bridge.writePlan(plan, 'yaml');
    const back = await bridge.readPlan(yaml, 'yaml');
    expect(back.ok && back.plan).toEqual(plan);
    bridge.dispose();
  });
});
