import { describe, expect, it } from 'vitest';
import { describeDegradation, readDegradation } from '../../../src/ui/drills/degradationInput';
import { referencePlan } from '../../../src/plan/samples/samples';

const plan = referencePlan();

describe('readDegradation', () => {
  it('readDegradation(plan, latency, rack:r2, "15") is 15 ms on rack r2', () => {
    expect(readDegradation(plan, 'latency', 'rack:r2', '15')).toEqual({ kind: 'latency', scope: { kind: 'rack', rackId: 'r2' }, addedMs: 15 });
  });

  it('readDegradation(plan, bandwidth, node:w-0001, "60") leaves 1 − 60/100 of the bandwidth', () => {
    expect(readDegradation(plan, 'bandwidth', 'node:w-0001', '60')).toEqual({
      kind: 'bandwidth',
      scope: { kind: 'node', nodeId: 'w-0001' },
      remainingFraction: 1 - 60 / 100,
    });
  });

  it('readDegradation names the field and its range for values out of range or not numbers', () => {
    expect(readDegradation(plan, 'latency', 'rack:r2', '20000')).toEqual({ problem: 'added latency: must be more than 0 and at most 10,000 ms, got 20000' });
    expect(readDegradation(plan, 'latency', 'rack:r2', '0')).toEqual({ problem: 'added latency: must be more than 0 and at most 10,000 ms, got 0' });
    expect(readDegradation(plan, 'latency', 'rack:r2', '')).toEqual({ problem: 'added latency: must be more than 0 and at most 10,000 ms, got nothing' });
    expect(readDegradation(plan, 'bandwidth', 'rack:r2', '100')).toEqual({ problem: 'bandwidth reduction: must be more than 0 and less than 100 %, got 100' });
    expect(readDegradation(plan, 'bandwidth', 'rack:r2', 'ten')).toEqual({ problem: 'bandwidth reduction: must be more than 0 and less than 100 %, got ten' });
  });

  it('readDegradation refuses a scope that is not a node, rack or site link, or not in the plan', () => {
    expect(readDegradation(plan, 'latency', 'feed:r1/A', '5')).toEqual({
      problem: 'scope: feed:r1/A: a degradation applies to a node, a rack or a site link, not a feed',
    });
    expect(readDegradation(plan, 'latency', 'rack:r9', '5')).toEqual({ problem: 'scope: rack:r9 is not in this plan' });
    expect(readDegradation(plan, 'latency', 'siteLink:dc1|dc1', '5')).toEqual({ problem: 'scope: siteLink:dc1|dc1 is not in this plan' });
  });

  it("describeDegradation uses the chaos tools' words: network-delay, network-bandwidth", () => {
    expect(describeDegradation({ kind: 'latency', scope: { kind: 'rack', rackId: 'r3' }, addedMs: 15 }, 'rack:r3')).toBe('network-delay +15 ms on rack:r3');
    expect(describeDegradation({ kind: 'bandwidth', scope: { kind: 'rack', rackId: 'r3' }, remainingFraction: 0.4 }, 'rack:r3')).toBe(
      'network-bandwidth −60 % on rack:r3',
    );
  });
});
