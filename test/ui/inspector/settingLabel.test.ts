import { describe, expect, it } from 'vitest';
import { settingLabel } from '../../../src/ui/inspector/settingLabel';

describe('settingLabel', () => {
  it('settingLabel(p50Ms) keeps the percentile whole: "p50 (ms)", not "p5 0 (ms)"', () => {
    expect(settingLabel('p50Ms')).toBe('p50 (ms)');
    expect(settingLabel('p99Ms')).toBe('p99 (ms)');
    expect(settingLabel('fsyncP99Ms')).toBe('Fsync p99 (ms)');
  });

  it('settingLabel(heartbeatMs) and settingLabel(eastWestGbpsPerNode) keep their units', () => {
    expect(settingLabel('heartbeatMs')).toBe('Heartbeat (ms)');
    expect(settingLabel('eastWestGbpsPerNode')).toBe('East-west (Gbit/s per node)');
  });
});
