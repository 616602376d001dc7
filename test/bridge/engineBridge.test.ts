import { describe, expect, it } from 'vitest';
import { evaluate, reportSections } from '../../src/models/evaluate';
import { shiftNodes } from '../../src/editor/actions/nodes';
import { planDelta } from '../../src/plan/planDelta';
import { EngineBridge, StaleRequestError } from '../../src/bridge/engineBridge';
import { analyseJob, analysisMemory, type AnalyseArgs } from '../../workers/analyseJob';
import type { JobContext } from '../../workers/jobRunner';
import { ENGINE_JOBS } from '../../workers/jobs';
import { enterprisePlan, hyperscalePlan, referencePlan } from '../../src/plan/samples/samples';
import { channelWorker } from './channelWorker';

/** The name of the plan an analysis was asked for, whether it came whole or as a delta. */
function planName(args: AnalyseArgs): string {
  const name = args.plan ? (args.plan as { name: string }).name : args.delta?.changes.changed.name;
  return typeof name === 'string' ? name : name && 'value' in name ? String(name.value) : '(unchanged name)';
}

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
  const jobs = { ...ENGINE_JOBS, analyse: (args: AnalyseArgs, job: JobContext) => analyseJob(args, counted(planName(args), job)) };
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

  it('analyse(edited plan) after analyse(plan) posts only the moved node, and answers as for the whole plan', async () => {
    const posted: AnalyseArgs[] = [];
    const memory = analysisMemory();
    const jobs = { ...ENGINE_JOBS, analyse: (args: AnalyseArgs, job: JobContext) => (posted.push(args), analyseJob(args, job, undefined, memory)) };
    const bridge = new EngineBridge(() => channelWorker(jobs), { size: 1 });
    const plan = enterprisePlan();
    await bridge.analyse(plan);
    const worker = plan.nodes.find((n) => n.role === 'worker' && shiftNodes(plan, { ids: [n.id], deltaU: 1 }).ok)!;
    const moved = shiftNodes(plan, { ids: [worker.id], deltaU: 1 });
    if (!moved.ok) throw new Error(moved.reason);
    const result = await bridge.analyse(moved.plan);
    expect(posted[1].plan).toBeUndefined();
    expect(posted[1].delta?.changes).toEqual(planDelta(plan, moved.plan));
    expect(Object.keys(posted[1].delta!.changes.changed)).toEqual(['nodes']);
    expect(result.ok && result.report).toEqual(evaluate(moved.plan));
    bridge.dispose();
  });

  it('analyse(edited plan) receives only the sections that changed and answers the whole report, unchanged sections keeping their objects', async () => {
    const replies: unknown[] = [];
    const memory = analysisMemory();
    const jobs = {
      ...ENGINE_JOBS,
      analyse: async (args: AnalyseArgs, job: JobContext) => {
        const reply = await analyseJob(args, job, undefined, memory);
        replies.push(reply);
        return reply;
      },
    };
    const bridge = new EngineBridge(() => channelWorker(jobs), { size: 1 });
    const plan = enterprisePlan();
    const first = await bridge.analyse(plan);
    const worker = plan.nodes.find((n) => n.role === 'worker' && shiftNodes(plan, { ids: [n.id], deltaU: 1 }).ok)!;
    const moved = shiftNodes(plan, { ids: [worker.id], deltaU: 1 });
    if (!moved.ok || !first.ok) throw new Error('the enterprise sample should be valid and its worker move');
    const result = await bridge.analyse(moved.plan);
    if (!result.ok) throw new Error('the moved plan should be valid');
    const unchanged = (replies[1] as { unchanged: (keyof typeof result.report)[] }).unchanged;
    expect(unchanged).toContain('controlPlane');
    expect(result.report).toEqual(evaluate(moved.plan));
    for (const key of unchanged) expect(result.report[key]).toBe(first.report[key]);
    expect(result).not.toHaveProperty('unchanged');
    bridge.dispose();
  });

  it('analyse(edited plan) on a worker that lost the plan before it: the plan is sent whole once, and the answer is right', async () => {
    const posted: AnalyseArgs[] = [];
    // A worker that forgets every plan, as a fresh worker of the pool would.
    const jobs = { ...ENGINE_JOBS, analyse: (args: AnalyseArgs, job: JobContext) => (posted.push(args), analyseJob(args, job, undefined, analysisMemory())) };
    const bridge = new EngineBridge(() => channelWorker(jobs), { size: 1 });
    const plan = referencePlan();
    await bridge.analyse(plan);
    const renamed = { ...plan, name: 'Renamed' };
    const result = await bridge.analyse(renamed);
    expect(posted.map((a) => (a.plan ? 'whole' : 'delta'))).toEqual(['whole', 'delta', 'whole']);
    expect(result.ok && result.report).toEqual(evaluate(renamed));
    bridge.dispose();
  });

  it('analyse(a), then b, c, d at once (each sent behind the cancel of the one before): d still travels as a delta the worker can apply', async () => {
    const posted: AnalyseArgs[] = [];
    const memory = analysisMemory();
    const jobs = { ...ENGINE_JOBS, analyse: (args: AnalyseArgs, job: JobContext) => (posted.push(args), analyseJob(args, job, undefined, memory)) };
    const bridge = new EngineBridge(() => channelWorker(jobs), { size: 1, cancelGraceMs: 10_000 });
    const a = enterprisePlan();
    await bridge.analyse(a);
    const [b, c, d] = ['B', 'C', 'D'].map((name) => ({ ...a, name }));
    const stale = [bridge.analyse(b), bridge.analyse(c)].map((p) => p.catch((e: unknown) => e));
    const result = await bridge.analyse(d);
    for (const e of await Promise.all(stale)) expect(e).toBeInstanceOf(StaleRequestError);
    expect(posted.map((p) => (p.plan ? 'whole' : 'delta'))).toEqual(['whole', 'delta', 'delta', 'delta']);
    expect(result.ok && result.report.planName).toBe('D');
    bridge.dispose();
  });
});
