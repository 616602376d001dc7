import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fioMeasurement } from '../../src/plan/fioMeasurement';
import { diskSpec } from '../../src/plan/diskClasses';
import { validatePlan } from '../../src/plan/validate';
import { referencePlan } from '../../src/plan/samples/samples';

/**
 * The fixture is real fio 3.33 output: `fio --rw=write --ioengine=sync --fdatasync=1
 * --directory=/tmp/fiotest --size=4m --bs=2300 --name=etcd-wal --output-format=json` (etcd's
 * recommended disk test) on the shared development machine's disk, 1,823 fdatasync calls.
 */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/fio-fdatasync.json', import.meta.url), 'utf8'));

describe('fioMeasurement', () => {
  it('fioMeasurement(real fio --fdatasync=1 JSON) reads the sync latency p50 and p99 in ms (ns / 1e6)', () => {
    const r = fioMeasurement(fixture, 'fixture');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pct = fixture.jobs[0].sync.lat_ns.percentile;
    expect(r.measured.fsyncP50Ms).toBeCloseTo(pct['50.000000'] / 1e6, 12);
    expect(r.measured.fsyncP99Ms).toBeCloseTo(pct['99.000000'] / 1e6, 12);
    // An fdatasync job's IOPS is one write plus one flush each: a latency, not the disk's capacity.
    expect(r.measured.writeIops).toBeUndefined();
    expect(r.measured.source).toBe('fixture');
    // What each figure came from: the fixture's one job, its 2300-byte blocks, its sync count.
    expect(r.from).toEqual([{ figure: 'fsync', job: 'etcd-wal', blockBytes: 2300, samples: fixture.jobs[0].sync.lat_ns.N }]);
  });

  it('fioMeasurement takes write IOPS from a 4k job and bandwidth from a 1M job without fdatasync', () => {
    const jobs = [
      fixture.jobs[0],
      { jobname: 'rand', 'job options': { rw: 'randwrite', bs: '4k', fdatasync: '0' }, write: { iops: 52_000, bw_bytes: 213e6 } },
      { jobname: 'seq', 'job options': { rw: 'write', bs: '1M', fdatasync: '0' }, write: { iops: 1900, bw_bytes: 1.9e9 } },
    ];
    const r = fioMeasurement({ ...fixture, jobs });
    expect(r.ok && r.measured.writeIops).toBe(52_000);
    expect(r.ok && r.measured.seqWriteMBps).toBeCloseTo(1900, 9);
    expect(r.ok && r.from.map((f) => [f.figure, f.job, f.blockBytes])).toEqual([
      ['fsync', 'etcd-wal', 2300],
      ['writeIops', 'rand', 4 * 1024],
      ['seqWriteMBps', 'seq', 1024 ** 2],
    ]);
  });

  it('fioMeasurement refuses what is not fio JSON or has no fdatasync job, saying why', () => {
    expect(fioMeasurement({ name: 'x' })).toEqual({ ok: false, error: expect.stringContaining('no "jobs" list') });
    const noSync = { ...fixture, 'global options': { ...fixture['global options'], fdatasync: '0' } };
    expect(fioMeasurement(noSync)).toEqual({ ok: false, error: expect.stringContaining('--fdatasync=1') });
  });

  it('a plan whose control-plane disk carries the fio measurement is valid and the models read it (diskSpec)', () => {
    const r = fioMeasurement(fixture);
    if (!r.ok) throw new Error(r.error);
    const plan = referencePlan();
    plan.hardware = plan.hardware.map((h) => ({ ...h, disks: h.disks.map((d) => ({ ...d, measured: r.measured })) }));
    expect(validatePlan(JSON.parse(JSON.stringify(plan))).issues).toEqual([]);
    const spec = diskSpec(plan.hardware[0].disks[0]);
    expect(spec.measured).toBe(true);
    expect(spec.fsyncMedianMs).toBe(r.measured.fsyncP50Ms);
    expect(spec.fsyncP99Ms).toBe(r.measured.fsyncP99Ms);
  });

  it('fioMeasurement(fixture plus any write jobs) names a job for every figure it returns, and only for those', () => {
    const job = fc.record({
      name: fc.constantFrom('a', 'b', 'c'),
      bs: fc.constantFrom('4k', '2300', '64k', '128k', '1M', undefined),
      iops: fc.double({ min: 1, max: 1e6, noNaN: true }),
      bwBytes: fc.double({ min: 1e6, max: 1e10, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(job, { maxLength: 4 }), (extra) => {
        const jobs = [
          fixture.jobs[0],
          ...extra.map((j) => ({
            jobname: j.name,
            'job options': { fdatasync: '0', ...(j.bs ? { bs: j.bs } : {}) },
            write: { iops: j.iops, bw_bytes: j.bwBytes },
          })),
        ];
        const r = fioMeasurement({ ...fixture, jobs });
        if (!r.ok) throw new Error(r.error);
        const figures = r.from.map((f) => f.figure);
        expect(figures[0]).toBe('fsync');
        expect(figures.includes('writeIops')).toBe(r.measured.writeIops !== undefined);
        expect(figures.includes('seqWriteMBps')).toBe(r.measured.seqWriteMBps !== undefined);
        // The job named for IOPS is one whose rate is the figure kept.
        const iopsJob = r.from.find((f) => f.figure === 'writeIops');
        if (iopsJob) expect(extra.some((j) => j.name === iopsJob.job && j.iops === r.measured.writeIops)).toBe(true);
      }),
    );
  });
});
