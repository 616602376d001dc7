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

/** An engine that records the options of each analysis and answers with `final` as given for a quick pass. */
const recordingEngine = (quickFinal: boolean) => {
  const calls: Partial<EvaluateOptions>[] = [];
  const engine = {
    analyse: async (_plan: unknown, options: Partial<EvaluateOptions> = {}) => {
      calls.push(options);
      const quick = Object.keys(options).length > 0;
      return { ok: true, report: { planName: quick ? 'quick' : 'full' }, headline: [], elapsedMs: 0, final: quick ? quickFinal : true } as unknown as Analysis;
    },
  } as unknown as EngineBridge;
  return { engine, calls };
};

describe('AnalysisState.run(plan)', () => {
  it('shows a final quick pass and asks for no full pass', async () => {
    const { engine, calls } = recordingEngine(true);
    const state = new AnalysisState(engine);
    await state.run(referencePlan(), 'a');
    expect(calls.length).toBe(1);
    expect(state.lastGood?.report.planName).toBe('quick');
    expect([state.status, state.refining]).toEqual(['done', false]);
  });

  it('replaces a quick pass that is not final with the full pass', async () => {
    const { engine, calls } = recordingEngine(false);
    const state = new AnalysisState(engine);
    await state.run(referencePlan(), 'a');
    expect(calls).toEqual([expect.objectContaining({ samples: expect.any(Number) }), {}]);
    expect(state.lastGood?.report.planName).toBe('full');
    expect([state.status, state.refining]).toEqual(['done', false]);
  });
});
