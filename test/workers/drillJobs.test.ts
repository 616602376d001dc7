import { describe, expect, it } from 'vitest';
import { drillJob, sweepJob } from '../../workers/drillJobs';
import type { JobContext } from '../../workers/jobRunner';
import { drillHealth } from '../../src/models/drills/drillHealth';
import { rankSweep, runSweep } from '../../src/models/drills/sweep';
import { sweepBasis } from '../../src/models/drills/sweepBasis';
import { antiPatternsPlan, referencePlan } from '../../src/plan/samples/samples';

const idle = (progress: [number, number][] = []): JobContext => ({
  progress: (done, total) => void progress.push([done, total]),
  checkpoint: () => Promise.resolve(),
  cancelled: false,
});

describe('drill jobs', () => {
  it('sweepJob parts 0..2 of 3 together equal runSweep, each reporting progress up to its share', async () => {
    const plan = antiPatternsPlan();
    const progress: [number, number][] = [];
    const parts = await Promise.all([0, 1, 2].map((part) => sweepJob({ plan, pairs: true, part, parts: 3 }, idle(progress))));
    expect(rankSweep(parts.flat())).toEqual(runSweep(sweepBasis(plan), { pairs: true }).rows);
    expect(progress.filter(([d, t]) => d === t)).toHaveLength(3);
  });

  it('sweepJob stops at the first checkpoint that throws', async () => {
    const job = { ...idle(), checkpoint: () => Promise.reject(new Error('cancelled')) };
    await expect(sweepJob({ plan: antiPatternsPlan(), pairs: true, part: 0, parts: 1 }, job)).rejects.toThrow('cancelled');
  });

  it('drillJob({ plan, rack:r1 }) answers the same health as drillHealth, with a timeline and a Chaos Mesh export', () => {
    const plan = referencePlan();
    const failures = { components: [{ kind: 'rack' as const, rackId: 'r1' }] };
    const r = drillJob({ plan, failures, name: 'R1' });
    expect(r.health).toEqual(drillHealth(plan, failures));
    expect(r.timeline.events[0].kind).toBe('failure');
    expect(r.chaos.manifests[0].kind).toBe('PodChaos');
  });
});
