import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setDiskMeasurement } from '../../../src/editor/actions/hardware';
import { controlPlaneReport } from '../../../src/models/controlPlane/controlPlaneReport';
import { etcdMembers } from '../../../src/models/controlPlane/members';
import { DISK_CLASSES } from '../../../src/plan/diskClasses';
import { fioMeasurement } from '../../../src/plan/fioMeasurement';
import { referencePlan } from '../../../src/plan/samples/samples';
import type { Plan } from '../../../src/plan/schema';

/**
 * A measured disk reaches the control-plane models: the real fio fixture (fsync p50 0.518 ms,
 * p99 20.8 ms on the shared development machine) on the reference plan's control-plane profile
 * (enterprise NVMe, class p50 0.04 ms / p99 0.15 ms) must move the predicted commit latency.
 */
const fixture = JSON.parse(readFileSync(new URL('../../plan/fixtures/fio-fdatasync.json', import.meta.url), 'utf8'));
const fio = fioMeasurement(fixture, 'fixture');
if (!fio.ok) throw new Error(fio.error);

const classPlan = referencePlan();
const cpHardware = classPlan.nodes.find((n) => n.role === 'controlplane')!.hardwareId;
const step = setDiskMeasurement(classPlan, { id: cpHardware, index: 0, measured: fio.measured });
if (!step.ok) throw new Error(step.reason);
const measuredPlan: Plan = step.plan;
const report = (plan: Plan) => controlPlaneReport(plan, {});

describe('a fio measurement on the control-plane disk', () => {
  it('etcdMembers(plan with the fio fixture) read the measured fsync instead of the class default', () => {
    const before = etcdMembers(classPlan)[0];
    const after = etcdMembers(measuredPlan)[0];
    expect(before.fsyncMedianMs).toBe(DISK_CLASSES['nvme-enterprise'].fsyncMedianMs);
    expect(after.fsyncMedianMs).toBe(fio.measured.fsyncP50Ms);
    expect(after.disk.fsyncP99Ms).toBe(fio.measured.fsyncP99Ms);
    expect(after.disk.measured).toBe(true);
  });

  it('controlPlaneReport(plan with the fio fixture) predicts a slower commit than with the class default', () => {
    const base = report(classPlan).latency!.worst.commitMs;
    const measured = report(measuredPlan).latency!.worst.commitMs;
    // The class default commits well under 1 ms; the measured disk's 20.8 ms fsync p99 sets the
    // commit p99 (the leader waits for its own fsync and the faster follower's), so it can only
    // land at or above that fsync p99.
    expect(base.p99).toBeLessThan(1);
    expect(measured.p99).toBeGreaterThanOrEqual(fio.measured.fsyncP99Ms * 0.95);
    expect(measured.p99).toBeLessThan(fio.measured.fsyncP99Ms * 2);
    expect(measured.p50).toBeGreaterThan(base.p50);
  });

  it('controlPlaneReport(plan) with the measurement cleared again predicts what the class default does', () => {
    const cleared = setDiskMeasurement(measuredPlan, { id: cpHardware, index: 0, measured: null });
    if (!cleared.ok) throw new Error(cleared.reason);
    expect(report(cleared.plan).latency!.worst.commitMs).toEqual(report(classPlan).latency!.worst.commitMs);
  });
});
