import { describe, expect, it } from 'vitest';
import { CancelledError, createEngineApi } from '../../workers/engineApi';
import { referencePlan } from '../../src/plan/samples/samples';
import { writePlan } from '../../src/plan/io';

describe('createEngineApi()', () => {
  it('analyse(id, plan) validates then returns the report for a valid plan', () => {
    const api = createEngineApi(() => 0);
    const result = api.analyse(1, referencePlan());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.physical.nodesByRole).toEqual({ controlplane: 3, worker: 6, storage: 3 });
    expect(result.elapsedMs).toBe(0);
  });

  it('analyse(id, plan) returns field-path issues, not a report, for an invalid plan', () => {
    const plan = referencePlan();
    plan.racks[1].heightU = 0;
    const result = createEngineApi().analyse(1, plan);
    expect(result).toEqual({ ok: false, issues: expect.arrayContaining([{ path: 'racks[1].heightU', message: 'must be 1-60, got 0' }]) });
  });

  it('analyse(id, …) after cancel(id) throws CancelledError and the next id still runs', () => {
    const api = createEngineApi();
    api.cancel(7);
    expect(() => api.analyse(7, referencePlan())).toThrow(CancelledError);
    expect(api.analyse(8, referencePlan()).ok).toBe(true);
  });

  it('readPlan(text, format) and writePlan(plan, format) round-trip off the main thread', () => {
    const api = createEngineApi();
    const plan = referencePlan();
    const yaml = api.writePlan(plan, 'yaml');
    const back = api.readPlan(yaml, 'yaml');
    expect(back.ok && back.plan).toEqual(plan);
    expect(api.readPlan(writePlan(plan, 'json'), 'json').ok).toBe(true);
  });
});
