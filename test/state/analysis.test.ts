import { describe, expect, it } from 'vitest';
import type { Analysis, EngineBridge } from '../../src/bridge/engineBridge';
import type { EvaluateOptions } from '../../src/models/evaluate';
import { referencePlan, enterprisePlan } from '../../src/plan/samples/samples';
import { AnalysisState } from '../../src/state/analysis.svelte';

/** An engine that answers every analysis at once with an empty report. */
const instantEngine = () =>
  ({
    analyse: async () => ({ ok: true, report: {}, headline: [], elapsedMs: 0 }) as unknown as Analysis,
  }) as unknown as EngineBridge;

describe('AnalysisState.run(plan, planKey) then isForAnotherPlan(key)', () => {
  it('is false for the plan the results describe and true for any other open plan until its own results arrive', async () => {
    const state = new AnalysisState(instantEngine());
    expect(state.isForAnotherPlan('a')).toBe(false);
    await state.run(referencePlan(), 'a');
    expect(state.lastGood?.planKey).toBe('a');
    expect(state.isForAnotherPlan('a')).toBe(false);
    // Plan b was just opened: until its analysis lands, the shown results are plan a's.
    expect(state.isForAnotherPlan('b')).toBe(true);
    await state.run(enterprisePlan(), 'b');
    expect(state.isForAnotherPlan('b')).toBe(false);
  });
});

/** An engine that records the options of each analysis and answers with an empty report. */
const recordingEngine = () => {
  const calls: Partial<EvaluateOptions>[] = [];
  const engine = {
    analyse: async (_plan: unknown, options: Partial<EvaluateOptions> = {}) => {
      calls.push(options);
      return { ok: true, report: { planName: 'full' }, headline: [], elapsedMs: 0, final: true } as unknown as Analysis;
    },
  } as unknown as EngineBridge;
  return { engine, calls };
};

describe('AnalysisState.run(plan)', () => {
  it('asks the engine once, with the default options, and shows that answer', async () => {
    const { engine, calls } = recordingEngine();
    const state = new AnalysisState(engine);
    await state.run(referencePlan(), 'a');
    expect(calls).toEqual([{}]);
    expect(state.lastGood?.report.planName).toBe('full');
    expect(state.status).toBe('done');
  });
});
