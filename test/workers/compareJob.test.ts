import { describe, expect, it } from 'vitest';
import { compareJob } from '../../workers/compareJob';
import type { JobContext } from '../../workers/jobRunner';
import { evaluate } from '../../src/models/evaluate';
import { headline } from '../../src/models/headline/headline';
import { compareHeadlines, planChanges } from '../../src/models/headline/comparePlans';
import { referencePlan } from '../../src/plan/samples/samples';

const idle = (progress: [number, number][] = []): JobContext => ({
  progress: (done, total) => void progress.push([done, total]),
  checkpoint: () => Promise.resolve(),
  cancelled: false,
});

describe('compareJob({ a, b }, job)', () => {
  it('gives the same figures and changes as the CLI path (evaluate, headline, compareHeadlines, planChanges)', async () => {
    const a = referencePlan();
    const b = structuredClone(a);
    b.nodes = b.nodes.filter((n) => n.role !== 'worker' || n.id !== b.nodes.find((x) => x.role === 'worker')!.id);
    b.cluster.kubespan.enabled = !a.cluster.kubespan.enabled;
    const result = await compareJob({ a, b }, idle());
    const ha = headline(evaluate(a));
    const hb = headline(evaluate(b));
    expect(result).toEqual({ ok: true, a: ha, b: hb, figures: compareHeadlines(ha, hb), changes: planChanges(a, b) });
    expect(result.ok && result.changes.removed).toHaveLength(1);
  });

  it('reports progress as one job: plan a fills the first half, plan b the second, ending at done = total', async () => {
    const progress: [number, number][] = [];
    await compareJob({ a: referencePlan(), b: referencePlan() }, idle(progress));
    const [last] = progress.slice(-1);
    expect(last[0]).toBe(last[1]);
    expect(progress.every(([d, t], i) => d <= t && (i === 0 || d >= progress[i - 1][0]))).toBe(true);
    expect(progress.some(([d, t]) => d === t / 2)).toBe(true);
  });

  it('names the side whose plan is invalid and returns its field-path issues', async () => {
    const b = referencePlan();
    b.racks[1].heightU = 0;
    const result = await compareJob({ a: referencePlan(), b }, idle());
    expect(result).toEqual({ ok: false, side: 'b', issues: expect.arrayContaining([{ path: 'racks[1].heightU', message: 'must be 1-60, got 0' }]) });
  });
});
