import { describe, expect, it } from 'vitest';
import { analyseJob, analysisMemory } from '../../workers/analyseJob';
import { shiftNodes } from '../../src/editor/actions/nodes';
import { planDelta } from '../../src/plan/planDelta';
import type { JobContext } from '../../workers/jobRunner';
import { evaluate, reportSections } from '../../src/models/evaluate';
import { headline } from '../../src/models/headline/headline';
import { enterprisePlan, referencePlan } from '../../src/plan/samples/samples';

/** Validation, then one step per report section (physical, network, control plane, storage, workload, failures, drill). */
const STEPS = 1 + Object.keys(reportSections(referencePlan())).length;

const idle = (progress: [number, number][] = []): JobContext => ({
  progress: (done, total) => void progress.push([done, total]),
  checkpoint: () => Promise.resolve(),
  cancelled: false,
});

describe('analyseJob({ plan }, job)', () => {
  it('validates, then returns the same report as evaluate(plan) and its headline, one progress step per section', async () => {
    const progress: [number, number][] = [];
    const result = await analyseJob({ plan: referencePlan() }, idle(progress), () => 0);
    const report = evaluate(referencePlan());
    expect(result).toEqual({ ok: true, report, headline: headline(report), elapsedMs: 0, reportId: expect.any(String), unchanged: [] });
    expect(STEPS).toBe(8);
    expect(progress).toEqual(Array.from({ length: STEPS }, (_, i) => [i + 1, STEPS]));
  });

  it('returns field-path issues, not a report, for an invalid plan', async () => {
    const plan = referencePlan();
    plan.racks[1].heightU = 0;
    const result = await analyseJob({ plan }, idle());
    expect(result).toEqual({ ok: false, issues: expect.arrayContaining([{ path: 'racks[1].heightU', message: 'must be 1-60, got 0' }]) });
  });

  it('stops at the first checkpoint that throws, computing no further section', async () => {
    const progress: [number, number][] = [];
    const job = { ...idle(progress), checkpoint: () => Promise.reject(new Error('cancelled')) };
    await expect(analyseJob({ plan: referencePlan() }, job)).rejects.toThrow('cancelled');
    expect(progress).toEqual([[1, STEPS]]);
  });

  it('analyseJob({ delta, version }) names no base this worker holds: answers baseMissing and computes nothing', async () => {
    const progress: [number, number][] = [];
    const plan = referencePlan();
    const result = await analyseJob({ delta: { base: 41, changes: planDelta(plan, plan) }, version: 42 }, idle(progress), () => 0, analysisMemory());
    expect(result).toEqual({ baseMissing: true });
    expect(progress).toEqual([]);
  });

  it('analyseJob({ delta }) after the whole plan: the edited plan’s report, as a cold evaluate gives it', async () => {
    const memory = analysisMemory();
    const plan = enterprisePlan();
    await analyseJob({ plan: structuredClone(plan), version: 1 }, idle(), () => 0, memory);
    const worker = plan.nodes.find((n) => n.role === 'worker' && shiftNodes(plan, { ids: [n.id], deltaU: 1 }).ok)!;
    const moved = shiftNodes(plan, { ids: [worker.id], deltaU: 1 });
    if (!moved.ok) throw new Error(moved.reason);
    const changes = structuredClone(planDelta(plan, moved.plan));
    const result = await analyseJob({ delta: { base: 1, changes }, version: 2 }, idle(), () => 0, memory);
    const report = evaluate(moved.plan);
    expect(result).toEqual({ ok: true, report, headline: headline(report), elapsedMs: 0, reportId: expect.any(String), unchanged: [] });
  });

  it('analyseJob({ delta }) keeps the base every delta of a burst names, however many plans arrive on it', async () => {
    const memory = analysisMemory();
    const plan = enterprisePlan();
    await analyseJob({ plan, version: 1 }, idle(), () => 0, memory);
    const worker = plan.nodes.find((n) => n.role === 'worker' && shiftNodes(plan, { ids: [n.id], deltaU: 1 }).ok)!;
    const up = shiftNodes(plan, { ids: [worker.id], deltaU: 1 });
    if (!up.ok) throw new Error(up.reason);
    // Twenty edits, each a delta on plan 1 (none of their analyses came back to the bridge).
    for (let version = 2; version <= 21; version++) {
      const edited = version % 2 ? plan : up.plan;
      const result = await analyseJob({ delta: { base: 1, changes: planDelta(plan, edited) }, version }, idle(), () => 0, memory);
      expect(result).toEqual(expect.objectContaining({ ok: true }));
    }
  });

  it('analyseJob({ options }) evaluates with those options, each set of options in a memo of its own', async () => {
    const memory = analysisMemory();
    const plan = enterprisePlan();
    await analyseJob({ plan, version: 1 }, idle(), () => 0, memory);
    const reseeded = await analyseJob({ plan, version: 2, options: { seed: 2 } }, idle(), () => 0, memory);
    expect(reseeded.ok && reseeded.report).toEqual(evaluate(plan, { seed: 2 }));
    const again = await analyseJob({ plan, version: 3 }, idle(), () => 0, memory);
    expect(again.ok && again.report).toEqual(evaluate(plan));
    expect(memory.evaluators.size).toBe(2);
  });

  it('analyseJob({ known }) leaves out the sections equal to the known report’s, and only those', async () => {
    const memory = analysisMemory();
    const plan = enterprisePlan();
    const first = await analyseJob({ plan, version: 1 }, idle(), () => 0, memory);
    if (!first.ok) throw new Error('the enterprise sample should be valid');
    const worker = plan.nodes.find((n) => n.role === 'worker' && shiftNodes(plan, { ids: [n.id], deltaU: 1 }).ok)!;
    const moved = shiftNodes(plan, { ids: [worker.id], deltaU: 1 });
    if (!moved.ok) throw new Error(moved.reason);
    const second = await analyseJob({ plan: moved.plan, version: 2, known: first.reportId }, idle(), () => 0, memory);
    if (!second.ok) throw new Error('the moved plan should be valid');
    const cold = evaluate(moved.plan);
    const keys = Object.keys(cold) as (keyof typeof cold)[];
    // Each section is either sent, equal to the cold one, or left out, equal to the first report's.
    expect(second.unchanged!.length).toBeGreaterThan(0);
    for (const key of keys) {
      if (second.unchanged!.includes(key)) {
        expect(key in second.report).toBe(false);
        expect(first.report[key]).toEqual(cold[key]);
      } else expect(second.report[key]).toEqual(cold[key]);
    }
    // A report id this worker never sent (another worker's) leaves nothing out.
    const third = await analyseJob({ plan, version: 3, known: 'another:1' }, idle(), () => 0, memory);
    expect(third.ok && third.unchanged).toEqual([]);
    expect(third.ok && third.report).toEqual(evaluate(plan));
  });
});
